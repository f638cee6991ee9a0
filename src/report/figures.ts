/**
 * The plots of a scheme report, as plotly figure specifications (plain JSON: traces and layout).
 * Every builder takes one or several runs: one run is the scheme report, several are overlaid
 * for comparison. Times go out as seconds after the page's base time (`xt`), which the page turns
 * into plotly dates; this keeps long series compact.
 */

import type { ModeTable } from '../operation/modes.js';
import { J_PER_GWH, J_PER_MWH, W_PER_MW } from '../physics.js';
import { volumeAt } from '../scheme/basin.js';
import type { HeadCurve } from '../scheme/turbine.js';
import type { Result } from '../simulate.js';
import type { SchemeModel } from '../solver/types.js';
import { durationText } from '../time.js';
import { DEFAULT_BUDGET, type DisplayBudget, type DisplayPlan, displayPoints, isDownsampled, planDisplay } from './downsample.js';
import { rangeHalfTides, type SeaExcursion, seaExcursions } from './tide-ranges.js';

export type Trace = Record<string, unknown>;

/** One plot of the page: a plotly figure with its section title and caption. */
export interface Figure {
  id: string;
  title: string;
  /** Plain-text caption under the plot: what is drawn and how. */
  caption: string;
  data: Trace[];
  layout: Record<string, unknown>;
}

/**
 * A run to report: its result, the scheme curves and the mode table it used (buildScheme and
 * buildOperation of its scenario) and the label it goes by on the page.
 */
export interface ReportRun {
  result: Result;
  scheme: SchemeModel;
  ops: ModeTable;
  label: string;
}

/** Mean spring-neap period (s): the beat of the M2 and S2 constituents, 14.77 days. */
export const SPRING_NEAP_S = 1 / (1 / 43200 - 1 / 44714.1644);

export const RUN_COLOURS = ['#1f5fa8', '#d0421b', '#2a9d3c', '#7b3fa0', '#c98a00', '#1a9e9e', '#8c564b', '#e377c2'];
const SEA_COLOUR = '#555555';
/** Pumping in a single-run page (the pumping modes' hue, darker). */
const PUMP_COLOUR = '#6a4fb3';

/** Whether the run drew power pumping. */
const pumps = (r: Result) => r.summary.pumping_energy_gwh > 0;

/** Power drawn by all units pumping at full power (MW): the top of the pump curve. */
function pumpLimitMw(run: ReportRun): number {
  const p = run.scheme.turbine.pump;
  let max = 0;
  if (p) for (const x of p.power) if (x > max) max = x;
  return (max * run.scheme.turbineCount) / W_PER_MW;
}

/** What a mode does, from its flags in the mode table. */
export type ModeKind = 'generating' | 'pumping' | 'sluicing' | 'holding';

export function modeKind(ops: ModeTable, m: number): ModeKind {
  if (ops.generate[m] !== 0) return 'generating';
  if (ops.pump[m] !== 0) return 'pumping';
  if (ops.sluice[m] !== 0 || ops.idle[m] !== 0) return 'sluicing';
  return 'holding';
}

/** Shading colour per kind of mode, a darker and a lighter shade for the ebb and the flood side of the cycle. */
const MODE_COLOURS: Record<ModeKind, { ebb: string; flood: string }> = {
  generating: { ebb: '#f5a55a', flood: '#86cc86' },
  pumping: { ebb: '#a58fd6', flood: '#cfc1ec' },
  sluicing: { ebb: '#8cbfe0', flood: '#c4e0f2' },
  holding: { ebb: '#cdcdcd', flood: '#e9e9e9' },
};

/** Colours of the two directions in the per-tide plot (the generating modes' hues, darker). */
const HALF_COLOURS = { ebb: '#d9730d', flood: '#2a9d3c' } as const;

/**
 * The shading colour of each mode: by what it does and on which side of the cycle it is
 * (ModeTable.half). A mode whose kind and side an earlier mode already has takes the other side's
 * shade when that is free, so the two holds of a one-way cycle (both on its generating side) differ.
 */
