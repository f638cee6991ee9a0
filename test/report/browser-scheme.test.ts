/// <reference lib="dom" />
/**
 * End to end, the scheme report pages (one run, and two compared) in Debian's headless Chromium
 * (test/report/chromium.ts): every plot drawn offline with no console error, the page's own
 * legends hiding and showing traces, and zooming drawing every step at its UTC time; and the page
 * the built command writes (dist/cli.js, bundled), whose script inlines functions by their source.
 */

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { POWER_STEP_MW, runSeries } from '../../src/report/figures.js';
import { reportHtml } from '../../src/report/html.js';
import type { ReportRun } from '../../src/report/report-run.js';
import { scratch } from '../fixtures.js';
import { chromiumPages, expectAllRendered, expectMarginsKept, skipBrowser } from './chromium.js';
import { asEbbOnly, reportRun } from './run-page.js';

const tmp = scratch();

describe.skipIf(skipBrowser)('scheme report pages in headless Chromium', () => {
  const pages = chromiumPages();
  let single: ReportRun;

  beforeAll(() => {
    single = reportRun({ name: 'mersey-barrage' });
    // Compared: the default (two-way with pumping) and the same barrage ebb-only without pumping.
    const b = reportRun({ name: 'mersey-ebb-only', edit: asEbbOnly });
    pages.write('report-single', reportHtml([single], { toolVersion: 'test' }));
    pages.write('report-comparison', reportHtml([single, b], { toolVersion: 'test' }));
    // A fortnight of the default, written by the command as a user runs it (npm test builds dist/ first).
    const out = join(tmp(), 'command');
    const bin = join(PACKAGE_ROOT, 'dist', 'cli', 'bin.js');
    execFileSync(process.execPath, [
      bin,
      'simulate',
      '--set',
      'period.end=2018-01-15T00:00:00Z',
      '--html',
      '--quiet',
      '--out',
      out,
    ]);
    pages.add('report-command', join(out, 'report.html'));
  }, 120_000);

  const RUN_PLOTS = ['levels', 'energy', 'duration', 'ranges', 'tides', 'turbine', 'basin'];
  /** A single run's page has the loss waterfall of its summary after the time plot. */
  const SINGLE_PLOTS = ['levels', 'waterfall', ...RUN_PLOTS.slice(1)];

  it('the scheme report: every plot drawn, offline, no console error, no sideways scroll', async () => {
    const c = await pages.open('report-single');
    expectAllRendered(c, SINGLE_PLOTS);
    expectMarginsKept(c);
    expect(c.width).toBeLessThanOrEqual(1400);
    expect(c.plots[0].titles).toEqual(expect.arrayContaining(['time (UTC)', 'level (m ODN)', 'head (m)', 'power (MW)']));
  }, 120_000);

  it('the page the built command writes: every plot drawn', async () => {
    expectAllRendered(await pages.open('report-command'), SINGLE_PLOTS);
  }, 120_000);

  /** A time the page gives plotly.js ('2018-09-20 00:05:00', UTC without a zone) in ms since the epoch. */
  const utcMs = (x: string) => Date.parse(`${x.replace(' ', 'T')}Z`);

  it("the legends are the page's: plotly.js draws none, and an entry hides and shows its traces and shapes", async () => {
    const c = await pages.open(
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
    const c = await pages.open(
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
    const c = await pages.open('report-comparison');
    expectAllRendered(c, RUN_PLOTS);
    expectMarginsKept(c);
  }, 120_000);
});
