/**
 * The heads in force over a run, per generating side: the scenario's fixed heads, or a recorded
 * plan's (the optimiser's best fixed heads, or its flexible heads per half tide); and the plot of
 * the heads a flexible run chose at each slack water.
 */

import type { RecordedHeads } from '../../optimise/plan-record.js';
import { axis, baseLayout, type Figure, HALF_COLOURS, r1, r3, type Trace } from '../layout.js';
import { generatingHalves, type Half, type ReportRun } from '../report-run.js';

/** Heads of one side as step functions of time: value k holds from time[k] to time[k + 1]. */
export interface HeadSteps {
  half: Half;
  /** s since the epoch; the last is the end of the run. */
  time: number[];
  start: number[];
  end: number[];
  pump: number[];
}

export function headSteps(run: ReportRun): HeadSteps[] {
  const { sea, scenario } = run.result;
  const t1 = sea.t0 + (sea.level.length - 1) * sea.dt;
  return generatingHalves(run.ops).flatMap((half) => {
    const steps: { t: number; h: RecordedHeads }[] = [];
    if (run.plan) {
      const ref = run.plan.reference[half];
      if (ref) steps.push({ t: sea.t0, h: ref });
      for (const d of run.plan.decisions) if (d.direction === half) steps.push({ t: sea.t0 + d.step * sea.dt, h: d });
    } else {
      const spec = scenario.operation[half];
      if (spec)
        steps.push({
          t: sea.t0,
          h: { start_head_m: spec.start_head_m, end_head_m: spec.end_head_m, pump_to_head_m: spec.pump_to_head_m ?? 0 },
        });
    }
    if (steps.length === 0) return [];
    const last = steps[steps.length - 1];
    steps.push({ t: t1, h: last.h });
    return [
      {
        half,
        time: steps.map((s) => s.t),
        start: steps.map((s) => s.h.start_head_m),
        end: steps.map((s) => s.h.end_head_m),
        pump: steps.map((s) => s.h.pump_to_head_m),
      },
    ];
  });
}

/** The heads a flexible run chose at each decision (start, end, pump-to), per side, against time. */
export function headsFigure(run: ReportRun, base: number): Figure | undefined {
  const plan = run.plan;
  if (!plan || plan.decisions.length === 0) return undefined;
  const { sea } = run.result;
  const data: Trace[] = [];
  const dash = { start: 'solid', end: 'dot', pump: 'dash' } as const;
  for (const half of ['ebb', 'flood'] as const) {
    const ds = plan.decisions.filter((d) => d.direction === half);
    if (ds.length === 0) continue;
    const xt = ds.map((d) => r1(sea.t0 + d.step * sea.dt - base));
    const series: [keyof typeof dash, number[]][] = [
      ['start', ds.map((d) => d.start_head_m)],
      ['end', ds.map((d) => d.end_head_m)],
      ['pump', ds.map((d) => d.pump_to_head_m)],
    ];
    for (const [which, ys] of series) {
      if (which === 'pump' && ys.every((y) => y === 0)) continue;
      data.push({
        type: 'scatter',
        mode: 'lines+markers',
        name: `${half} ${which === 'pump' ? 'pump-to' : which} head`,
        xt,
        y: ys.map(r3),
        line: { color: HALF_COLOURS[half], width: 1, dash: dash[which], shape: 'hv' },
        marker: { size: 4, symbol: which === 'start' ? 'circle' : which === 'end' ? 'square' : 'triangle-up' },
        hovertemplate: `%{x|%d %b %Y %H:%M}: ${half} ${which} head %{y:.2f} m<extra></extra>`,
      });
    }
  }
  const n = plan.decisions.length;
  return {
    id: 'heads',
    title: 'Heads chosen per half tide (flexible operation)',
    caption: `The optimiser's start, end and pump-to heads (m) at each of its ${n} decisions (one per slack water), held until the next decision of the same side.`,
    data,
    layout: {
      ...baseLayout(380),
      xaxis: axis('decision time (UTC)', { type: 'date' }),
      yaxis: axis('head (m)', { rangemode: 'tozero' }),
    },
  };
}