export function modeColours(ops: ModeTable): string[] {
  const taken = new Set<string>();
  return ops.names.map((_, m) => {
    const shades = MODE_COLOURS[modeKind(ops, m)];
    const own = ops.half[m] > 0 ? shades.ebb : shades.flood;
    const other = own === shades.ebb ? shades.flood : shades.ebb;
    const c = taken.has(own) && !taken.has(other) ? other : own;
    taken.add(c);
    return c;
  });
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r1 = (x: number) => Math.round(x * 10) / 10;

/** ISO time for plotly ranges (plotly reads dates as naive; all times here are UTC). */
const plotlyTime = (t: number) => new Date(t * 1000).toISOString().replace('T', ' ').slice(0, 19);

function datumOf(r: Result): string {
  const tide = r.scenario.tide as { datum?: unknown };
  return typeof tide.datum === 'string' && tide.datum !== '' ? ` ${tide.datum}` : '';
}

/** The time window shown first: [start, end) in s since the epoch. */
export interface TimeWindow {
  start: number;
  end: number;
}

/**
 * The spring-neap fortnight shown first: one mean spring-neap period starting at `start` (s since
 * the epoch) when given, else centred on the largest fall or rise of the sea, kept inside the
 * run's period.
 */
export function chooseWindow(r: Result, start?: number): TimeWindow {
  const { sea } = r;
  const t1 = sea.t0 + (sea.level.length - 1) * sea.dt;
  const len = Math.min(SPRING_NEAP_S, t1 - sea.t0);
  let s: number;
  if (start !== undefined) s = start;
  else {
    let best: SeaExcursion | undefined;
    for (const e of seaExcursions(sea)) if (!best || e.range_m > best.range_m) best = e;
    s = best ? Math.floor((0.5 * (best.start + best.end) - len / 2) / 3600) * 3600 : sea.t0;
  }
  s = Math.max(sea.t0, Math.min(t1 - len, s));
  return { start: s, end: s + len };
}

/** Options of the figure builders. */
export interface FigureOptions {
  /** Base time of the page (s since the epoch): `xt` values are seconds after it. */
  base: number;
  window: TimeWindow;
  budget?: DisplayBudget;
}

function planFor(r: Result, n: number, w: TimeWindow, budget: DisplayBudget): DisplayPlan {
  const { sea } = r;
  return planDisplay(n, (w.start - sea.t0) / sea.dt, (w.end - sea.t0) / sea.dt + 1, budget);
}

/** A time-series trace of `v` under `plan`, times as seconds after `base`. */
function seriesTrace(r: Result, v: ArrayLike<number>, plan: DisplayPlan, base: number, scale: number, extra: Trace): Trace {
  const p = displayPoints(v, plan);
  const off = r.sea.t0 - base;
  return {
    type: 'scatter',
    mode: 'lines',
    xt: p.index.map((i) => r1(off + i * r.sea.dt)),
    y: p.value.map((x) => r3(x * scale)),
    ...extra,
  };
}

/** Runs of equal mode: [start, end) sample ranges. Runs shorter than `minLen` samples join the one before. */
export function modeRuns(mode: ArrayLike<number>, minLen = 1): { mode: number; start: number; end: number }[] {
  const out: { mode: number; start: number; end: number }[] = [];
  const n = mode.length;
  let s = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && mode[i] === mode[s]) continue;
    const prev = out[out.length - 1];
    if (prev && (i - s < minLen || prev.mode === mode[s])) prev.end = i;
    else out.push({ mode: mode[s], start: s, end: i });
    s = i;
  }
  return out;
}

/** Most mode bands drawn over a run: beyond it, the shortest runs of a mode merge into the band before. */
const MAX_MODE_BANDS = 20000;

function modeBandTraces(run: ReportRun, base: number): { traces: Trace[]; merged: number; minLen: number } {
  const { sea, series, modeNames } = run.result;
  const colours = modeColours(run.ops);
  const all = modeRuns(series.mode);
  let minLen = 1;
  let runs = all;
  while (runs.length > MAX_MODE_BANDS) {
    minLen *= 2;
    runs = modeRuns(series.mode, minLen);
  }
  const off = sea.t0 - base;
  // The mode of sample i is in force over the step from it to sample i + 1; the last sample starts no step.
  const last = sea.level.length - 1;
  const traces = modeNames.map((name, k) => {
    const mine = runs.filter((g) => g.mode === k && g.start < last).map((g) => ({ start: g.start, end: Math.min(g.end, last) }));
    return {
      type: 'bar',
      name: `mode: ${name}`,
      xt: mine.map((g) => r1(off + 0.5 * (g.start + g.end) * sea.dt)),
      width: mine.map((g) => Math.round((g.end - g.start) * sea.dt * 1000)),
      y: mine.map(() => 1),
      yaxis: 'y',
      marker: { color: colours[k], line: { width: 0 } },
      opacity: 0.8,
      hovertemplate: `${name} (${modeKind(run.ops, k)})<extra></extra>`,
    };
  });
  return { traces: traces.filter((t) => (t.y as number[]).length > 0), merged: all.length - runs.length, minLen };
}

