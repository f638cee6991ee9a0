/**
 * The turbine's curves over the heads the run used: power and flow of one unit against head for
 * each direction the table has (ebb, flood, pumping), and the run's own operating points on them
 * (each generating step's power per unit against its head), so the part of the chart that matters
 * is the part drawn. Heads are drawn to a little above the largest head of the run.
 */

import { W_PER_MW } from '../../physics.js';
import type { HeadCurve } from '../../scheme/turbine.js';
import { axis, baseLayout, type Figure, HALF_COLOURS, PUMP_COLOUR, r1, r3, rightAxis, type Trace } from '../layout.js';
import type { ReportRun } from '../report-run.js';

/** Largest |basin - sea| over the runs (m). */
export function largestHead(runs: readonly ReportRun[]): number {
  let h = 0;
  for (const { result } of runs) {
    const z = result.sea.level;
    const b = result.series.basinLevel;
    for (let i = 0; i < z.length; i++) h = Math.max(h, Math.abs(b[i] - z[i]));
  }
  return h;
}

/** The curve sampled every `step` m of head up to `top` m. */
function curve(c: HeadCurve, dh: number, top: number, step = 0.05): { head: number[]; power: number[]; flow: number[] } {
  const head: number[] = [];
  const power: number[] = [];
  const flow: number[] = [];
  const last = Math.min(c.power.length - 1, Math.ceil(top / dh));
  const stride = Math.max(1, Math.round(step / dh));
  for (let k = 0; ; k += stride) {
    const j = Math.min(k, last);
    head.push(r3(j * dh));
    power.push(r3(c.power[j] / W_PER_MW));
    flow.push(r1(c.flow[j]));
    if (j === last) break;
  }
  return { head, power, flow };
}

const COLOURS = { ebb: HALF_COLOURS.ebb, flood: HALF_COLOURS.flood, pumping: PUMP_COLOUR };

export function turbineFigure(runs: readonly ReportRun[]): Figure {
  const top = Math.max(1, Math.ceil(largestHead(runs) * 1.15 * 2) / 2);
  const run = runs[0];
  const t = run.scheme.turbine;
  const curves: ['ebb' | 'flood' | 'pumping', HeadCurve][] = [['ebb', t.ebb]];
  if (t.flood !== t.ebb) curves.push(['flood', t.flood]);
  if (t.pump) curves.push(['pumping', t.pump]);
  const data: Trace[] = [];
  for (const [name, c] of curves) {
    const p = curve(c, t.dh, top);
    const what = curves.length > 1 ? `${name} ` : '';
    data.push(
      {
        type: 'scatter',
        mode: 'lines',
        name: `${what}power`,
        x: p.head,
        y: p.power,
        line: { color: COLOURS[name], width: 2.5 },
        hovertemplate: `head %{x:.2f} m: %{y:.2f} MW<extra>${what}power</extra>`,
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: `${what}flow`,
        x: p.head,
        y: p.flow,
        yaxis: 'y2',
        line: { color: COLOURS[name], width: 1.5, dash: 'dash' },
        hovertemplate: `head %{x:.2f} m: %{y:.0f} m³/s<extra>${what}flow</extra>`,
      },
    );
  }
  // The run's generating steps: mean power per unit against the head at the step's start.
  const { sea, series } = run.result;
  const steps = sea.level.length - 1;
  const stride = Math.max(1, Math.floor(steps / 2000));
  const hx: number[] = [];
  const py: number[] = [];
  for (let i = 0; i < steps; i += stride) {
    if (series.power[i] <= 0) continue;
    hx.push(r3(Math.abs(series.basinLevel[i] - sea.level[i])));
    py.push(r3(series.power[i] / run.scheme.turbineCount / W_PER_MW));
  }
  data.push({
    type: 'scatter',
    mode: 'markers',
    name: `operating points${runs.length > 1 ? ` (${run.label})` : ''}`,
    x: hx,
    y: py,
    marker: { size: 3, color: '#1f5fa8', opacity: 0.25 },
    hovertemplate: 'head %{x:.2f} m: %{y:.2f} MW per unit<extra>step</extra>',
  });
  return {
    id: 'turbine',
    title: 'Turbine curves over the heads used (one unit)',
    caption: `Power (MW, solid) and flow (m³/s, dashed, right axis) of one unit against head as the solver reads them, up to ${top} m (the run's largest head ${r1(largestHead(runs))} m, plus 15 %); dots: mean power per unit at its head of each generating step${stride > 1 ? ` among one step in ${stride}` : ''}${runs.length > 1 ? ` of ${run.label}` : ''}. Runner ${r1(t.diameter * 100) / 100} m, rated ${r1(t.ratedPower / 1e5) / 10} MW.`,
    data,
    layout: {
      ...baseLayout(400, { right: true }),
      xaxis: axis('head (m)', { range: [0, top] }),
      yaxis: axis('power of one unit (MW)', { rangemode: 'tozero' }),
      yaxis2: rightAxis('flow through one unit (m³/s)', { rangemode: 'tozero' }),
    },
  };
}
