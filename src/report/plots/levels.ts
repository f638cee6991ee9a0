/**
 * The time plot: sea and basin level with the operating mode shaded (one run), the head against
 * the start and end heads in force, and power, on one shared time axis. The level, head and power
 * traces carry no points: they name the run's series (`src`), and the page fills them for the
 * window in view on every zoom and pan (page.ts), so a day or less shows every step.
 */

import { W_PER_MW } from '../../physics.js';
import { durationText } from '../../time.js';
import { axis, baseLayout, PUMP_COLOUR, plotlyTime, r1, r3, runColour, SEA_COLOUR, type Trace } from '../layout.js';
import type { LostTides } from '../lost-tides.js';
import { modeColours, modeRuns } from '../modes.js';
import { datumOf, pumps, type ReportRun, type TimeWindow } from '../report-run.js';
import { headSteps } from './heads.js';

/** Most mode bands drawn over a run: beyond it, the shortest runs of a mode merge into the band before. */
const MAX_MODE_BANDS = 20000;

/** Power drawn by all units pumping at full power (MW): the top of the pump curve. */
function pumpLimitMw(run: ReportRun): number {
  const p = run.scheme.turbine.pump;
  let max = 0;
  if (p) for (const x of p.power) if (x > max) max = x;
  return (max * run.scheme.turbineCount) / W_PER_MW;
}

/** Height of the mode strip along the bottom of the level panel, as a fraction of the panel. */
const STRIP_HEIGHT = 0.06;

/**
 * The operating mode as a strip along the bottom of the level panel: one heatmap row whose cells
 * are the runs of equal mode (drawn as one image, however many thousand bands a year has),
 * coloured by mode. plotly.js paints the image at the strip's size in pixels and encodes it as a
 * PNG: a strip the panel's full height took markedly longer to draw (docs/reports.md).
 */
function modeStrip(run: ReportRun, base: number): { trace: Trace; legend: string } {
  const { sea, series, modeNames } = run.result;
  const colours = modeColours(run.ops);
  let minLen = 1;
  let runs = modeRuns(series.mode);
  while (runs.length > MAX_MODE_BANDS) {
    minLen *= 2;
    runs = modeRuns(series.mode, minLen);
  }
  const off = sea.t0 - base;
  // The mode of sample i is in force over the step from it to sample i + 1; the last sample starts no step.
  const last = sea.level.length - 1;
  const bands = runs.filter((g) => g.start < last);
  const m = modeNames.length;
  return {
    trace: {
      type: 'heatmap',
      name: 'operating mode',
      xt: [...bands.map((g) => r1(off + g.start * sea.dt)), r1(off + last * sea.dt)],
      y: [0, STRIP_HEIGHT],
      z: [bands.map((g) => g.mode)],
      zmin: -0.5,
      zmax: m - 0.5,
      colorscale: colours.flatMap((c, k) => [
        [k / m, c],
        [(k + 1) / m, c],
      ]),
      showscale: false,
      opacity: 0.8,
      yaxis: 'y',
      hoverinfo: 'skip',
    },
    legend: `modes: ${modeNames.map((n, k) => `<span style="color:${colours[k]}">\u25a0</span> ${n}`).join('  ')}${minLen > 1 ? ` (periods under ${durationText(minLen * sea.dt)} merged)` : ''}`,
  };
}

/** A horizontal line over the run's period on `yaxis`, left out of the hover. */
function flatLine(run: ReportRun, base: number, y: number, name: string, yaxis: string, line: Trace): Trace {
  const { sea } = run.result;
  return {
    type: 'scatter',
    mode: 'lines',
    name,
    xt: [r1(sea.t0 - base), r1(sea.t0 - base + (sea.level.length - 1) * sea.dt)],
    y: [r3(y), r3(y)],
    yaxis,
    line,
    hoverinfo: 'skip',
  };
}

/**
 * The start and end heads in force over time (ebb above zero, flood below), as step lines: one
 * trace each, the sides apart (a gap between them), so the legend has one entry per kind of head.
 */