function sameSea(runs: readonly ReportRun[]): boolean {
  const a = runs[0].result.sea;
  return runs.every(
    ({ result: { sea: b } }) =>
      b.t0 === a.t0 && b.dt === a.dt && b.level.length === a.level.length && b.level.every((z, i) => z === a.level[i]),
  );
}

/** Sea and basin level with the operating mode shaded (one run), and power output: one figure, shared time axis. */
function levelsFigure(runs: readonly ReportRun[], o: FigureOptions): Figure {
  const budget = o.budget ?? DEFAULT_BUDGET;
  const data: Trace[] = [];
  const notes: string[] = [];
  const one = runs.length === 1;
  let merged = 0;
  let mergedBelow = 0;
  if (one) {
    const m = modeBandTraces(runs[0], o.base);
    data.push(...m.traces);
    merged = m.merged;
    mergedBelow = m.minLen * runs[0].result.sea.dt;
  }
  const shared = sameSea(runs);
  // Levels go on y3, drawn over the mode bands of y; with no bands (comparisons) they go on y itself.
  const levelAxis = one ? 'y3' : 'y';
  let detailRes = 0; // coarsest bucket drawn inside the window (s); 0: every step
  let overviewRes = 0; // coarsest bucket drawn outside it (s); 0: every step
  runs.forEach((run, k) => {
    const r = run.result;
    const n = r.sea.level.length;
    const plan = planFor(r, n, o.window, budget);
    if (plan.detailBucket > 1) detailRes = Math.max(detailRes, plan.detailBucket * r.sea.dt);
    if (isDownsampled(plan) && plan.overviewBucket > 1) overviewRes = Math.max(overviewRes, plan.overviewBucket * r.sea.dt);
    const colour = RUN_COLOURS[k % RUN_COLOURS.length];
    if (k === 0 || !shared) {
      data.push(
        seriesTrace(r, r.sea.level, plan, o.base, 1, {
          name: shared ? 'sea level' : `sea level (${run.label})`,
          yaxis: levelAxis,
          line: { color: shared ? SEA_COLOUR : colour, width: 1.2, dash: shared ? 'solid' : 'dot' },
        }),
      );
    }
    data.push(
      seriesTrace(r, r.series.basinLevel, plan, o.base, 1, {
        name: one ? 'basin level' : `basin level (${run.label})`,
        yaxis: levelAxis,
        line: { color: colour, width: 1.6 },
      }),
    );
    // Power: the mean over the step starting at each sample; the last sample starts no step.
    // Generated power is drawn above zero, power drawn by pumping below it.
    const stepPlan = planFor(r, n - 1, o.window, budget);
    const pumped = pumps(r);
    data.push(
      seriesTrace(r, r.series.power.subarray(0, n - 1), stepPlan, o.base, 1e-6, {
        name: one ? 'power generated' : `generated (${run.label})`,
        yaxis: 'y2',
        line: { color: colour, width: 1.2 },
        fill: one ? 'tozeroy' : 'none',
      }),
    );
    if (pumped) {
      data.push(
        seriesTrace(r, r.series.pumpPower.subarray(0, n - 1), stepPlan, o.base, -1e-6, {
          name: one ? 'power drawn pumping (negative)' : `pumping, negative (${run.label})`,
          yaxis: 'y2',
          line: { color: one ? PUMP_COLOUR : colour, width: 1.2, dash: one ? 'solid' : 'dot' },
          fill: one ? 'tozeroy' : 'none',
        }),
      );
    }
    const span = [r1(r.sea.t0 - o.base), r1(r.sea.t0 - o.base + (n - 1) * r.sea.dt)];
    const cap = r.summary.installed_capacity_mw;
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: one ? 'installed capacity' : `installed capacity (${run.label})`,
      xt: span,
      y: [r3(cap), r3(cap)],
      yaxis: 'y2',
      line: { color: colour, width: 1, dash: 'dash' },
      hoverinfo: 'skip',
    });
    if (pumped) {
      const limit = -pumpLimitMw(run);
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: one ? 'pumping limit (all units at full pumping power)' : `pumping limit (${run.label})`,
        xt: span,
        y: [r3(limit), r3(limit)],
        yaxis: 'y2',
        line: { color: one ? PUMP_COLOUR : colour, width: 1, dash: 'dash' },
        hoverinfo: 'skip',
      });
    }
  });
  const downsampled = detailRes > 0 || overviewRes > 0;
  const drawn = (res: number) => (res > 0 ? `the minimum and maximum of each ${durationText(res)} (peaks kept)` : 'every step');
  if (downsampled) {
    notes.push(
      `Display downsampled: from ${plotlyTime(o.window.start).slice(0, 16)} to ${plotlyTime(o.window.end).slice(0, 16)} UTC (the fortnight shown first) ${drawn(detailRes)}; elsewhere ${drawn(overviewRes)}. ` +
        'Every step is in the per-step CSV (simulate --series).',
    );
  } else notes.push('Every time step is drawn.');
  if (merged > 0)
    notes.push(
      `Mode shading: ${merged} periods shorter than ${durationText(mergedBelow)} are merged into the band before them (more than ${MAX_MODE_BANDS} bands).`,
    );
  const levelTitle = `level (m${datumOf(runs[0].result)})`;
  const anyPumps = runs.some((r) => pumps(r.result));
  const panelNote = {
    xref: 'paper',
    yref: 'paper',
    y: 0.37,
    yanchor: 'bottom',
    showarrow: false,
    font: { size: 11, color: '#666' },
  };
  return {
    id: 'levels',
    title: one ? 'Sea and basin level, operating mode, power' : 'Sea and basin levels, power',
    caption: notes.join(' '),
    data,
    layout: {
      height: 640,
      margin: { t: 70, r: 30, b: 40, l: 70 },
      hovermode: 'closest',
      barmode: 'overlay',
      bargap: 0,
      legend: { orientation: 'h', y: 1.13, x: 0, yanchor: 'bottom' },
      xaxis: {
        type: 'date',
        title: { text: 'time (UTC)' },
        anchor: 'y2',
        range: [plotlyTime(o.window.start), plotlyTime(o.window.end)],
        rangeselector: {
          y: 1.02,
          x: 1,
          xanchor: 'right',
          buttons: [
            { count: 15, label: '15 days', step: 'day', stepmode: 'backward' },
            { count: 1, label: '1 month', step: 'month', stepmode: 'backward' },
            { step: 'all', label: 'whole period' },
          ],
        },
        rangeslider: { visible: true, thickness: 0.06 },
      },
      ...(one
        ? {
            yaxis: { domain: [0.44, 1], range: [0, 1], visible: false, fixedrange: true },
            yaxis3: { overlaying: 'y', side: 'left', title: { text: levelTitle }, zeroline: false },
          }
        : { yaxis: { domain: [0.44, 1], title: { text: levelTitle }, zeroline: false } }),
      yaxis2: { domain: [0, 0.36], title: { text: 'power (MW)' }, rangemode: 'tozero' },
      annotations: [
        ...(downsampled
          ? [
              {
                ...panelNote,
                x: 0,
                xanchor: 'left',
                text: `downsampled for display: ${detailRes > 0 ? `min/max per ${durationText(detailRes)} in the first fortnight, ` : ''}${overviewRes > 0 ? `min/max per ${durationText(overviewRes)} elsewhere` : 'every step elsewhere'} (peaks kept)`,
              },
            ]
          : []),
        ...(anyPumps
          ? [{ ...panelNote, x: 1, xanchor: 'right', text: 'above zero: power generated; below zero: power drawn by pumping' }]
          : []),
      ],
    },
  };
}

