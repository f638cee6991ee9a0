import { beforeAll, describe, expect, it } from 'vitest';
import { ebbOnly, fixedHeadCycle } from '../../src/operation/fixed-head.js';
import { J_PER_GWH } from '../../src/physics.js';
import { LEVEL_STEP_M, POWER_STEP_MW, runFigures, runSeries } from '../../src/report/figures.js';
import { reportHtml, runLabels } from '../../src/report/html.js';
import type { Figure } from '../../src/report/layout.js';
import { lostTides } from '../../src/report/lost-tides.js';
import { modeColours, modeKind, modeRuns } from '../../src/report/modes.js';
import { plotlyBundle } from '../../src/report/page.js';
import { durationCurve } from '../../src/report/plots/duration.js';
import { energyBins } from '../../src/report/plots/energy.js';
import { rangeClasses } from '../../src/report/plots/ranges.js';
import { largestHead, operatingDensity } from '../../src/report/plots/turbine.js';
import { chooseWindow, generatingHalves, type ReportRun, SPRING_NEAP_S } from '../../src/report/report-run.js';
import { columnBytes, decodeColumn } from '../../src/report/series-codec.js';
import { rangeHalfTides, seaExcursions } from '../../src/report/tide-ranges.js';
import type { Scenario } from '../../src/scenario/types.js';
import { pageText } from './page-text.js';
import { figureById, reportRun, runPage } from './run-page.js';

const mersey = (edit?: (s: Scenario) => void) => reportRun({ edit });

type Axis = { title?: { text?: string }; visible?: boolean; range?: number[] };
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const summaryOf = (html: string) =>
  html.slice(html.indexOf('<section id="section-summary">'), html.indexOf('<section id="section-inputs">'));

// The default year and its page, made once for every suite of the file (none changes them).
let run: ReportRun;
let figures: Figure[];
let html: string;
beforeAll(() => {
  ({ run, figures, html } = runPage(mersey()));
});

