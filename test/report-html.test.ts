import { beforeAll, describe, expect, it } from 'vitest';
import { ebbOnly, fixedHeadCycle } from '../src/operation/fixed-head.js';
import { DEFAULT_SCENARIO } from '../src/paths.js';
import { J_PER_MWH } from '../src/physics.js';
import {
  chooseWindow,
  dailyCumulativeEnergy,
  type Figure,
  generatingHalves,
  modeColours,
  modeKind,
  modeRuns,
  type ReportRun,
  runFigures,
  SPRING_NEAP_S,
  zeroAlignedRanges,
} from '../src/report/figures.js';
import { plotlyBundle, reportHtml, runLabels } from '../src/report/html.js';
import { seaExcursions } from '../src/report/tide-ranges.js';
import { buildOperation, buildScheme } from '../src/scenario/build.js';
import { loadScenario } from '../src/scenario/load.js';
import type { Scenario } from '../src/scenario/types.js';
import { type Result, simulate } from '../src/simulate.js';

function mersey(dt = 300, edit: (s: Scenario) => void = () => {}): ReportRun {
  const s = loadScenario(DEFAULT_SCENARIO);
  s.time_step_s = dt;
  edit(s);
  return { result: simulate(s), scheme: buildScheme(s), ops: buildOperation(s), label: s.name };
}

/** The Mersey default run ebb-only, without pumping (the heads of the ebb kept). */
const ebbOnlyEdit = (s: Scenario) => {
  s.name = 'mersey-ebb-only';
  const { start_head_m, end_head_m } = s.operation.ebb!;
  s.operation = {
    ...s.operation,
    mode: 'ebb-only',
    ebb: { start_head_m, end_head_m, sluice_while_generating: false },
    ramp_s: 0,
  };
};

