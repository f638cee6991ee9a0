/**
 * Main effects of a design sweep: for each swept field, the mean (and the lowest and highest) of
 * an output over the designs sharing each of its values. The field whose values move the mean
 * most is the strongest lever; the sweep page's heat map defaults to the two strongest.
 */

import { axis, baseLayout, type Figure, r3, runColour, type Trace } from './layout.js';
import { distinct, fieldLabel, num, type SweepRow } from './sweep-fields.js';

export interface MainEffect {
  field: string;
  values: (number | string)[];
  mean: number[];
  min: number[];
  max: number[];
  /** Largest minus smallest mean: the size of the effect, in the output's unit. */
  size: number;
}

export function mainEffect(rows: readonly SweepRow[], field: string, value: string): MainEffect {
  const values = distinct(rows, field);
  const mean: number[] = [];
  const min: number[] = [];
  const max: number[] = [];
  for (const x of values) {
    const ys = rows.filter((r) => r[field] === x).flatMap((r) => (num(r, value) === undefined ? [] : [num(r, value) as number]));
    mean.push(ys.length > 0 ? ys.reduce((a, b) => a + b, 0) / ys.length : Number.NaN);
    min.push(Math.min(...ys));
    max.push(Math.max(...ys));
  }
  const finite = mean.filter(Number.isFinite);
  return { field, values, mean, min, max, size: finite.length > 0 ? Math.max(...finite) - Math.min(...finite) : 0 };
}

/** Main effects of the fields, largest first (ties: in the order given). */
export function mainEffects(rows: readonly SweepRow[], fields: readonly string[], value: string): MainEffect[] {
  return fields
    .map((f, i) => ({ e: mainEffect(rows, f, value), i }))
    .sort((a, b) => b.e.size - a.e.size || a.i - b.i)
    .map((x) => x.e);
}

/** One small plot per swept field, side by side: the output's mean over the designs at each value, with its range. */
export function mainEffectsFigure(effects: readonly MainEffect[], value: string): Figure {
  const n = effects.length;
  const gap = 0.04;
  const w = (1 - gap * (n - 1)) / n;
  const data: Trace[] = effects.map((e, k) => ({
    type: 'scatter',
    mode: 'lines+markers',
    name: fieldLabel(e.field),
    x: e.values,
    y: e.mean.map(r3),
    xaxis: k === 0 ? 'x' : `x${k + 1}`,
    error_y: {
      type: 'data',
      symmetric: false,
      array: e.max.map((m, j) => r3(m - e.mean[j])),
      arrayminus: e.min.map((m, j) => r3(e.mean[j] - m)),
      thickness: 1,
      width: 3,
    },
    line: { color: runColour(k), width: 2 },
    hovertemplate: `${fieldLabel(e.field)} %{x}: mean %{y:.4g}<extra></extra>`,
  }));
  const layout: Record<string, unknown> = {
    ...baseLayout(360),
    showlegend: false,
    yaxis: axis(fieldLabel(value)),
  };
  effects.forEach((e, k) => {
    layout[k === 0 ? 'xaxis' : `xaxis${k + 1}`] = axis(fieldLabel(e.field), {
      domain: [k * (w + gap), k * (w + gap) + w],
      anchor: 'y',
      type: e.values.every((v) => typeof v === 'number') ? 'linear' : 'category',
    });
  });
  return {
    id: 'sweep-effects',
    title: `Main effects: ${fieldLabel(value)} against each swept field`,
    caption: `Mean ${fieldLabel(value)} of the designs at each value of a field (bars: lowest to highest), strongest lever first: ${effects.map((e) => `${fieldLabel(e.field)} moves the mean by ${r3(e.size)}`).join(', ')}.`,
    data,
    layout,
  };
}