function thresholdTraces(run: ReportRun, base: number, who: string, colour: string | null): Trace[] {
  const sides = headSteps(run);
  if (sides.length === 0) return [];
  const apart = <T>(f: (s: (typeof sides)[number]) => T[]) => sides.flatMap((s, k) => (k === 0 ? f(s) : [null, ...f(s)]));
  return (['start', 'end'] as const).map((which) => ({
    type: 'scatter',
    mode: 'lines',
    name: `${which} head${who}`,
    xt: apart((s) => s.time.map((t) => r1(t - base))),
    y: apart((s) => s[which].map((h) => r3(s.half === 'ebb' ? h : -h))),
    yaxis: 'y4',
    line: {
      color: colour ?? (which === 'start' ? '#b3261e' : '#2b7a2b'),
      width: 1,
      dash: which === 'start' ? 'dash' : 'dot',
      shape: 'hv',
    },
    hoverinfo: 'skip',
  }));
}

/**
 * Whether every run has the same sea level (same start, step and values: runs of one tide), drawn
 * then as one trace; several identical traces, one over the other, would show only the last.
 */
function oneSea(runs: readonly ReportRun[]): boolean {
  const a = runs[0].result.sea;
  return runs.every(({ result: { sea: b } }) => {
    if (b.t0 !== a.t0 || b.dt !== a.dt || b.level.length !== a.level.length) return false;
    for (let i = 0; i < a.level.length; i++) if (b.level[i] !== a.level[i]) return false;
    return true;
  });
}

export interface LevelsOptions {
  base: number;
  window: TimeWindow;
  /** Lost tides of the first run, marked over the level panel. */
  lost?: LostTides;
}

