import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.js';
import { buildScheme } from '../src/scenario/build.js';
import { simulate, type Result } from '../src/simulate.js';
import { DEFAULT_SCENARIO } from '../src/paths.js';
import { plotlyBundle, reportHtml, runLabels } from '../src/report/html.js';
import { chooseWindow, dailyCumulativeEnergy, modeRuns, runFigures, SPRING_NEAP_S, type Figure, type ReportRun } from '../src/report/figures.js';
import { tideCycles } from '../src/report/tide-cycles.js';

function mersey(dt = 300, description?: string): ReportRun {
  const s = loadScenario(DEFAULT_SCENARIO);
  s.time_step_s = dt;
  if (description !== undefined) s.description = description;
  return { result: simulate(s), scheme: buildScheme(s), label: s.name };
}

const scripts = (html: string) => html.match(/<script[\s>]/g)?.length ?? 0;
const bodyText = (html: string) => html.slice(html.indexOf('<body>')).replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
type Axis = { title?: { text?: string }; visible?: boolean };

describe('the scheme report page', () => {
  let run: ReportRun;
  let figures: Figure[];
  beforeAll(() => {
    run = mersey();
    const w = chooseWindow(run.result);
    figures = runFigures([run], { base: run.result.sea.t0, window: w });
  });

  it('draws the plots of the issue: levels with modes and power, monthly and cumulative energy, per-tide scatter, turbine curve, basin curves', () => {
    expect(figures.map((f) => f.id)).toEqual(['levels', 'energy', 'tides', 'turbine', 'basin']);
    for (const f of figures) expect(f.data.length).toBeGreaterThan(0);
    const levels = figures[0].data.map((t) => t.name);
    expect(levels).toEqual(['mode: fill', 'mode: hold-high', 'mode: generate-ebb', 'mode: hold-low', 'sea level', 'basin level', 'power output', 'installed capacity']);
  });

  it('titles every visible axis with its unit', () => {
    for (const f of figures) {
      const axes = Object.entries(f.layout).filter(([k]) => /^[xy]axis\d*$/.test(k)) as [string, Axis][];
      expect(axes.length).toBeGreaterThanOrEqual(2);
      for (const [name, a] of axes) {
        if (a.visible === false) continue;
        expect(a.title?.text, `${f.id}.${name}`).toMatch(/\((m|m ODN|MW|GWh|MWh|UTC|km²|million m³|m³\/s)\)$/);
      }
    }
  });

  it('mode bands tile the period and match the mode series', () => {
    const { sea, series, modeNames } = run.result;
    const bars = figures[0].data.filter((t) => t.type === 'bar');
    const total = bars.reduce((a, t) => a + (t.width as number[]).reduce((x, y) => x + y, 0), 0);
    expect(total).toBe((sea.level.length - 1) * sea.dt * 1000); // ms: the bands cover every step of the period once
    const runs = modeRuns(series.mode.subarray(0, sea.level.length - 1));
    expect(bars.reduce((a, t) => a + (t.width as number[]).length, 0)).toBe(runs.length);
    for (const r of runs.slice(0, 50)) expect(series.mode[r.start]).toBe(r.mode);
    expect(bars.map((b) => b.name)).toEqual(modeNames.map((m) => `mode: ${m}`));
    const starts = bars.flatMap((t) => (t.xt as number[]).map((x, i) => x - (t.width as number[])[i] / 2000)).sort((a, b) => a - b);
    expect(starts[0]).toBe(0); // the first band starts with the period (xt is seconds after its start)
    expect(starts[1]).toBe(runs[1].start * sea.dt);
  });

  it('mode runs: merging runs shorter than a length into the one before', () => {
    expect(modeRuns([0, 0, 1, 1, 1, 2, 0, 0])).toEqual([
      { mode: 0, start: 0, end: 2 },
      { mode: 1, start: 2, end: 5 },
      { mode: 2, start: 5, end: 6 },
      { mode: 0, start: 6, end: 8 },
    ]);
    expect(modeRuns([0, 0, 1, 1, 1, 2, 0, 0], 2)).toEqual([
      { mode: 0, start: 0, end: 2 },
      { mode: 1, start: 2, end: 6 },
      { mode: 0, start: 6, end: 8 },
    ]);
  });

  it('shows first the spring-neap fortnight around the largest tide, or the one asked for', () => {
    const { cycles } = tideCycles(run.result.sea, run.result.series.power);
    const largest = cycles.reduce((a, c) => (c.range_m > a.range_m ? c : a));
    const w = chooseWindow(run.result);
    expect(w.end - w.start).toBeCloseTo(SPRING_NEAP_S, 6);
    expect(SPRING_NEAP_S / 86400).toBeCloseTo(14.765, 3); // the M2-S2 beat period
    expect(largest.time).toBeGreaterThan(w.start + 0.4 * SPRING_NEAP_S);
    expect(largest.time).toBeLessThan(w.end - 0.4 * SPRING_NEAP_S);
    const asked = Date.parse('2018-06-01T00:00:00Z') / 1000;
    expect(chooseWindow(run.result, asked).start).toBe(asked);
    expect(chooseWindow(run.result, Date.parse('2018-12-30T00:00:00Z') / 1000).end).toBe(run.result.sea.t0 + (run.result.sea.level.length - 1) * run.result.sea.dt); // kept inside the period
  });

  it('energy figures agree with the summary: monthly bars, and the cumulative line ends at the period energy', () => {
    const r: Result = run.result;
    const energy = figures[1];
    const bars = energy.data[0].y as number[];
    expect(bars.reduce((a, b) => a + b, 0)).toBeCloseTo(r.summary.energy_gwh, 2);
    const c = dailyCumulativeEnergy(r);
    expect(c.energy_gwh[c.energy_gwh.length - 1]).toBeCloseTo(r.summary.energy_gwh, 9);
    for (let i = 1; i < c.energy_gwh.length; i++) expect(c.energy_gwh[i]).toBeGreaterThanOrEqual(c.energy_gwh[i - 1]);
    expect(c.time.length).toBe(365); // one point per UTC day of 2018
  });

  it('is one file with no external resource, and text from the scenario is escaped', () => {
    const r = mersey(900, 'Test </script><script>alert(1)</script> & "quotes"');
    const html = reportHtml([r], { toolVersion: 'test' });
    expect(scripts(html)).toBe(3); // plotly.js, the data, the drawing code
    const text = bodyText(html);
    expect(text).not.toMatch(/<(img|link|iframe)\b|\bsrc=|href="?https?:/i);
    expect(text).toContain('Test &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html.includes(plotlyBundle().text)).toBe(true);
  });

  it('a year at 1-minute steps stays light: the data inlined is well under a megabyte, about what 5-minute steps give', () => {
    const fine = reportHtml([mersey(60)], { toolVersion: 'test' });
    const coarse = reportHtml([run], { toolVersion: 'test' });
    const plotly = plotlyBundle().text.length;
    const dataFine = fine.length - plotly;
    const dataCoarse = coarse.length - plotly;
    // Measured: about 0.58 MB at 1 minute (525,600 steps) and 0.50 MB at 5 minutes; plotly.js itself is 11.2 MB.
    expect(dataFine).toBeLessThan(1e6);
    expect(dataFine / dataCoarse).toBeLessThan(1.5);
    expect(fine.length).toBeLessThan(plotly + 1e6);
  });

  it('labels runs of the same name apart', () => {
    expect(runLabels(['a', 'b', 'a'])).toEqual(['a #1', 'b', 'a #2']);
  });
});