/** Net energy (generated minus drawn by pumping) since the start, at the end of each UTC day (GWh), with the day-end times (s since the epoch). */
export function dailyCumulativeEnergy(r: Result): { time: number[]; energy_gwh: number[] } {
  const { sea, series } = r;
  const time: number[] = [];
  const energy: number[] = [];
  let acc = 0;
  const steps = sea.level.length - 1;
  for (let i = 0; i < steps; i++) {
    acc += (series.power[i] - series.pumpPower[i]) * sea.dt;
    const tNext = sea.t0 + (i + 1) * sea.dt;
    // A point at the first step end at or after each UTC midnight, and at the end of the run.
    if (i + 1 === steps || tNext % 86400 < sea.dt) {
      time.push(tNext);
      energy.push(acc / J_PER_GWH);
    }
  }
  return { time, energy_gwh: energy };
}

type Range = [number, number];

/**
 * Ranges for two y axes over one plot, each covering its data and zero with 5 % to spare, with
 * zero at the same height on both (so bars below zero on one axis and a line on the other share
 * their zero line). When either axis has nothing above zero, the ranges are not aligned.
 */
export function zeroAlignedRanges(a: Range, b: Range): [Range, Range] {
  const pad = ([lo, hi]: Range): Range => [1.05 * Math.min(0, lo), 1.05 * Math.max(0, hi)];
  const pa = pad(a);
  const pb = pad(b);
  if (!(pa[1] > 0 && pb[1] > 0)) return [pa, pb];
  // Height of zero above the bottom, as a fraction of the axis: the larger of the two wins.
  const f = Math.max(-pa[0] / (pa[1] - pa[0]), -pb[0] / (pb[1] - pb[0]));
  if (f === 0) return [pa, pb];
  const align = ([, hi]: Range): Range => [(-f / (1 - f)) * hi, hi];
  return [align(pa), align(pb)];
}

