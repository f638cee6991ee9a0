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
import { PACKAGE_ROOT } from '../../src/paths.js';
import { POWER_STEP_MW, runSeries } from '../../src/report/figures.js';
import { reportHtml } from '../../src/report/html.js';
import { plotlyBundle } from '../../src/report/page.js';
import type { ReportRun } from '../../src/report/report-run.js';
import { sweepReportHtml } from '../../src/report/sweep.js';
import type { SweepRow } from '../../src/report/sweep-fields.js';
import { validationHtml } from '../../src/validation/plot.js';
import { VALIDATION_SCHEMES } from '../../src/validation/published.js';
import { runValidation } from '../../src/validation/suite.js';
import { asEbbOnly, reportRun, scratch } from '../fixtures.js';

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

/** A deterministic synthetic sweep: energy with diminishing returns, a cost that is not a function of capacity alone. */
function sweepRows(): SweepRow[] {
  const rows: SweepRow[] = [];
  for (const diameter_m of [6, 6.5, 7, 7.5, 8, 8.5, 9])
    for (const turbine_count of [16, 20, 24, 28, 32, 36, 40])
      for (const sluice_area_m2 of [1500, 2500, 3500]) {
        const capacity_mw = turbine_count * 0.48 * diameter_m ** 2;
        const annual_energy_gwh = 1600 * (1 - Math.exp(-capacity_mw / 900)) * (1 + 0.1 * Math.log(sluice_area_m2 / 2500));
        rows.push({
          design: rows.length,
          diameter_m,
          turbine_count,
          sluice_area_m2,
          capacity_mw,
          annual_energy_gwh,
          capacity_factor: (annual_energy_gwh * 1000) / (capacity_mw * 8766),
          revenue_gbp_per_yr: 45_000 * annual_energy_gwh,
          capex_gbp: 1.5e6 * capacity_mw + 4e7 * Math.abs(diameter_m - 7.5) + 2e5 * sluice_area_m2,
        });
      }
  return rows;
}

interface PlotState {
  id: string;
  redrawn: boolean;
  top: (number | null)[];
  traces: number;
  types: string[];
  points: number[];
  rendered: number;
  drawn: number;
  /** Legend groups of the traces that draw nothing (mode 'none': hover only), and of the path shapes that drew. */
  hoverOnly: string[];
  shapeGroups: string[];
  titles: string[];
}

interface PageCheck {
  /** Width of the page's content (px): more than the window's 1400 scrolls sideways. */
  width: number;
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
  let single: ReportRun;

