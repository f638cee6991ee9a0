/// <reference lib="dom" />
/**
 * End to end: the report pages open in Debian's headless Chromium (through playwright-core, never
 * a downloaded browser) from file:// with every request outside file:/data: refused, and every
 * plot renders its traces with no console error. Screenshots go to out/ for people to look at.
 */

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, PACKAGE_ROOT } from '../src/paths.js';
import type { ReportRun } from '../src/report/figures.js';
import { reportHtml } from '../src/report/html.js';
import { type SweepRow, sweepReportHtml } from '../src/report/sweep.js';
import { buildOperation, buildScheme } from '../src/scenario/build.js';
import { loadScenario } from '../src/scenario/load.js';
import { simulate } from '../src/simulate.js';
import { scratch } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
const skip = !haveBrowser && !inCi;
if (skip)
  console.warn(
    `browser tests skipped: ${CHROMIUM} is missing (install Debian's chromium: apt-get install chromium). Under CI=true this is a failure.`,
  );

const OUT = join(PACKAGE_ROOT, 'out');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function run(name: string, edit: (s: ReturnType<typeof loadScenario>) => void = () => {}): ReportRun {
  const s = loadScenario(DEFAULT_SCENARIO);
  s.name = name;
  edit(s);
  return { result: simulate(s), scheme: buildScheme(s), ops: buildOperation(s), label: name };
}

/** A deterministic synthetic sweep: energy with diminishing returns, a cost that is not a function of capacity alone. */
function sweepRows(): SweepRow[] {
  const rows: SweepRow[] = [];
  for (const diameter_m of [6, 6.5, 7, 7.5, 8, 8.5, 9])
    for (const turbine_count of [16, 20, 24, 28, 32, 36, 40])
      for (const sluice_area_m2 of [1500, 2500, 3500]) {
        const capacity_mw = turbine_count * 0.48 * diameter_m ** 2;
        const annual_energy_gwh = 1600 * (1 - Math.exp(-capacity_mw / 900)) * (1 + 0.1 * Math.log(sluice_area_m2 / 2500));
        rows.push({
          diameter_m,
          turbine_count,
          sluice_area_m2,
          capacity_mw,
          annual_energy_gwh,
          capex_gbp: 1.5e6 * capacity_mw + 4e7 * Math.abs(diameter_m - 7.5) + 2e5 * sluice_area_m2,
        });
      }
  return rows;
}

interface PlotState {
  id: string;
  traces: number;
  points: number[];
  rendered: number;
  drawn: number;
  titles: string[];
}

interface PageCheck {
  plots: PlotState[];
  rendered: string | null;
  error: string | null;
  consoleErrors: string[];
  offPage: string[];
  requests: string[];
}

const tmp = scratch();