const minMax = (xs: readonly number[]): Range => [Math.min(0, ...xs), Math.max(0, ...xs)];

/**
 * Energy per calendar month (bars) and cumulative energy (lines). For a run that pumps, the bars
 * are the energy generated (above zero) and drawn by pumping (below zero), with a tick at the net
 * energy; the cumulative line is always the net energy, so it ends at the summary's.
 */
function energyFigure(runs: readonly ReportRun[], o: FigureOptions): Figure {
  const one = runs.length === 1;
  const data: Trace[] = [];
  const anyPumps = runs.some((r) => pumps(r.result));
  const barValues: number[] = [];
  const lineValues: number[] = [];
  runs.forEach((run, k) => {
    const r = run.result;
    const monthly = r.summary.monthly;
    const pumped = pumps(r);
    const colour = RUN_COLOURS[k % RUN_COLOURS.length];
    // Bars placed explicitly (start of month, width and offset in ms): side by side for several
    // runs, and a lone month of a short run still gets its month's width.
    const months = monthly.map((m) => {
      const start = Date.parse(`${m.month}-01T00:00:00Z`);
      const d = new Date(start);
      const len = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - start;
      return {
        start,
        width: Math.round((0.8 * len) / runs.length),
        offset: Math.round(0.1 * len + (k * 0.8 * len) / runs.length),
      };
    });
    const slots = {
      xt: months.map((m) => r1(m.start / 1000 - o.base)),
      width: months.map((m) => m.width),
      offset: months.map((m) => m.offset),
    };
    data.push({
      type: 'bar',
      name: one ? (pumped ? 'generated' : 'energy per month') : pumped ? `generated (${run.label})` : `per month (${run.label})`,
      ...slots,
      y: monthly.map((m) => r3(m.generated_gwh)),
      marker: { color: colour, opacity: one ? 0.75 : 0.6 },
      hovertemplate: `%{x|%B %Y}: %{y:.1f} GWh${pumped ? ' generated' : ''}<extra>${run.label}</extra>`,
    });
    barValues.push(...monthly.map((m) => m.generated_gwh));
    if (pumped) {
      data.push({
        type: 'bar',
        name: one ? 'drawn by pumping (negative)' : `pumping (${run.label})`,
        ...slots,
        y: monthly.map((m) => r3(-m.pumping_gwh)),
        marker: one
          ? { color: PUMP_COLOUR, opacity: 0.75 }
          : { color: colour, opacity: 0.35, pattern: { shape: '/', fgcolor: colour } },
        hovertemplate: `%{x|%B %Y}: %{y:.1f} GWh drawn by pumping<extra>${run.label}</extra>`,
      });
      data.push({
        type: 'scatter',
        mode: 'markers',
        name: one ? 'net of pumping' : `net (${run.label})`,
        xt: months.map((m) => r1((m.start + m.offset + m.width / 2) / 1000 - o.base)),
        y: monthly.map((m) => r3(m.energy_gwh)),
        marker: {
          symbol: 'line-ew',
          size: Math.max(10, Math.round(36 / runs.length)),
          line: { width: 3, color: one ? '#222222' : colour },
        },
        hovertemplate: `%{x|%B %Y}: %{y:.1f} GWh net of pumping<extra>${run.label}</extra>`,
      });
      barValues.push(...monthly.map((m) => -m.pumping_gwh));
    }
    const c = dailyCumulativeEnergy(r);
    lineValues.push(...c.energy_gwh);
    data.push({
      type: 'scatter',
      mode: c.time.length < 3 ? 'lines+markers' : 'lines',
      name: one ? (pumped ? 'cumulative net energy' : 'cumulative energy') : `cumulative${pumped ? ' net' : ''} (${run.label})`,
      xt: c.time.map((t) => r1(t - o.base)),
      y: c.energy_gwh.map(r3),
      yaxis: 'y2',
      line: { color: colour, width: 2 },
      hovertemplate: `%{x|%d %b %Y}: %{y:.0f} GWh${pumped ? ' net' : ''}<extra>${run.label}</extra>`,
    });
  });
  const [yRange, y2Range] = zeroAlignedRanges(minMax(barValues), minMax(lineValues));
  const total = (r: ReportRun) => `${one ? '' : `${r.label}: `}${r1(r.result.summary.energy_gwh)} GWh`;
  return {
    id: 'energy',
    title: anyPumps
      ? 'Energy per month (generated, pumping, net) and cumulative net energy'
      : 'Energy per month and cumulative energy',
    caption: anyPumps
      ? 'Bars: energy generated (above zero) and drawn by pumping (below zero) in each calendar month (UTC), left axis; ticks: the net energy of the month, generated minus pumping. ' +
        `Lines: net energy since the start of the period at the end of each day, right axis, ending at the period's net energy (${runs.map(total).join('; ')}). The two axes share their zero.`
      : `Bars: energy generated in each calendar month (UTC), left axis. Lines: energy generated since the start of the period, at the end of each day, right axis (${runs.map(total).join('; ')}).`,
    data,
    layout: {
      height: 430,
      margin: { t: 30, r: 80, b: 50, l: 70 },
      barmode: 'overlay',
      legend: { orientation: 'h', y: 1.02, yanchor: 'bottom' },
      xaxis: { type: 'date', title: { text: 'month (UTC)' } },
      yaxis: { title: { text: 'energy per month (GWh)' }, range: yRange.map(r3) },
      yaxis2: {
        title: { text: `cumulative${anyPumps ? ' net' : ''} energy (GWh)` },
        overlaying: 'y',
        side: 'right',
        range: y2Range.map(r3),
        showgrid: false,
      },
    },
  };
}

