/**
 * The turbine's curves over the heads the run used: power and flow of one unit against head for
 * each direction the table has (ebb, flood, pumping), over the hours the run generated at each
 * head and power per unit (operatingDensity), so the part of the chart that matters is the part
 * drawn. Heads are drawn to a little above the largest head of the run.
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

/** Cells of the operating-point density along each axis. */
const DENSITY_CELLS = { head: 60, power: 40 };

/**
 * Where the run's units operated: the hours of generation at each head (|basin - sea| at the
 * step's start) and mean power per unit, in cells of dh m by dp MW from zero to `top` m and to the
 * largest power per unit; `hours[j][i]` is power cell j, head cell i, null where no step fell.
 * Every generating step counts; a hill chart's operating points as a density, drawn as one image
 * (a dot per step was a thousand SVG elements for a sample of the steps).
 */
export function operatingDensity(run: ReportRun, top: number): { dh: number; dp: number; hours: (number | null)[][] } {
  const { sea, series } = run.result;
  const steps = sea.level.length - 1;
  const perUnit = 1 / (run.scheme.turbineCount * W_PER_MW);
  let pmax = 0;
  for (let i = 0; i < steps; i++) pmax = Math.max(pmax, series.power[i] * perUnit);
  const dh = top / DENSITY_CELLS.head;
  const dp = Math.max(pmax, 1e-3) / DENSITY_CELLS.power;
  const hours: (number | null)[][] = Array.from({ length: DENSITY_CELLS.power }, () =>
    new Array<number | null>(DENSITY_CELLS.head).fill(null),
  );
  for (let i = 0; i < steps; i++) {
    if (series.power[i] <= 0) continue;
    const h = Math.abs(series.basinLevel[i] - sea.level[i]);
    const ci = Math.min(DENSITY_CELLS.head - 1, Math.floor(h / dh));
    const cj = Math.min(DENSITY_CELLS.power - 1, Math.floor((series.power[i] * perUnit) / dp));
    hours[cj][ci] = (hours[cj][ci] ?? 0) + sea.dt / 3600;
  }
  return { dh, dp, hours: hours.map((row) => row.map((v) => (v === null ? null : r3(v)))) };
}

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
  const d = operatingDensity(run, top);
  data.unshift({
    type: 'heatmap',
    name: `hours at each head and power${runs.length > 1 ? ` (${run.label})` : ''}`,
    x0: d.dh / 2,
    dx: d.dh,
    y0: d.dp / 2,
    dy: d.dp,
    z: d.hours,
    colorscale: [
      [0, '#d6e4f2'],
      [1, '#0b3d78'],
    ],
    zmin: 0,
    showscale: false,
    hovertemplate: `head %{x:.2f} m ± ${r3(d.dh / 2)} m, %{y:.2f} MW ± ${r3(d.dp / 2)} MW per unit: %{z:.1f} h<extra>operation</extra>`,
  });
  return {
    id: 'turbine',
    title: 'Turbine curves over the heads used (one unit)',
    caption: `Power (MW, solid) and flow (m³/s, dashed, right axis) of one unit against head as the solver reads them, up to ${top} m (the run's largest head ${r1(largestHead(runs))} m, plus 15 %); shaded cells: the hours the run${runs.length > 1 ? ` ${run.label}` : ''} generated at each head (${r3(d.dh)} m cells) and mean power per unit (${r3(d.dp)} MW cells), darker for more hours (hover for the hours), every step counted, a step that generates for part of its length whole at its mean power (so these hours exceed the summary's generating hours). Runner ${r1(t.diameter * 100) / 100} m, rated ${r1(t.ratedPower / 1e5) / 10} MW.`,
    data,
    layout: {
      ...baseLayout(400, { right: true }),
      xaxis: axis('head (m)', { range: [0, top] }),
      yaxis: axis('power of one unit (MW)', { rangemode: 'tozero' }),
      yaxis2: rightAxis('flow through one unit (m³/s)', { rangemode: 'tozero' }),
    },
  };
}