  beforeAll(async () => {
    if (!haveBrowser)
      throw new Error(
        `${CHROMIUM} is missing: .ci/run installs Debian's chromium with apt-get; the browser tests cannot run without it`,
      );
    mkdirSync(OUT, { recursive: true });
    const a = reportRun({ name: 'mersey-barrage' });
    single = a;
    // Compared: the default (two-way with pumping) and the same barrage ebb-only without pumping.
    const b = reportRun({ name: 'mersey-ebb-only', edit: asEbbOnly });
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
        { inputs: ['diameter_m', 'turbine_count', 'sluice_area_m2'], cost: 'capex_gbp', revenue: 'revenue_gbp_per_yr' },
        { title: 'Synthetic sweep (test data)', toolVersion: 'test' },
      ),
    );
    write('report-validation', validationHtml(await runValidation(VALIDATION_SCHEMES), null, { toolVersion: 'test' }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /**
   * Opens a page offline (in the browser's time zone `timezoneId`, default the machine's), waits
   * for the plots, checks them and saves a screenshot; `act` runs before the screenshot.
   */
  async function open(
    name: string,
    act?: (p: import('playwright-core').Page) => Promise<unknown>,
    screenshot = true,
    timezoneId?: string,
  ): Promise<PageCheck & { actResult?: unknown }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block', timezoneId });
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
        width: document.documentElement.scrollWidth,
        rendered: document.body.getAttribute('data-rendered'),
        error: document.body.getAttribute('data-error'),
        plots: [...document.querySelectorAll<HTMLElement>('div.plot')].map((el) => {
          const gd = el as HTMLElement & {
            data?: { type?: string; x?: unknown[]; z?: unknown[] }[];
            _fullData?: { mode?: string; uid: string; legendgroup: string }[];
            layout?: { shapes?: { legendgroup?: string }[] };
          };
          const main = el.querySelector('.cartesianlayer');
          const groups = main ? [...main.querySelectorAll('g.trace, g.hm')] : [];
          const hoverOnly = (gd._fullData ?? []).filter((t) => t.mode === 'none');
          const isHoverOnly = (g: Element) => hoverOnly.some((t) => g.classList.contains(`trace${t.uid}`));
          return {
            id: el.id,
            // plotly.js sets this when it had to draw the plot again for a margin it widened
            // after the first pass (a cost the pages avoid with margins wide enough).
            redrawn: '_redrawFromAutoMarginCount' in ((gd as { _fullLayout?: object })._fullLayout ?? {}),
            // The top margin given and the one drawn: plotly.js widens it for a legend that does
            // not fit, drawing the legend and the frame again.
            top: [
              (gd as { layout?: { margin?: { t?: number } } }).layout?.margin?.t ?? null,
              (gd as { _fullLayout?: { _size?: { t?: number } } })._fullLayout?._size?.t ?? null,
            ],
            traces: gd.data?.length ?? 0,
            types: [...new Set((gd.data ?? []).map((t) => t.type ?? 'scatter'))],
            points: (gd.data ?? []).map((t) => (t.type === 'heatmap' ? (t.z?.length ?? 0) : (t.x?.length ?? 0))),
            rendered: groups.length,
            // Groups that drew something: a path with a shape, or the heat map's image.
            drawn: groups.filter(
              (g) =>
                !isHoverOnly(g) &&
                ([...g.querySelectorAll('path')].some((p) => (p.getAttribute('d') ?? '').length > 2) ||
                  g.querySelector('image') !== null),
            ).length,
            hoverOnly: hoverOnly.map((t) => t.legendgroup),
            // Shapes that drew points: a path of zero-length segments shows only with round caps.
            shapeGroups: [...el.querySelectorAll('.shapelayer path')]
              .filter((p) => (p.getAttribute('d') ?? '').length > 2 && getComputedStyle(p).strokeLinecap === 'round')
              .map((p) => gd.layout?.shapes?.[Number(p.getAttribute('data-index'))]?.legendgroup ?? ''),
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
    const inBundle = plotlyBundle().traces;
    for (const p of c.plots) {
      expect(p.traces, p.id).toBeGreaterThan(0);
      expect(p.redrawn, `${p.id}: drawn once, not again for its margins`).toBe(false);
      for (const t of p.types) expect(inBundle, `${p.id}: trace type ${t} is in the inlined bundle`).toContain(t);
      for (const n of p.points) expect(n, `${p.id}: every trace has points`).toBeGreaterThan(0);
      expect(p.rendered, `${p.id}: a drawn group per trace`).toBe(p.traces);
      expect(p.drawn, `${p.id}: every group drew something, but those that only hover`).toBe(p.traces - p.hoverOnly.length);
      for (const g of p.hoverOnly) expect(p.shapeGroups, `${p.id}: a shape drew the points of ${g}`).toContain(g);
      expect(p.titles.length, `${p.id}: axis titles`).toBeGreaterThanOrEqual(2);
    }
  }

  it('the checks catch a request leaving the page, a console error and a plot with no traces', async () => {
    const c = await open('broken', undefined, false);
    expect(c.offPage).toEqual(['http://example.invalid/x.png']);
    expect(c.consoleErrors).toContain('boom');
    expect(c.plots).toEqual([
      {
        id: 'empty',
        redrawn: false,
        top: [null, null],
        traces: 0,
        types: [],
        points: [],
        rendered: 0,
        drawn: 0,
        hoverOnly: [],
        shapeGroups: [],
        titles: [],
      },
    ]);
    expect(c.rendered).toBe('1');
  }, 60_000);

  /** Each plot kept the top margin it was given: plotly.js widens it (a second pass) for anything of its own that does not fit. */
  function expectMarginsKept(c: PageCheck): void {
    for (const p of c.plots) expect(p.top[1], `${p.id}: top margin as given`).toBe(p.top[0]);
  }

  const RUN_PLOTS = ['levels', 'energy', 'duration', 'ranges', 'tides', 'turbine', 'basin'];
  /** A single run's page has the loss waterfall of its summary after the time plot. */
  const SINGLE_PLOTS = ['levels', 'waterfall', ...RUN_PLOTS.slice(1)];

  it('the scheme report: every plot drawn, offline, no console error, no sideways scroll', async () => {
    const c = await open('report-single');
    expectAllRendered(c, SINGLE_PLOTS);
    expectMarginsKept(c);
    expect(c.width).toBeLessThanOrEqual(1400);
    expect(c.plots[0].titles).toEqual(expect.arrayContaining(['time (UTC)', 'level (m ODN)', 'head (m)', 'power (MW)']));
  }, 120_000);

  /** A time the page gives plotly.js ('2018-09-20 00:05:00', UTC without a zone) in ms since the epoch. */
  const utcMs = (x: string) => Date.parse(`${x.replace(' ', 'T')}Z`);

  it("the legends are the page's: plotly.js draws none, and an entry hides and shows its traces and shapes", async () => {
    const c = await open(
      'report-single',
      async (page) => {
        type Gd = HTMLElement & { data: { name?: string; visible?: unknown }[]; layout: { shapes: { visible?: unknown }[] } };
        const state = () =>
          page.evaluate(() => {
            const levels = document.getElementById('levels') as Gd;
            const tides = document.getElementById('tides') as Gd;
            return {
              basin: levels.data.find((t) => t.name === 'basin level')?.visible ?? true,
              ebbDots: tides.layout.shapes[0].visible ?? true,
              ebbHover: tides.data[0].visible ?? true,
              plotlyLegends: document.querySelectorAll('.js-plotly-plot .infolayer .legend').length,
            };
          });
        const before = await state();
        const entry = (plot: string, name: string) =>
          page.locator(`#section-${plot} .legend-item`, { hasText: new RegExp(`^${name}$`) });
        await entry('levels', 'basin level').click();
        await entry('tides', 'ebb half tide').click();
        await page.waitForFunction(() => document.querySelectorAll('.legend-item.off').length === 2);
        const hidden = await state();
        await entry('levels', 'basin level').click();
        await entry('tides', 'ebb half tide').click();
        await page.waitForFunction(() => document.querySelectorAll('.legend-item.off').length === 0);
        return { before, hidden, after: await state() };
      },
      false,
    );
    expect(c.error).toBeNull();
    expect(c.consoleErrors).toEqual([]);
    const { before, hidden, after } = c.actResult as Record<string, Record<string, unknown>>;
    expect(before).toEqual({ basin: true, ebbDots: true, ebbHover: true, plotlyLegends: 0 });
    expect(hidden).toEqual({ basin: 'legendonly', ebbDots: false, ebbHover: 'legendonly', plotlyLegends: 0 });
    expect(after).toEqual({ basin: true, ebbDots: true, ebbHover: true, plotlyLegends: 0 });
  }, 120_000);

  it('zooming to any day draws every step of it, at its UTC time in any time zone, and zooming out keeps the peaks', async () => {
    const c = await open(
      'report-single',
      async (page) => {
        type Gd = HTMLElement & {
          data: { name: string; x: string[]; y: number[]; src?: unknown }[];
          calcdata: { x: number }[][];
        };
        const zoom = async (range: string[] | null) => {
          const before = await page.evaluate(() => Number(document.body.getAttribute('data-resampled') ?? 0));
          await page.evaluate(
            (r) =>
              (window as unknown as { Plotly: { relayout: (g: unknown, u: unknown) => Promise<unknown> } }).Plotly.relayout(
                document.getElementById('levels'),
                r ? { 'xaxis.range': r } : { 'xaxis.autorange': true },
              ),
            range,
          );
          await page.waitForFunction((b) => Number(document.body.getAttribute('data-resampled') ?? 0) > b, before);
          // With each trace, the times plotly.js placed its points at (ms since the epoch).
          return page.evaluate(() => {
            const gd = document.getElementById('levels') as Gd;
            return gd.data.flatMap((t, i) =>
              t.src ? [{ name: t.name, x: Array.from(t.x), y: Array.from(t.y), at: gd.calcdata[i].map((p) => p.x) }] : [],
            );
          });
        };
        // A day far from the fortnight shown first (which the old page drew at 3-hour min/max).
        const day = await zoom(['2018-09-20 00:00:00', '2018-09-21 00:00:00']);
        const whole = await zoom(null);
        return { day, whole };
      },
      false,
      // British summer time in September: a time given as a number would be drawn an hour late.
      'Europe/London',
    );
    const { day, whole } = c.actResult as Record<'day' | 'whole', { name: string; x: string[]; y: number[]; at: number[] }[]>;
    const a = Date.parse('2018-09-20T00:00:00Z');
    const b = Date.parse('2018-09-21T00:00:00Z');
    const dtMs = single.result.sea.dt * 1000;
    const steps = (b - a) / dtMs + 1; // samples at both ends of the day
    expect(day.map((t) => t.name)).toEqual([
      'sea level',
      'basin level',
      'head, basin - sea',
      'power generated',
      'power drawn pumping (negative)',
    ]);
    for (const t of day) {
      expect(t.at, t.name).toEqual(t.x.map(utcMs));
      const inside = t.at.filter((x) => x >= a && x <= b);
      expect(inside.length, t.name).toBe(steps);
      expect(inside[0], t.name).toBe(a);
      for (let i = 1; i < inside.length; i++) expect(inside[i] - inside[i - 1]).toBe(dtMs);
    }
    // The whole year: a few thousand points per trace, and the largest power of the year among them.
    // (The page holds the power quantised: within half its step, series-codec.ts.)
    const ref = single.result;
    const power = whole.find((t) => t.name === 'power generated')!;
    expect(power.x.length).toBeLessThan(10_000);
    let peak = 0;
    for (let i = 0; i < ref.sea.level.length - 1; i++) peak = Math.max(peak, ref.series.power[i]);
    const { series, columns } = runSeries([single]);
    const step = columns[series[0].cols.power].step!;
    expect(step).toBeLessThanOrEqual(POWER_STEP_MW); // the encoder's step, capped by what the page promises
    expect(Math.abs(Math.max(...power.y) - peak / 1e6)).toBeLessThanOrEqual(step / 2 + 1e-9);
  }, 120_000);

  it('the comparison page overlays both runs', async () => {
    const c = await open('report-comparison');
    expectAllRendered(c, RUN_PLOTS);
    expectMarginsKept(c);
  }, 120_000);

  it('the sweep page: main effects, heat map, energy against capacity, Pareto front; no sideways scroll', async () => {
    const c = await open('report-sweep');
    expectAllRendered(c, ['sweep-effects', 'sweep-heatmap', 'sweep-scatter', 'sweep-pareto']);
    expect(c.width).toBeLessThanOrEqual(1400);
    expect(c.plots[1].titles).toEqual(expect.arrayContaining(['turbine count', 'diameter (m)', 'annual energy (GWh/yr)']));
  }, 120_000);

  it('the validation page: modelled against published with the accepted band', async () => {
    const c = await open('report-validation');
    expectAllRendered(c, ['validation']);
    expect(c.width).toBeLessThanOrEqual(1400);
  }, 120_000);
});