type Half = 'ebb' | 'flood';

/** The sides of the cycle on which the mode table generates: ebb, flood or both, in that order. */
export function generatingHalves(ops: ModeTable): Half[] {
  const out: Half[] = [];
  if (ops.generate.some((g) => g > 0)) out.push('ebb');
  if (ops.generate.some((g) => g < 0)) out.push('flood');
  return out;
}

/** Net energy of each half tide of the solver's ledger against the sea's fall or rise in it. */
function tidesFigure(runs: readonly ReportRun[]): Figure {
  const one = runs.length === 1;
  const data: Trace[] = [];
  const shares: string[] = [];
  let otherSide = false;
  runs.forEach((run, k) => {
    const r = run.result;
    const halves = generatingHalves(run.ops);
    const pumped = pumps(r);
    if (halves.length < 2) otherSide = true;
    const net = (h: { generated: number; pumped: number }) => h.generated - h.pumped;
    const shown = rangeHalfTides(r.halfTides, seaExcursions(r.sea)).filter((p) => halves.includes(p.tide.half));
    const total = r.halfTides.reduce((a, h) => a + net(h), 0);
    const held = shown.reduce((a, p) => a + net(p.tide), 0);
    shares.push(
      `${one ? '' : `${run.label}: `}${shown.length} half tides (${halves.map((h) => `${shown.filter((p) => p.tide.half === h).length} ${h}`).join(', ')})${total > 0 ? ` holding ${r1((100 * held) / total)} % of the net energy` : ''}`,
    );
    for (const half of halves) {
      const pts = shown.filter((p) => p.tide.half === half);
      data.push({
        type: 'scatter',
        mode: 'markers',
        name: one ? `${half} half tide` : halves.length > 1 ? `${run.label}: ${half}` : run.label,
        x: pts.map((p) => r3(p.excursion.range_m)),
        y: pts.map((p) => r3(net(p.tide) / J_PER_MWH)),
        customdata: pts.map((p) => [
          plotlyTime(p.tide.start).slice(0, 16),
          ...(pumped ? [r1(p.tide.generated / J_PER_MWH), r1(p.tide.pumped / J_PER_MWH)] : []),
        ]),
        marker: {
          color: one ? HALF_COLOURS[half] : RUN_COLOURS[k % RUN_COLOURS.length],
          symbol: half === 'ebb' ? 'circle' : 'diamond',
          size: 6,
          opacity: 0.7,
        },
        hovertemplate: `${half} half tide from %{customdata[0]} UTC<br>${half === 'ebb' ? 'fall' : 'rise'} of the sea %{x:.2f} m<br>${pumped ? 'net %{y:.0f} MWh (generated %{customdata[1]:.0f}, pumping %{customdata[2]:.0f} MWh)' : '%{y:.0f} MWh'}<extra>${run.label}</extra>`,
      });
    }
  });
  return {
    id: 'tides',
    title: 'Energy per half tide against tidal range',
    caption:
      "Each point is one half tide of the solver's per-tide ledger (tides.csv), cut at the operating cycle's own switches: ebb, the basin above the sea (pumping at high water, holding, generating on the ebb, then draining or holding); flood, its mirror. " +
      'Energy: generated minus drawn by pumping within the half tide. Range: the fall of the sea from high to low water (ebb) or its rise from low to high water (flood) that overlaps the half tide longest ' +
      '(high waters: the peaks of excursions more than 0.5 m above the mean sea level that follow one more than 0.5 m below it; low waters: the lowest level between two high waters). ' +
      `Left out: the first and last half tides (cut by the period)${otherSide ? ' and the half tides on the side a one-way scheme does not generate on' : ''}. ${shares.join('; ')}.`,
    data,
    layout: {
      height: 430,
      margin: { t: 30, r: 30, b: 50, l: 70 },
      hovermode: 'closest',
      legend: { orientation: 'h', y: 1.02, yanchor: 'bottom' },
      xaxis: { title: { text: 'tidal range: fall (ebb) or rise (flood) of the sea (m)' } },
      yaxis: { title: { text: 'net energy per half tide (MWh)' }, rangemode: 'tozero' },
    },
  };
}