describe('the scheme report page', () => {
  it('draws the plots an engineer expects, each with a title and a caption', () => {
    expect(figures.map((f) => f.id)).toEqual([
      'levels',
      'waterfall',
      'energy',
      'duration',
      'ranges',
      'tides',
      'turbine',
      'basin',
    ]);
    for (const f of figures) {
      expect(f.data.length, f.id).toBeGreaterThan(0);
      expect(f.caption.length, f.id).toBeGreaterThan(40);
    }
  });

  it('titles every visible axis with its unit', () => {
    for (const f of figures) {
      const axes = Object.entries(f.layout).filter(([k]) => /^[xy]axis\d*$/.test(k)) as [string, Axis][];
      expect(axes.length).toBeGreaterThanOrEqual(2);
      for (const [name, a] of axes) {
        if (a.visible === false || (a as { type?: string }).type === 'category') continue; // a category axis (stages, schemes) has no unit
        expect(a.title?.text, `${f.id}.${name}`).toMatch(
          /\((m|m ODN|MW|GWh|MWh|UTC|km²|million m³|m³\/s|%|h\/yr|GWh\/yr|count)\)$/,
        );
      }
    }
  });

  it('the time plot: unified hover with units on every trace drawn from the series, head against the start and end heads', () => {
    const f = figures[0];
    expect(f.layout.hovermode).toBe('x unified');
    const src = f.data.filter((t) => t.src);
    expect(src.map((t) => (t.src as { key: string }).key)).toEqual(['sea', 'basin', 'head', 'power', 'pump']);
    for (const t of src) expect(t.hovertemplate, String(t.name)).toMatch(/%\{y:\.\df\} (m|MW)/);
    expect((src[1].src as { hover?: string }).hover).toBe('mode'); // the basin's hover names the mode
    // The heads of the default, ebb above zero and flood below, as lines over the whole period.
    const op = run.result.scenario.operation;
    // One trace per kind of head, the ebb's and the flood's apart.
    const line = (name: string) => f.data.find((t) => t.name === name)?.y;
    const { ebb, flood } = op;
    expect(line('start head')).toEqual([ebb!.start_head_m, ebb!.start_head_m, null, -flood!.start_head_m, -flood!.start_head_m]);
    expect(line('end head')).toEqual([ebb!.end_head_m, ebb!.end_head_m, null, -flood!.end_head_m, -flood!.end_head_m]);
  });

  it('every step is in the page: the series decode to the run within half their quantisation step, which is a quarter of the printed digit', () => {
    const { series, columns } = runSeries([run]);
    const [s] = series;
    const decoded = (key: string) => {
      const c = columns[s.cols[key]];
      return { c, v: decodeColumn(c, columnBytes(c)) };
    };
    const { sea, series: steps } = run.result;
    const n = sea.level.length;
    const within = (key: string, ref: ArrayLike<number>, scale: number, maxStep: number) => {
      const { c, v } = decoded(key);
      expect(c.kind, key).toBe('u16');
      expect(c.step!, key).toBeGreaterThan(0);
      expect(c.step!, key).toBeLessThanOrEqual(maxStep);
      expect(v.length, key).toBe(ref.length);
      let worst = 0;
      for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(v[i] - ref[i] * scale));
      expect(worst, key).toBeLessThanOrEqual(c.step! / 2 + 1e-9);
    };
    within('sea', sea.level, 1, LEVEL_STEP_M);
    within('basin', steps.basinLevel, 1, LEVEL_STEP_M);
    within('power', steps.power.subarray(0, n - 1), 1e-6, POWER_STEP_MW);
    within('pump', steps.pumpPower.subarray(0, n - 1), 1e-6, POWER_STEP_MW);
    // No generation decodes to exactly zero (the power's offset is its minimum, 0).
    const power = decoded('power').v;
    for (let i = 0; i < n - 1; i++) if (steps.power[i] === 0) expect(power[i]).toBe(0);
    expect(Array.from(decoded('mode').v)).toEqual(Array.from(steps.mode));
    expect(s.names!.mode).toEqual(run.result.modeNames);
    expect(html).toContain(columns[s.cols.basin].b64);
  });

  it('the mode strip: its cells tile the period and follow the mode series', () => {
    const strip = figures[0].data[0] as { type: string; xt: number[]; z: number[][] };
    expect(strip.type).toBe('heatmap');
    const { sea, series } = run.result;
    const runs = modeRuns(series.mode.subarray(0, sea.level.length - 1));
    expect(strip.z[0]).toEqual(runs.map((r) => r.mode));
    expect(strip.xt[0]).toBe(0);
    expect(strip.xt.at(-1)).toBe((sea.level.length - 1) * sea.dt);
    expect(strip.xt[1]).toBe(runs[1].start * sea.dt);
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
    expect(new Set(modeColours(ops)).size).toBe(8);
    const e = ebbOnly({ startHead: 3.5, endHead: 2.4 });
    expect(new Set(modeColours(e)).size).toBe(4);
    const f = fixedHeadCycle({ flood: { startHead: 3, endHead: 2 } });
    expect(generatingHalves(ops)).toEqual(['ebb', 'flood']);
    expect(generatingHalves(e)).toEqual(['ebb']);
    expect(generatingHalves(f)).toEqual(['flood']);
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
    expect(largest.start).toBeGreaterThan(w.start + 0.4 * SPRING_NEAP_S);
    expect(largest.end).toBeLessThan(w.end - 0.4 * SPRING_NEAP_S);
    const asked = Date.parse('2018-06-01T00:00:00Z') / 1000;
    expect(chooseWindow(run.result, asked).start).toBe(asked);
  });

  it('monthly bars: ebb, flood and pumping add up to the summary; the capacity factor of each month from its energy', () => {
    const s = run.result.summary;
    const bins = energyBins(run);
    expect(bins).toHaveLength(12);
    expect(sum(bins.map((b) => b.ebb_gwh + b.flood_gwh))).toBeCloseTo(s.generated_energy_gwh, 6);
    expect(sum(bins.map((b) => b.pumping_gwh))).toBeCloseTo(s.pumping_energy_gwh, 6);
    expect(sum(bins.map((b) => b.flood_gwh))).toBeGreaterThan(0); // two-way: both sides generate
    const energy = figureById(figures, 'energy');
    expect(energy.data.map((t) => t.name)).toEqual([
      'ebb generation',
      'flood generation',
      'drawn by pumping (negative)',
      'capacity factor',
    ]);
    const cf = energy.data[3].y as number[];
    const hours = (b: (typeof bins)[0]) => b.covered_s / 3600;
    const fromCf = sum(bins.map((b, i) => (cf[i] / 100) * s.installed_capacity_mw * hours(b)));
    expect(Math.abs(fromCf / (s.energy_gwh * 1000) - 1)).toBeLessThan(1e-3); // capacity factors rounded to 0.1 %
  });

  it('a one-month run gets a bar per day, not one pair of monthly bars', () => {
    const m = mersey((s) => {
      s.period = { start: '2018-03-01T00:00:00Z', end: '2018-04-01T00:00:00Z' };
    });
    const bins = energyBins(m);
    expect(bins).toHaveLength(31);
    const f = runFigures([m], { base: m.result.sea.t0, window: chooseWindow(m.result) });
    expect(figureById(f, 'energy').title).toMatch(/per day/);
    expect((figureById(f, 'energy').data[0].y as number[]).length).toBe(31);
  });

  it('power duration curve: falls from the peak power, and its area is the generated energy', () => {
    const c = durationCurve(run, 100_000);
    const { series, sea, summary } = run.result;
    let rises = 0;
    for (let i = 1; i < c.mw.length; i++) if (c.mw[i] > c.mw[i - 1]) rises++;
    expect(rises).toBe(0);
    expect(c.mw[0]).toBeCloseTo(Math.max(...series.power.subarray(0, sea.level.length - 1)) / 1e6, 2);
    let area = 0; // MWh per year: power times the hours at or above it, step by step
    for (let i = 1; i < c.mw.length; i++) area += c.mw[i] * (c.hours[i] - c.hours[i - 1]);
    expect(area / 1000).toBeCloseTo(summary.annual_generated_energy_gwh, -1);
  });

  it('tidal-range classes: every fall and rise counted once, the energy of the classes that of the ranged half tides', () => {
    const c = rangeClasses(run);
    const ex = seaExcursions(run.result.sea);
    expect(sum(c.count)).toBe(ex.length); // two-way: both sides
    const ranged = rangeHalfTides(run.result.halfTides, ex);
    const total = sum(ranged.map((p) => p.tide.generated - p.tide.pumped)) / J_PER_GWH;
    expect(Math.abs(sum(c.energy_gwh) - total)).toBeLessThan(1e-3 * c.energy_gwh.length); // classes rounded to 1 MWh
    expect(total).toBeGreaterThan(0.95 * run.result.summary.energy_gwh); // nearly all the energy is in complete half tides
    // Each half tide's energy lands in the class of its own range.
    const k = Math.floor(ranged[10].excursion.range_m / 0.5);
    const inClass = ranged.filter((p) => Math.floor(p.excursion.range_m / 0.5) === k);
    expect(c.energy_gwh[k]).toBeCloseTo(sum(inClass.map((p) => p.tide.generated - p.tide.pumped)) / J_PER_GWH, 3);
  });

  it('the turbine plot spans the heads the run used, one colour per direction, over the hours at each head and power', () => {
    const f = figureById(figures, 'turbine');
    const top = (f.layout.xaxis as Axis).range![1];
    const h = largestHead([run]);
    expect(h).toBeLessThan(8); // Mersey heads stay under ~7 m
    expect(top).toBeGreaterThanOrEqual(h);
    expect(top).toBeLessThan(h * 1.3 + 0.5); // not the table's 20 m
    const lines = f.data.filter((t) => t.mode === 'lines');
    const colours = new Set(lines.map((t) => (t.line as { color: string }).color));
    expect(colours.size).toBe(new Set(lines.map((t) => String(t.name).split(' ')[0])).size); // ebb, flood, pumping told apart
    // The operating points: one image under the curves, every generating step counted in its cell.
    expect(f.data[0].type).toBe('heatmap');
    const { sea, series } = run.result;
    const perUnit = 1 / (run.scheme.turbineCount * 1e6);
    let steps = 0;
    let pmax = 0;
    for (let i = 0; i < sea.level.length - 1; i++)
      if (series.power[i] > 0) {
        steps++;
        pmax = Math.max(pmax, series.power[i] * perUnit);
      }
    const d = operatingDensity(run, top);
    // Every generating step in a cell, each as its length in hours: the cells hold whole steps.
    expect(sum(d.hours.flat().map((v) => Math.round(((v ?? 0) * 3600) / sea.dt)))).toBe(steps);
    expect(d.dh * d.hours[0].length).toBeCloseTo(top, 9); // the cells span the heads drawn
    expect(d.dp * d.hours.length).toBeCloseTo(pmax, 9); // and the powers reached
    // The cell of the step at the largest power per unit holds it.
    const k = Array.from(series.power).indexOf(Math.max(...series.power));
    const cell = d.hours[d.hours.length - 1][Math.floor(Math.abs(series.basinLevel[k] - sea.level[k]) / d.dh)];
    expect(cell).toBeGreaterThan(0);
    expect(f.caption).toContain('every step counted');
  });

  it('the header: full-load hours per year, the operation in words, lost tides counted', () => {
    const head = summaryOf(html);
    const s = run.result.summary;
    expect(head).not.toContain('h/period');
    expect(head).toMatch(/<th>Full-load hours \(net\)<\/th><td>[\d,]+ h\/yr<\/td>/);
    const perYear = (s.annual_energy_gwh * 1000) / s.installed_capacity_mw;
    expect(head).toContain(`${Math.round(perYear).toLocaleString('en-GB')} h/yr`);
    expect(head).not.toMatch(/sluice_while_generating|start_head_m|ramp_s/);
    expect(head).toMatch(/two-way; ebb: start at [\d.]+ m head, stop at [\d.]+ m, pump to [\d.]+ m; flood:/);
    const l = lostTides(run.result, run.ops);
    expect(head).toContain(`<th>Lost tides</th><td>${l.lost.length} of ${l.of.toLocaleString('en-GB')} falls and rises`);
  });

  it('the operation in words names the heads that ran: no pumping target where none pumps, no direction the mode does not generate in', () => {
    const fortnight = (s: Scenario) => {
      s.period = { start: '2018-03-01T00:00:00Z', end: '2018-03-15T00:00:00Z' };
    };
    const noPumping = mersey((s) => {
      fortnight(s);
      s.operation.max_pump_duration_s = 0; // the targets stay in the file
    });
    expect(noPumping.result.scenario.operation.ebb?.pump_to_head_m).toBeGreaterThan(0);
    expect(summaryOf(reportHtml([noPumping], { toolVersion: 'test' }))).toMatch(
      /two-way; ebb: start at 4\.10 m head, stop at 1\.50 m; flood: start at 2\.60 m head, stop at 2\.20 m;/,
    );
    const ebbOnly = mersey((s) => {
      fortnight(s);
      s.operation.mode = 'ebb-only'; // the flood's heads stay in the file
    });
    expect(ebbOnly.result.scenario.operation.flood).toBeDefined();
    const head = summaryOf(reportHtml([ebbOnly], { toolVersion: 'test' }));
    expect(head).toMatch(/ebb-only; ebb: start at 4\.10 m head, stop at 1\.50 m, pump to 2\.50 m;/);
    expect(head).not.toContain('flood: start');
  });

  it('is one file with no external resource, plotly.js 3.5.0 (core, bar, heatmap) minified after the text, text from the scenario escaped', () => {
    const r = mersey((s) => {
      s.description = 'Test </script><script>alert(1)</script> & "quotes"';
      s.period = { start: '2018-03-01T00:00:00Z', end: '2018-03-08T00:00:00Z' };
    });
    const page = reportHtml([r], { toolVersion: 'test' });
    expect(page.match(/<script[\s>]/g)).toHaveLength(3); // the data, plotly.js, the drawing code
    const { text, version, traces } = plotlyBundle();
    expect(version).toBe('3.5.0');
    expect(traces).toEqual(['scatter', 'bar', 'heatmap']);
    expect(text.length).toBeLessThan(1.2e6); // the minified partial bundle, not the 11 MB full one
    expect(page.indexOf(text)).toBeGreaterThan(page.indexOf('<section id="section-summary">')); // text first
    const body = page.slice(page.indexOf('<body>'), page.indexOf('<script'));
    expect(body).not.toMatch(/<(img|link|iframe)\b|\bsrc=|href="?https?:/i);
    expect(body).toContain('Test &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('is all ASCII, characters beyond it written as references, so Chromium parses it as 8-bit text', () => {
    expect(html).not.toMatch(/[\u0080-\uffff]/);
    const text = pageText(html);
    expect(text).toContain('m²'); // units in the captions, written as &#178;
    // The mode legend's squares in the figure data, as JSON escapes that decode to the character.
    const data = html.slice(html.indexOf('id="report-data">'));
    expect(data).toContain('\\u25a0');
    expect(JSON.stringify(figures[0].layout.annotations)).toContain('\u25a0');
  });

  it('a year at 5-minute steps, every step inlined, is a page under 6 MB', () => {
    expect(run.result.sea.dt).toBe(300);
    expect(run.result.summary.period_days).toBeGreaterThan(364);
    expect(html.length).toBeLessThan(6e6);
  });

  it('labels runs of the same name apart', () => {
    expect(runLabels(['a', 'b', 'a'])).toEqual(['a #1', 'b', 'a #2']);
  });
});

describe('comparison pages', () => {
  it('a flexible run over the best fixed heads: each column shows its own heads; the inputs differ by the operation as run', () => {
    const s = run;
    const fixedHeads = { start_head_m: 4, end_head_m: 1.5, pump_to_head_m: 0 };
    const flexible: ReportRun = {
      ...s,
      label: 'flexible',
      operation: 'two-way, flexible heads per half tide',
      plan: {
        reference: { ebb: fixedHeads, flood: fixedHeads },
        decisions: [
          { step: 100, time_utc: '', direction: 'ebb', start_head_m: 5, end_head_m: 2, pump_to_head_m: 0.5 },
          { step: 250, time_utc: '', direction: 'flood', start_head_m: 3, end_head_m: 1, pump_to_head_m: 0 },
        ],
      },
    };
    const fixed: ReportRun = {
      ...s,
      label: 'best fixed heads',
      operation: 'two-way, best fixed heads: ebb 4.00/1.50 m',
      plan: { reference: { ebb: fixedHeads, flood: fixedHeads }, decisions: [] },
    };
    const page = reportHtml([flexible, fixed], { toolVersion: 'test' });
    const head = summaryOf(page);
    expect(head).toContain('<td>two-way, flexible heads per half tide</td><td>two-way, best fixed heads: ebb 4.00/1.50 m</td>');
    expect(page).not.toContain('None: the runs have the same inputs');
    expect(page).toContain('<code>operation (as run)</code>');
    const figs = runFigures([flexible, fixed], { base: s.result.sea.t0, window: chooseWindow(s.result) });
    expect(figs.map((f) => f.id)).toContain('heads-0');
    const start = figs[0].data.find((t) => t.name === 'start head (flexible)')!;
    expect(start.y).toEqual([4, 5, 5, null, -4, -3, -3]); // the ebb's heads, then the flood's below zero
    // Both runs on one tide: one sea level, not one per run drawn over each other; a run on
    // another sea level gets its own.
    // So do their installed capacity and pumping limit (the same scheme).
    const shared = (rs: ReportRun[]) =>
      runFigures(rs, { base: s.result.sea.t0, window: chooseWindow(s.result) })[0]
        .data.map((t) => String(t.name))
        .filter((n) => /^(sea level|installed capacity|pumping limit)/.test(n));
    expect(shared([flexible, fixed])).toEqual([
      'sea level (all runs)',
      'pumping limit (all units at full pumping power) (all runs)',
      'installed capacity (all runs)',
    ]);
    const level = Float64Array.from(s.result.sea.level, (v) => v + 0.1);
    const higher = { ...fixed, label: 'higher sea', result: { ...s.result, sea: { ...s.result.sea, level } } };
    expect(shared([flexible, higher])).toEqual([
      'sea level (flexible)',
      'pumping limit (all units at full pumping power) (flexible)',
      'installed capacity (flexible)',
      'sea level (higher sea)',
      'pumping limit (all units at full pumping power) (higher sea)',
      'installed capacity (higher sea)',
    ]);
    // On one tide with fewer turbines: one sea level, but a capacity and a pumping limit per run.
    const fewer = { ...reportRun({ edit: (sc) => (sc.scheme.turbines.count = 20) }), label: 'fewer turbines' };
    const names = shared([flexible, fewer]);
    expect(names.filter((n) => n.startsWith('sea level'))).toEqual(['sea level (all runs)']);
    expect(names.filter((n) => n.startsWith('installed capacity'))).toEqual([
      'installed capacity (flexible)',
      'installed capacity (fewer turbines)',
    ]);
    expect(names.filter((n) => n.startsWith('pumping limit'))).toHaveLength(2);
  });

  it('revenue is drawn and stated when the runs have prices', () => {
    const s = run;
    const prices = new Float64Array(s.result.sea.level.length - 1).fill(50);
    const page = reportHtml([{ ...s, prices }], { toolVersion: 'test' });
    const gwh = s.result.summary.annual_energy_gwh;
    expect(summaryOf(page)).toContain(
      `<th>Net revenue</th><td>${((gwh * 1000 * 50) / 1e6).toFixed(2)} million GBP/yr (captured price 50.0 GBP/MWh)`,
    );
    expect(page).toContain('<div class="plot" id="revenue"></div>');
  });
});