/** Sea, basin, head and power over time; `src.s` of run k is k (the page's series are the runs'). */
export function levelsFigure(runs: readonly ReportRun[], o: LevelsOptions) {
  const one = runs.length === 1;
  const strip = one ? modeStrip(runs[0], o.base) : undefined;
  const data: Trace[] = strip ? [strip.trace] : [];
  const levelAxis = one ? 'y3' : 'y';
  const seaTrace = (k: number, who: string, colour: string) => ({
    type: 'scatter',
    mode: 'lines',
    name: `sea level${who}`,
    src: { s: k, key: 'sea' },
    yaxis: levelAxis,
    line: { color: colour, width: 1.2, dash: one ? 'solid' : 'dot' },
    hovertemplate: `sea %{y:.2f} m${who}<extra></extra>`,
  });
  const shared = one || oneSea(runs);
  if (shared) data.push(seaTrace(0, one ? '' : ' (all runs)', SEA_COLOUR));
  // Runs on one sea level whose installed capacity (pumping limit) is the same share its line too.
  const capacityOf = (run: ReportRun) => run.result.summary.installed_capacity_mw;
  const oneCapacity = !one && shared && runs.every((run) => capacityOf(run) === capacityOf(runs[0]));
  const onePumpLimit = !one && shared && runs.every((run) => pumps(run.result) && pumpLimitMw(run) === pumpLimitMw(runs[0]));
  const pumpLimitName = 'pumping limit (all units at full pumping power)';
  const dashed = (color: string) => ({ color, width: 1, dash: 'dash' });
  runs.forEach((run, k) => {
    const r = run.result;
    const colour = runColour(k);
    const who = one ? '' : ` (${run.label})`;
    const src = (key: string, more: Record<string, unknown> = {}) => ({ s: k, key, ...more });
    if (!shared) data.push(seaTrace(k, who, colour));
    data.push(
      {
        type: 'scatter',
        mode: 'lines',
        name: `basin level${who}`,
        src: src('basin', { hover: 'mode' }),
        yaxis: levelAxis,
        line: { color: colour, width: 1.6 },
        hovertemplate: `basin %{y:.2f} m, mode %{customdata}${who}<extra></extra>`,
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: `head, basin - sea${who}`,
        src: src('head'),
        yaxis: 'y4',
        line: { color: colour, width: 1.4 },
        hovertemplate: `head %{y:.2f} m${who}<extra></extra>`,
      },
      ...thresholdTraces(run, o.base, who, one ? null : colour),
      {
        type: 'scatter',
        mode: 'lines',
        name: `power generated${who}`,
        src: src('power'),
        yaxis: 'y2',
        line: { color: colour, width: 1.2, shape: 'hv' },
        fill: one ? 'tozeroy' : 'none',
        hovertemplate: `generating %{y:.1f} MW${who}<extra></extra>`,
      },
    );
    if (pumps(r)) {
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: `power drawn pumping (negative)${who}`,
        src: src('pump', { scale: -1 }),
        yaxis: 'y2',
        line: { color: one ? PUMP_COLOUR : colour, width: 1.2, dash: one ? 'solid' : 'dot', shape: 'hv' },
        fill: one ? 'tozeroy' : 'none',
        hovertemplate: `pumping %{y:.1f} MW${who}<extra></extra>`,
      });
      if (!onePumpLimit)
        data.push(flatLine(run, o.base, -pumpLimitMw(run), `${pumpLimitName}${who}`, 'y2', dashed(one ? PUMP_COLOUR : colour)));
    }
    if (!oneCapacity) data.push(flatLine(run, o.base, capacityOf(run), `installed capacity${who}`, 'y2', dashed(colour)));
  });
  if (onePumpLimit)
    data.push(flatLine(runs[0], o.base, -pumpLimitMw(runs[0]), `${pumpLimitName} (all runs)`, 'y2', dashed(PUMP_COLOUR)));
  if (oneCapacity)
    data.push(flatLine(runs[0], o.base, capacityOf(runs[0]), 'installed capacity (all runs)', 'y2', dashed(SEA_COLOUR)));
  const lostShapes = (o.lost?.lost ?? []).map((e) => ({
    type: 'rect',
    xref: 'x',
    yref: 'paper',
    x0: plotlyTime(e.start),
    x1: plotlyTime(e.end),
    y0: 0.97,
    y1: 1,
    fillcolor: '#b3261e',
    opacity: 0.55,
    line: { width: 0 },
  }));
  const levelTitle = `level (m${datumOf(runs[0].result)})`;
  const lost = o.lost;
  return {
    id: 'levels',
    title: one ? 'Sea and basin level, operating mode, head, power' : 'Sea and basin levels, head, power',
    caption:
      `Levels (m${datumOf(runs[0].result)}), head = basin - sea (m; ebb heads above zero, flood below) against the start (dashed) and end (dotted) heads in force, and power (MW; pumping below zero), every step drawn in any window of a day or less (min/max per pixel when zoomed out)` +
      (lost && lost.lost.length > 0
        ? `; red marks: the ${lost.lost.length} lost tides (no generation on a generating side).`
        : '.'),
    data,
    layout: {
      ...baseLayout(820, { top: 50 }),
      hovermode: 'x unified',
      barmode: 'overlay',
      bargap: 0,
      shapes: lostShapes,
      annotations: strip
        ? [
            {
              xref: 'paper',
              yref: 'paper',
              x: 0,
              y: 0.535,
              xanchor: 'left',
              yanchor: 'bottom',
              showarrow: false,
              font: { size: 11 },
              text: strip.legend,
            },
          ]
        : [],
      xaxis: axis('time (UTC)', {
        type: 'date',
        anchor: 'y2',
        range: [plotlyTime(o.window.start), plotlyTime(o.window.end)],
        rangeselector: {
          y: 1.02,
          x: 1,
          xanchor: 'right',
          buttons: [
            { count: 1, label: '1 day', step: 'day', stepmode: 'backward' },
            { count: 15, label: '15 days', step: 'day', stepmode: 'backward' },
            { count: 1, label: '1 month', step: 'month', stepmode: 'backward' },
            { step: 'all', label: 'whole period' },
          ],
        },
      }),
      ...(one
        ? {
            yaxis: { domain: [0.56, 1], range: [0, 1], visible: false, fixedrange: true },
            yaxis3: axis(levelTitle, { overlaying: 'y', side: 'left', zeroline: false }),
          }
        : { yaxis: axis(levelTitle, { domain: [0.56, 1], zeroline: false }) }),
      yaxis4: axis('head (m)', { domain: [0.3, 0.52], anchor: 'x', zeroline: true }),
      yaxis2: axis('power (MW)', { domain: [0, 0.26], rangemode: 'tozero' }),
    },
  };
}