/** Every k-th point of a head curve (and its last), at most about `points` points. */
function curvePoints(c: HeadCurve, dh: number, points = 300): { head: number[]; power: number[]; flow: number[] } {
  const n = c.power.length;
  const step = Math.max(1, Math.floor(n / points));
  const head: number[] = [];
  const power: number[] = [];
  const flow: number[] = [];
  for (let i = 0; ; i += step) {
    const j = Math.min(i, n - 1);
    head.push(r3(j * dh));
    power.push(r3(c.power[j] / W_PER_MW));
    flow.push(r1(c.flow[j]));
    if (j === n - 1) break;
  }
  return { head, power, flow };
}

/**
 * Runs grouped by equal `key` (in order of first appearance), each group with the colour of its
 * first run and the suffix its traces go by: nothing for a single run, "(all runs)" when every
 * run shares it, else the labels of its runs.
 */
function groupRuns(
  runs: readonly ReportRun[],
  key: (r: ReportRun) => string,
): { first: ReportRun; colour: string; who: string }[] {
  const groups = new Map<string, number[]>();
  runs.forEach((r, k) => {
    const kk = key(r);
    groups.set(kk, [...(groups.get(kk) ?? []), k]);
  });
  return [...groups.values()].map((ks) => ({
    first: runs[ks[0]],
    colour: RUN_COLOURS[ks[0] % RUN_COLOURS.length],
    who: runs.length === 1 ? '' : ks.length === runs.length ? ' (all runs)' : ` (${ks.map((k) => runs[k].label).join(', ')})`,
  }));
}

/** The curves of a turbine table worth drawing: ebb, then flood and pumping when the table has its own. */
function turbineCurves(run: ReportRun): [string, ReturnType<typeof curvePoints>][] {
  const t = run.scheme.turbine;
  const curves: [string, HeadCurve][] = [['ebb', t.ebb]];
  if (t.flood !== t.ebb) curves.push(['flood', t.flood]);
  if (t.pump) curves.push(['pumping', t.pump]);
  return curves.map(([name, c]) => [name, curvePoints(c, t.dh)]);
}

/** Head-power-flow curves of one unit, for each distinct turbine table among the runs. */
function turbineFigure(runs: readonly ReportRun[]): Figure {
  const data: Trace[] = [];
  const dashes = ['solid', 'dashdot', 'dot'];
  for (const { first, colour, who } of groupRuns(runs, (r) => JSON.stringify(turbineCurves(r)))) {
    const curves = turbineCurves(first);
    curves.forEach(([name, p], j) => {
      const what = curves.length > 1 ? `${name} ` : '';
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: `${what}power${who}`,
        x: p.head,
        y: p.power,
        line: { color: colour, width: 2, dash: dashes[j] },
        hovertemplate: `head %{x:.2f} m: %{y:.2f} MW<extra>${what}power${who}</extra>`,
      });
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: `${what}flow${who}`,
        x: p.head,
        y: p.flow,
        yaxis: 'y2',
        line: { color: colour, width: 1.5, dash: j === 0 ? 'dash' : dashes[j] },
        opacity: 0.6,
        hovertemplate: `head %{x:.2f} m: %{y:.0f} m³/s<extra>${what}flow${who}</extra>`,
      });
    });
  }
  const r0 = runs[0].scheme.turbine;
  return {
    id: 'turbine',
    title: 'Turbine curve used (one unit)',
    caption: `Power (solid, left axis) and flow (dashed, right axis) of one unit against head, as the solver reads them (table every ${r0.dh} m of head, drawn every few centimetres). ${runs.length === 1 ? `Runner diameter ${r1(r0.diameter * 100) / 100} m, rated ${r1(r0.ratedPower / 1e5) / 10} MW.` : ''}`,
    data,
    layout: {
      height: 430,
      margin: { t: 30, r: 80, b: 50, l: 70 },
      hovermode: 'closest',
      legend: { orientation: 'h', y: 1.02, yanchor: 'bottom' },
      xaxis: { title: { text: 'head (m)' }, rangemode: 'tozero' },
      yaxis: { title: { text: 'power of one unit (MW)' }, rangemode: 'tozero' },
      yaxis2: {
        title: { text: 'flow through one unit (m³/s)' },
        overlaying: 'y',
        side: 'right',
        rangemode: 'tozero',
        showgrid: false,
      },
    },
  };
}