const scripts = (html: string) => html.match(/<script[\s>]/g)?.length ?? 0;
const bodyText = (html: string) =>
  html.slice(html.indexOf('<body>')).replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
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
    const modes = ['fill', 'pump-high', 'hold-high', 'generate-ebb', 'drain', 'pump-low', 'hold-low', 'generate-flood'];
    expect(run.result.modeNames).toEqual(modes); // the default: two-way with pumping
    expect(levels).toEqual([
      ...modes.map((m) => `mode: ${m}`),
      'sea level',
      'basin level',
      'power generated',
      'power drawn pumping (negative)',
      'installed capacity',
      'pumping limit (all units at full pumping power)',
    ]);
    expect(figures[2].data.map((t) => t.name)).toEqual(['ebb half tide', 'flood half tide']);
  });

  it('power: generated above zero, drawn by pumping below it down to the pumping limit, peaks kept', () => {
    const { series, sea, summary } = run.result;
    const byName = (n: string) => figures[0].data.find((t) => t.name === n) as { y: number[] };
    const gen = byName('power generated').y;
    const pump = byName('power drawn pumping (negative)').y;
    const steps = sea.level.length - 1;
    const max = (xs: ArrayLike<number>) =>
      Array.from(xs)
        .slice(0, steps)
        .reduce((a, b) => Math.max(a, b), 0);
    expect(Math.min(...gen)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...pump)).toBeLessThanOrEqual(0);
    expect(Math.max(...gen)).toBeCloseTo(max(series.power) / 1e6, 3);
    expect(Math.min(...pump)).toBeCloseTo(-max(series.pumpPower) / 1e6, 3);
    expect(byName('installed capacity').y).toEqual(
      [summary.installed_capacity_mw, summary.installed_capacity_mw].map((x) => Math.round(x * 1000) / 1000),
    );
    const limit = byName('pumping limit (all units at full pumping power)').y[0];
    expect(limit).toBeLessThan(0);
    expect(Math.min(...pump)).toBeGreaterThanOrEqual(limit - 1e-3); // pumping never draws more than all units at full power
    expect(-limit).toBeLessThanOrEqual(summary.installed_capacity_mw + 1e-3); // the scenario: pumps at most the unit's rated power
  });

  it('shades each mode by what it does and on which side of the cycle, all modes told apart', () => {
    const ops = run.ops;
    expect(ops.names.map((_, m) => modeKind(ops, m))).toEqual([
      'sluicing',
      'pumping',
      'holding',
      'generating',
      'sluicing',
      'pumping',
      'holding',
      'generating',
    ]);
    const c = modeColours(ops);
    expect(new Set(c).size).toBe(8);
    // Ebb-only: the two holds are on the ebb side (the head is positive in both) yet differ, and keep the two-way holds' shades.
    const e = ebbOnly({ startHead: 3.5, endHead: 2.4 });
    const ce = modeColours(e);
    expect(e.names).toEqual(['fill', 'hold-high', 'generate-ebb', 'hold-low']);
    expect(new Set(ce).size).toBe(4);
    const two = Object.fromEntries(ops.names.map((n, m) => [n, c[m]]));
    e.names.forEach((n, m) => {
      expect(ce[m], n).toBe(two[n]);
    });
    // Flood-only mirrors it.
    const f = fixedHeadCycle({ flood: { startHead: 3, endHead: 2 } });
    const cf = modeColours(f);
    f.names.forEach((n, m) => {
      expect(cf[m], n).toBe(two[n]);
    });
    expect(generatingHalves(ops)).toEqual(['ebb', 'flood']);
    expect(generatingHalves(e)).toEqual(['ebb']);
    expect(generatingHalves(f)).toEqual(['flood']);
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
    const starts = bars
      .flatMap((t) => (t.xt as number[]).map((x, i) => x - (t.width as number[])[i] / 2000))
      .sort((a, b) => a - b);
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
    const largest = seaExcursions(run.result.sea).reduce((a, c) => (c.range_m > a.range_m ? c : a));
    const w = chooseWindow(run.result);
    expect(w.end - w.start).toBeCloseTo(SPRING_NEAP_S, 6);
    expect(SPRING_NEAP_S / 86400).toBeCloseTo(14.765, 3); // the M2-S2 beat period
    expect(largest.start).toBeGreaterThan(w.start + 0.4 * SPRING_NEAP_S);
    expect(largest.end).toBeLessThan(w.end - 0.4 * SPRING_NEAP_S);
    const asked = Date.parse('2018-06-01T00:00:00Z') / 1000;
    expect(chooseWindow(run.result, asked).start).toBe(asked);
    expect(chooseWindow(run.result, Date.parse('2018-12-30T00:00:00Z') / 1000).end).toBe(
      run.result.sea.t0 + (run.result.sea.level.length - 1) * run.result.sea.dt,
    ); // kept inside the period
  });

  it('energy figures agree with the summary: generated, pumping and net per month, and the cumulative line ends at the net period energy', () => {
    const r: Result = run.result;
    const energy = figures[1];
    expect(energy.data.map((t) => t.name)).toEqual([
      'generated',
      'drawn by pumping (negative)',
      'net of pumping',
      'cumulative net energy',
    ]);
    const sum = (k: number) => (energy.data[k].y as number[]).reduce((a, b) => a + b, 0);
    expect(r.summary.pumping_energy_gwh).toBeGreaterThan(0);
    expect(sum(0)).toBeCloseTo(r.summary.generated_energy_gwh, 2);
    expect(sum(1)).toBeCloseTo(-r.summary.pumping_energy_gwh, 2);
    expect(sum(2)).toBeCloseTo(r.summary.energy_gwh, 2);
    expect(r.summary.energy_gwh).toBeCloseTo(r.summary.generated_energy_gwh - r.summary.pumping_energy_gwh, 9);
    const c = dailyCumulativeEnergy(r);
    expect((energy.data[3].y as number[]).at(-1)).toBeCloseTo(r.summary.energy_gwh, 3);
    expect(c.energy_gwh[c.energy_gwh.length - 1]).toBeCloseTo(r.summary.energy_gwh, 9);
    expect(c.time.length).toBe(365); // one point per UTC day of 2018
    // The bars' and the line's axes share their zero.
    const { yaxis, yaxis2 } = energy.layout as { yaxis: { range: number[] }; yaxis2: { range: number[] } };
    const zero = ([lo, hi]: number[]) => -lo / (hi - lo);
    expect(yaxis.range[0]).toBeLessThan(0);
    expect(zero(yaxis2.range)).toBeCloseTo(zero(yaxis.range), 4);
    expect(yaxis.range[0]).toBeLessThanOrEqual(Math.min(...(energy.data[1].y as number[])));
    expect(yaxis.range[1]).toBeGreaterThanOrEqual(Math.max(...(energy.data[0].y as number[])));
    expect(yaxis2.range[1]).toBeGreaterThanOrEqual(Math.max(...c.energy_gwh));
  });

  it('zero-aligned axis ranges: both cover their data and zero, with zero at the same height', () => {
    const [a, b] = zeroAlignedRanges([-20, 100], [0, 1000]);
    expect(a).toEqual([-21, 105]);
    expect(b[1]).toBe(1050);
    expect(-b[0] / (b[1] - b[0])).toBeCloseTo(20 / 120, 12);
    const [c, d] = zeroAlignedRanges([-10, 100], [-500, 1000]); // the second has more below zero: it sets the height
    expect(d[0]).toBeCloseTo(-525, 9);
    expect(d[1]).toBe(1050);
    expect(-c[0] / (c[1] - c[0])).toBeCloseTo(1 / 3, 12);
    expect(zeroAlignedRanges([0, 10], [0, 20])).toEqual([
      [0, 10.5],
      [0, 21],
    ]);
    expect(zeroAlignedRanges([-5, 0], [0, 20])).toEqual([
      [-5.25, 0],
      [0, 21],
    ]); // nothing above zero on one axis: not aligned
  });

  it('per-tide scatter: one point per complete half tide, its net energy from the ledger', () => {
    const r = run.result;
    const pts = figures[2].data as { name: string; x: number[]; y: number[]; customdata: [string, number, number][] }[];
    const ledger = new Map(r.halfTides.map((h) => [new Date(h.start * 1000).toISOString().replace('T', ' ').slice(0, 16), h]));
    let n = 0;
    for (const t of pts) {
      const half = t.name.split(' ')[0];
      t.y.forEach((y, i) => {
        const h = ledger.get(t.customdata[i][0])!;
        expect(h.half).toBe(half);
        expect(h.partial).toBe(false);
        expect(y).toBeCloseTo((h.generated - h.pumped) / J_PER_MWH, 3);
        expect(t.x[i]).toBeGreaterThan(0);
        n++;
      });
    }
    expect(n).toBeGreaterThanOrEqual(r.halfTides.length - 4);
    expect(figures[2].caption).toMatch(/\d+ half tides \(\d+ ebb, \d+ flood\) holding (99\.\d|100) % of the net energy/);
  });

  it('an ebb-only run without pumping: its own modes, no pumping traces, ebb half tides only, energy as before', () => {
    const e = mersey(900, ebbOnlyEdit);
    expect(e.result.summary.pumping_energy_gwh).toBe(0);
    const f = runFigures([e], { base: e.result.sea.t0, window: chooseWindow(e.result) });
    expect(f[0].data.map((t) => t.name)).toEqual([
      'mode: fill',
      'mode: hold-high',
      'mode: generate-ebb',
      'mode: hold-low',
      'sea level',
      'basin level',
      'power generated',
      'installed capacity',
    ]);
    expect((f[0].layout.yaxis2 as Axis).title?.text).toBe('power (MW)');
    expect(f[1].data.map((t) => t.name)).toEqual(['energy per month', 'cumulative energy']);
    expect((f[1].data[0].y as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(e.result.summary.energy_gwh, 2);
    const c = dailyCumulativeEnergy(e.result);
    for (let i = 1; i < c.energy_gwh.length; i++) expect(c.energy_gwh[i]).toBeGreaterThanOrEqual(c.energy_gwh[i - 1]); // no pumping: never falls
    expect(f[2].data.map((t) => t.name)).toEqual(['ebb half tide']);
    expect(f[2].caption).toContain('the half tides on the side a one-way scheme does not generate on');
    // The flood half tides left out hold no energy.
    expect(e.result.halfTides.filter((h) => h.half === 'flood').every((h) => h.generated === 0 && h.pumped === 0)).toBe(true);
  });

  it('the header states generated, pumping and net energy for a pumping scheme, and the net energy alone otherwise', () => {
    const head = (html: string) =>
      html.slice(html.indexOf('<section id="section-summary">'), html.indexOf('<section id="section-inputs">'));
    const s = run.result.summary;
    const fmt = (x: number) => x.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const pumping = head(reportHtml([run], { toolVersion: 'test' }));
    expect(pumping).toContain(
      `<th>Annual energy, net of pumping</th><td><span class="big">${fmt(s.annual_energy_gwh)} GWh/yr</span>`,
    );
    expect(pumping).toContain(`<th>Generated</th><td>${fmt(s.annual_generated_energy_gwh)} GWh/yr</td>`);
    expect(pumping).toContain(`<th>Drawn by pumping</th><td>${fmt(s.annual_pumping_energy_gwh)} GWh/yr`);
    expect(pumping).toContain('<th>Capacity factor (net)</th>');
    const plain = head(reportHtml([mersey(900, ebbOnlyEdit)], { toolVersion: 'test' }));
    expect(plain).toContain('<th>Annual energy</th>');
    expect(plain).not.toMatch(/Generated|Drawn by pumping|net of pumping|\(net\)/);
  });

  it('is one file with no external resource, and text from the scenario is escaped', () => {
    const r = mersey(900, (s) => (s.description = 'Test </script><script>alert(1)</script> & "quotes"'));
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
    // Measured (two-way with pumping): about 0.88 MB at 1 minute (525,600 steps) and 0.77 MB at 5 minutes; plotly.js itself is 11.2 MB.
    expect(dataFine).toBeLessThan(1e6);
    expect(dataFine / dataCoarse).toBeLessThan(1.5);
  });

  it('labels runs of the same name apart', () => {
    expect(runLabels(['a', 'b', 'a'])).toEqual(['a #1', 'b', 'a #2']);
  });
});