describe.skipIf(skip)('report pages in headless Chromium', () => {
  let browser: Browser;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    if (!haveBrowser)
      throw new Error(
        `${CHROMIUM} is missing: .ci/run installs Debian's chromium with apt-get; the browser tests cannot run without it`,
      );
    mkdirSync(OUT, { recursive: true });
    const a = run('mersey-barrage');
    // Compared: the default (two-way with pumping) and the same barrage ebb-only without pumping.
    const b = run('mersey-ebb-only', (s) => {
      const { start_head_m, end_head_m } = s.operation.ebb!;
      s.operation = {
        ...s.operation,
        mode: 'ebb-only',
        ebb: { start_head_m, end_head_m, sluice_while_generating: false },
        ramp_s: 0,
      };
    });
    const write = (name: string, html: string) => {
      const f = join(OUT, `${name}.html`);
      writeFileSync(f, html);
      pages[name] = f;
    };
    write('report-single', reportHtml([a], { toolVersion: 'test' }));
    write('report-comparison', reportHtml([a, b], { toolVersion: 'test' }));
    // A page that breaks the rules, to show the checks catch it.
    const broken = join(tmp(), 'broken.html');
    writeFileSync(
      broken,
      '<!DOCTYPE html><html><body><div class="plot" id="empty"></div><img src="http://example.invalid/x.png"><script>console.error("boom"); document.body.setAttribute("data-rendered", "1");</script></body></html>',
    );
    pages.broken = broken;
    write(
      'report-sweep',
      sweepReportHtml(
        sweepRows(),
        { x: 'diameter_m', y: 'turbine_count', cost: 'capex_gbp' },
        { title: 'Synthetic sweep (test data)', toolVersion: 'test' },
      ),
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a page offline, waits for the plots, checks them and saves a screenshot; `act` runs before the screenshot. */
  async function open(
    name: string,
    act?: (p: import('playwright-core').Page) => Promise<unknown>,
    screenshot = true,
  ): Promise<PageCheck & { actResult?: unknown }> {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const offPage: string[] = [];
    const requests: string[] = [];
    const local = (u: string) => u.startsWith('file:') || u.startsWith('data:');
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (local(u)) return route.continue();
      offPage.push(u);
      return route.abort('blockedbyclient');
    });
    page.on('request', (r) => requests.push(r.url()));
    page.on('websocket', (w) => offPage.push(w.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
    try {
      await page.goto(pathToFileURL(pages[name]).href);
      await page.waitForFunction(
        () => document.body.hasAttribute('data-rendered') || document.body.hasAttribute('data-error'),
        null,
        { timeout: 60_000 },
      );
      const actResult = act ? await act(page) : undefined;
      const state = await page.evaluate(() => ({
        rendered: document.body.getAttribute('data-rendered'),
        error: document.body.getAttribute('data-error'),
        plots: [...document.querySelectorAll<HTMLElement>('div.plot')].map((el) => {
          const gd = el as HTMLElement & { data?: { type?: string; x?: unknown[]; z?: unknown[] }[] };
          const main = el.querySelector('.cartesianlayer');
          const groups = main ? [...main.querySelectorAll('g.trace, g.hm')] : [];
          return {
            id: el.id,
            traces: gd.data?.length ?? 0,
            points: (gd.data ?? []).map((t) => (t.type === 'heatmap' ? (t.z?.length ?? 0) : (t.x?.length ?? 0))),
            rendered: groups.length,
            // Groups that drew something: a path with a shape, or the heat map's image.
            drawn: groups.filter(
              (g) =>
                [...g.querySelectorAll('path')].some((p) => (p.getAttribute('d') ?? '').length > 2) ||
                g.querySelector('image') !== null,
            ).length,
            titles: [...el.querySelectorAll('.infolayer text')]
              .filter((t) => /title/.test(t.getAttribute('class') ?? ''))
              .map((t) => t.textContent ?? ''),
          };
        }),
      }));
      if (screenshot) await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      return { ...state, consoleErrors, offPage, requests, actResult };
    } finally {
      await context.close();
    }
  }

  function expectAllRendered(c: PageCheck, ids: string[]): void {
    expect(c.error).toBeNull();
    expect(c.consoleErrors).toEqual([]);
    expect(c.offPage).toEqual([]);
    expect(c.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(c.rendered).toBe(String(ids.length));
    expect(c.plots.map((p) => p.id)).toEqual(ids);
    for (const p of c.plots) {
      expect(p.traces, p.id).toBeGreaterThan(0);
      for (const n of p.points) expect(n, `${p.id}: every trace has points`).toBeGreaterThan(0);
      expect(p.rendered, `${p.id}: a drawn group per trace`).toBe(p.traces);
      expect(p.drawn, `${p.id}: every group drew something`).toBe(p.traces);
      expect(p.titles.length, `${p.id}: axis titles`).toBeGreaterThanOrEqual(2);
    }
  }

  it('the checks catch a request leaving the page, a console error and a plot with no traces', async () => {
    const c = await open('broken', undefined, false);
    expect(c.offPage).toEqual(['http://example.invalid/x.png']);
    expect(c.consoleErrors).toContain('boom');
    expect(c.plots).toEqual([{ id: 'empty', traces: 0, points: [], rendered: 0, drawn: 0, titles: [] }]);
  }, 60_000);

  it('the scheme report: every plot drawn, offline, no console error; zooms out to the whole year', async () => {
    const c = await open('report-single', async (page) => {
      const before = await page.evaluate(() =>
        (document.getElementById('levels') as unknown as { layout: { xaxis: { range: string[] } } }).layout.xaxis.range.slice(),
      );
      await page.locator('#levels .rangeselector .button', { hasText: 'whole period' }).click();
      await page.waitForFunction(
        (r) =>
          (document.getElementById('levels') as unknown as { layout: { xaxis: { range: string[] } } }).layout.xaxis.range[0] !==
          r[0],
        before,
      );
      const after = await page.evaluate(() =>
        (document.getElementById('levels') as unknown as { layout: { xaxis: { range: string[] } } }).layout.xaxis.range.slice(),
      );
      // Back to the fortnight for the screenshot.
      await page.locator('#levels .rangeselector .button', { hasText: '15 days' }).click();
      return { before, after };
    });
    expectAllRendered(c, ['levels', 'energy', 'tides', 'turbine', 'basin']);
    const { before, after } = c.actResult as { before: string[]; after: string[] };
    const days = (r: string[]) =>
      (Date.parse(`${r[1].replace(' ', 'T')}Z`) - Date.parse(`${r[0].replace(' ', 'T')}Z`)) / 86_400_000;
    expect(days(before)).toBeCloseTo(14.77, 1);
    expect(days(after)).toBeGreaterThan(364.9);
    expect(c.plots[0].titles).toEqual(expect.arrayContaining(['time (UTC)', 'level (m ODN)', 'power (MW)']));
  }, 120_000);

  it('the comparison page overlays both runs', async () => {
    const c = await open('report-comparison');
    expectAllRendered(c, ['levels', 'energy', 'tides', 'turbine', 'basin']);
  }, 120_000);

  it('the sweep page: heat map, energy against capacity, Pareto front', async () => {
    const c = await open('report-sweep');
    expectAllRendered(c, ['sweep-heatmap', 'sweep-scatter', 'sweep-pareto']);
    expect(c.plots[0].titles).toEqual(expect.arrayContaining(['diameter (m)', 'turbine count', 'annual energy (GWh)']));
  }, 120_000);
});