/** Wetted area and stored volume of the basin against level, with the levels each run reached. */
function basinFigure(runs: readonly ReportRun[]): Figure {
  const data: Trace[] = [];
  const shapes: Record<string, unknown>[] = [];
  for (const { first, colour, who } of groupRuns(runs, (r) =>
    JSON.stringify([Array.from(r.scheme.basin.levels), Array.from(r.scheme.basin.areas)]),
  )) {
    const b = first.scheme.basin;
    const z0 = b.levels[0];
    const z1 = b.levels[b.levels.length - 1];
    const zs: number[] = [];
    for (let i = 0; i <= 200; i++) zs.push(z0 + ((z1 - z0) * i) / 200);
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: `wetted area${who}`,
      x: Array.from(b.levels, r3),
      y: Array.from(b.areas, (a) => r3(a / 1e6)),
      line: { color: colour, width: 2 },
      marker: { size: 5 },
      hovertemplate: `%{x:.2f} m: %{y:.2f} km²<extra>area${who}</extra>`,
    });
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: `stored volume${who}`,
      x: zs.map(r3),
      y: zs.map((z) => r3(volumeAt(b, z) / 1e6)),
      yaxis: 'y2',
      line: { color: colour, width: 2, dash: 'dash' },
      hovertemplate: `%{x:.2f} m: %{y:.1f} million m³<extra>volume${who}</extra>`,
    });
  }
  runs.forEach((run, k) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const z of run.result.series.basinLevel) {
      if (z < lo) lo = z;
      if (z > hi) hi = z;
    }
    shapes.push({
      type: 'rect',
      xref: 'x',
      yref: 'paper',
      x0: r3(lo),
      x1: r3(hi),
      y0: 0,
      y1: 1,
      fillcolor: RUN_COLOURS[k % RUN_COLOURS.length],
      opacity: 0.08,
      line: { width: 0 },
      layer: 'below',
    });
  });
  const datum = datumOf(runs[0].result);
  return {
    id: 'basin',
    title: 'Basin area and volume',
    caption: `Wetted area (solid, the table: piecewise linear between its rows) and stored volume above the lowest row (dashed, its integral) against level. Shaded: the range of basin levels ${runs.length === 1 ? 'the run reached' : 'each run reached'}.`,
    data,
    layout: {
      height: 430,
      margin: { t: 30, r: 80, b: 50, l: 70 },
      hovermode: 'closest',
      shapes,
      legend: { orientation: 'h', y: 1.02, yanchor: 'bottom' },
      xaxis: { title: { text: `level (m${datum})` } },
      yaxis: { title: { text: 'wetted area (km²)' }, rangemode: 'tozero' },
      yaxis2: {
        title: { text: 'stored volume (million m³)' },
        overlaying: 'y',
        side: 'right',
        rangemode: 'tozero',
        showgrid: false,
      },
    },
  };
}

/** All the plots of a scheme report (one run) or of a comparison (several). */
export function runFigures(runs: readonly ReportRun[], o: FigureOptions): Figure[] {
  for (const r of runs) {
    const a = r.result.modeNames;
    if (a.length !== r.ops.names.length || a.some((n, i) => n !== r.ops.names[i]))
      throw new Error(
        `run ${r.label}: the mode table given (${r.ops.names.join(', ')}) is not the one the run used (${a.join(', ')})`,
      );
  }
  return [levelsFigure(runs, o), energyFigure(runs, o), tidesFigure(runs), turbineFigure(runs), basinFigure(runs)];
}
