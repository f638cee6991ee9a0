/**
 * Plots and tables of a design sweep, from a plain array of rows: the swept inputs and the
 * outputs of each design (annual_energy_gwh, capacity_mw, and any cost or revenue field). Field
 * names carry their units (`diameter_m`, `cost_gbp`), which the axis titles spell out.
 */

import type { Figure, Trace } from './layout.js';
import { escapeHtml, pageHtml } from './page.js';
import { mainEffects, mainEffectsFigure } from './sweep-effects.js';
import { cellText, distinct, fieldDisplay, fieldLabel, num, numbers, type SweepRow } from './sweep-fields.js';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface HeatmapGrid {
  x: (number | string)[];
  y: (number | string)[];
  /** z[j][i]: value at (x[i], y[j]), the best (largest) over rows sharing the cell; null where no row. */
  z: (number | null)[][];
  /** Most rows sharing one cell (more than 1: other fields were swept too). */
  perCell: number;
}

/** Most cells along one heat-map axis: a field with more distinct values (a Latin hypercube) is binned. */
const HEATMAP_BINS = 40;

/** One heat-map axis: its labels, and the cell of a row's value (undefined: not on the axis). */
function heatmapAxis(
  rows: readonly SweepRow[],
  field: string,
): { labels: (number | string)[]; cell: (v: unknown) => number | undefined } {
  const values = distinct(rows, field);
  const numeric = values.every((v) => typeof v === 'number');
  if (values.length <= HEATMAP_BINS || !numeric) {
    const index = new Map(values.map((v, i) => [v, i]));
    return { labels: values, cell: (v) => index.get(v as number | string) };
  }
  const lo = values[0] as number;
  const width = ((values[values.length - 1] as number) - lo) / HEATMAP_BINS;
  return {
    labels: Array.from({ length: HEATMAP_BINS }, (_, k) => lo + (k + 0.5) * width),
    cell: (v) => (typeof v === 'number' ? Math.min(HEATMAP_BINS - 1, Math.floor((v - lo) / width)) : undefined),
  };
}

/**
 * The grid of `value` over the swept fields `xField` and `yField`; a field with more than
 * HEATMAP_BINS distinct values is split into that many equal bins (labelled by their centres).
 */
export function heatmapGrid(rows: readonly SweepRow[], xField: string, yField: string, value: string): HeatmapGrid {
  const xa = heatmapAxis(rows, xField);
  const ya = heatmapAxis(rows, yField);
  const z: (number | null)[][] = ya.labels.map(() => xa.labels.map(() => null));
  const count: number[][] = ya.labels.map(() => xa.labels.map(() => 0));
  let perCell = 0;
  for (const r of rows) {
    const i = xa.cell(r[xField]);
    const j = ya.cell(r[yField]);
    const v = num(r, value);
    if (i === undefined || j === undefined || v === undefined) continue;
    perCell = Math.max(perCell, ++count[j][i]);
    const old = z[j][i];
    z[j][i] = old === null || v > old ? v : old;
  }
  return { x: xa.labels, y: ya.labels, z, perCell };
}

export function heatmapFigure(
  rows: readonly SweepRow[],
  xField: string,
  yField: string,
  value = 'annual_energy_gwh',
  chosen = 'given',
): Figure {
  const g = heatmapGrid(rows, xField, yField, value);
  const d = fieldDisplay(value, numbers(rows, value));
  return {
    id: 'sweep-heatmap',
    title: `${capitalise(fieldLabel(value))} over ${fieldLabel(xField)} and ${fieldLabel(yField)}`,
    caption:
      `Each cell: the design with these two values${g.perCell > 1 ? `, the best of up to ${g.perCell} designs that differ in the other swept fields` : ''}. ` +
      `Blank cells: no design was run there. Axes: ${chosen}.` +
      (value === ENERGY_FIELD
        ? ' Annual energy is net of any pumping (generated minus drawn by pumping), as in summary.json.'
        : ''),
    data: [
      {
        type: 'heatmap',
        x: g.x,
        y: g.y,
        z: g.z.map((row) => row.map((v) => (v === null ? null : v * d.scale))),
        colorscale: 'Viridis',
        colorbar: { title: { text: fieldLabel(value, numbers(rows, value)), side: 'right' } },
        hovertemplate: `${escapeHtml(fieldLabel(xField))} %{x}<br>${escapeHtml(fieldLabel(yField))} %{y}<br>%{z:.4g}<extra></extra>`,
      },
    ],
    layout: {
      height: 460,
      margin: { t: 30, r: 30, b: 60, l: 80 },
      xaxis: { title: { text: fieldLabel(xField) }, type: g.x.every((v) => typeof v === 'number') ? 'linear' : 'category' },
      yaxis: { title: { text: fieldLabel(yField) }, type: g.y.every((v) => typeof v === 'number') ? 'linear' : 'category' },
    },
  };
}

/** What a design gains (maximised) and what it costs (minimised). */
export interface Objectives {
  benefit: string;
  cost: string;
}

/**
 * Indices of the designs on the Pareto front of `benefit` (more is better) against `cost` (less
 * is better): those no other design beats on one without losing on the other. Sorted by cost;
 * of designs equal on both, the first is kept. Rows missing either value are left out.
 */
export function paretoFront(rows: readonly SweepRow[], o: Objectives): number[] {
  const idx = rows.map((_, i) => i).filter((i) => num(rows[i], o.benefit) !== undefined && num(rows[i], o.cost) !== undefined);
  idx.sort(
    (a, b) =>
      (num(rows[a], o.cost) as number) - (num(rows[b], o.cost) as number) ||
      (num(rows[b], o.benefit) as number) - (num(rows[a], o.benefit) as number) ||
      a - b,
  );
  const front: number[] = [];
  let best = -Infinity;
  for (const i of idx) {
    const b = num(rows[i], o.benefit) as number;
    if (b > best) {
      front.push(i);
      best = b;
    }
  }
  return front;
}

export interface SweepView {
  /** The two swept fields of the heat map (default: the two with the largest main effects on `value`). */
  heatmap?: [string, string];
  /** Output shown on the heat map and ranking the table (default annual_energy_gwh). */
  value?: string;
  /** A cost field (less is better), e.g. capex_gbp. */
  cost?: string;
  /** A revenue field (more is better), e.g. revenue_gbp. */
  revenue?: string;
  /** Input fields listed in the table (default: every field that is not an output). */
  inputs?: string[];
  /** Rows in the table of top designs (default 10). */
  top?: number;
}

const ENERGY_FIELD = 'annual_energy_gwh';
const CAPACITY_FIELD = 'capacity_mw';

/** The front drawn, when the rows carry a cost or revenue: benefit = revenue or energy, cost = cost or capacity. */
function frontObjectives(v: SweepView): Objectives | undefined {
  if (v.cost === undefined && v.revenue === undefined) return undefined;
  return { benefit: v.revenue ?? ENERGY_FIELD, cost: v.cost ?? CAPACITY_FIELD };
}

/** Energy against installed capacity, one point per design; with a cost or revenue, the Pareto front. */
export function energyCapacityFigures(rows: readonly SweepRow[], v: SweepView): Figure[] {
  const colourField = v.cost ?? v.revenue;
  // Each field's display scale computed once, not once per design (that made the page quadratic in the designs).
  const scales = new Map<string, number>();
  const scale = (k: string) => {
    const known = scales.get(k);
    if (known !== undefined) return known;
    const x = fieldDisplay(k, numbers(rows, k)).scale;
    scales.set(k, x);
    return x;
  };
  const hover = (r: SweepRow) =>
    Object.entries(r)
      .map(([k, val]) => `${fieldLabel(k)} = ${cellText(val, scale(k))}`)
      .join('<br>');
  const scatter: Figure = {
    id: 'sweep-scatter',
    title: 'Annual energy against installed capacity',
    caption: `One point per design (${rows.length} designs)${colourField ? `, coloured by ${fieldLabel(colourField, numbers(rows, colourField))}` : ''}.`,
    data: [
      {
        type: 'scatter',
        mode: 'markers',
        name: 'design',
        x: rows.map((r) => num(r, CAPACITY_FIELD) ?? null),
        y: rows.map((r) => num(r, ENERGY_FIELD) ?? null),
        text: rows.map(hover),
        hovertemplate: '%{text}<extra></extra>',
        marker: colourField
          ? {
              size: 8,
              color: rows.map((r) => {
                const c = num(r, colourField);
                return c === undefined ? null : c * scale(colourField);
              }),
              colorscale: 'Viridis',
              showscale: true,
              colorbar: { title: { text: fieldLabel(colourField, numbers(rows, colourField)), side: 'right' } },
            }
          : { size: 8, color: '#1f5fa8', opacity: 0.75 },
      },
    ],
    layout: {
      height: 440,
      margin: { t: 30, r: 30, b: 60, l: 80 },
      hovermode: 'closest',
      xaxis: { title: { text: fieldLabel(CAPACITY_FIELD) } },
      yaxis: { title: { text: fieldLabel(ENERGY_FIELD) } },
    },
  };
  const varies = new Set(numbers(rows, CAPACITY_FIELD)).size > 1;
  const o = frontObjectives(v);
  if (!o) return varies ? [scatter] : [];
  const front = paretoFront(rows, o);
  const xs = fieldDisplay(o.cost, numbers(rows, o.cost)).scale;
  const ys = fieldDisplay(o.benefit, numbers(rows, o.benefit)).scale;
  const points = (ix: number[]): Trace => ({
    x: ix.map((i) => (num(rows[i], o.cost) as number) * xs),
    y: ix.map((i) => (num(rows[i], o.benefit) as number) * ys),
    text: ix.map((i) => hover(rows[i])),
  });
  const all = rows.map((_, i) => i).filter((i) => num(rows[i], o.cost) !== undefined && num(rows[i], o.benefit) !== undefined);
  const pareto: Figure = {
    id: 'sweep-pareto',
    title: `Pareto front: ${fieldLabel(o.benefit, numbers(rows, o.benefit))} against ${fieldLabel(o.cost, numbers(rows, o.cost))}`,
    caption: `Designs on the front (${front.length} of ${all.length}): no other design gives more ${fieldLabel(o.benefit, numbers(rows, o.benefit))} for no more ${fieldLabel(o.cost, numbers(rows, o.cost))}.`,
    data: [
      {
        type: 'scatter',
        mode: 'markers',
        name: 'design',
        ...points(all),
        hovertemplate: '%{text}<extra></extra>',
        marker: { size: 7, color: '#9aa5b1' },
      },
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'Pareto front',
        ...points(front),
        hovertemplate: '%{text}<extra>front</extra>',
        line: { color: '#d0421b', width: 2, shape: 'hv' },
        marker: { size: 9, color: '#d0421b' },
      },
    ],
    layout: {
      height: 440,
      margin: { t: 30, r: 30, b: 60, l: 80 },
      hovermode: 'closest',
      legend: { orientation: 'h', y: 1.02, yanchor: 'bottom' },
      xaxis: { title: { text: fieldLabel(o.cost, numbers(rows, o.cost)) } },
      yaxis: { title: { text: fieldLabel(o.benefit, numbers(rows, o.benefit)) } },
    },
  };
  return varies ? [scatter, pareto] : [pareto];
}

/** Fields that are outputs of a design, not inputs. */
function outputFields(v: SweepView): Set<string> {
  return new Set([
    ENERGY_FIELD,
    CAPACITY_FIELD,
    'capacity_factor',
    'energy_gwh',
    v.value ?? ENERGY_FIELD,
    ...(v.cost ? [v.cost] : []),
    ...(v.revenue ? [v.revenue] : []),
  ]);
}

/** The best `top` designs by the view's value (largest first) as an HTML table, front members marked. */
export function topDesignsTable(rows: readonly SweepRow[], v: SweepView): string {
  const value = v.value ?? ENERGY_FIELD;
  const out = outputFields(v);
  const inputs = v.inputs ?? [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !out.has(k) && k !== 'design');
  const index = rows.some((r) => r.design !== undefined) ? ['design'] : [];
  const outputs = [
    value,
    ENERGY_FIELD,
    CAPACITY_FIELD,
    'capacity_factor',
    ...(v.cost ? [v.cost] : []),
    ...(v.revenue ? [v.revenue] : []),
  ].filter((f, i, a) => a.indexOf(f) === i && rows.some((r) => r[f] !== undefined));
  const o = frontObjectives(v);
  const onFront = new Set(o ? paretoFront(rows, o) : []);
  const order = rows
    .map((_, i) => i)
    .filter((i) => num(rows[i], value) !== undefined)
    .sort((a, b) => (num(rows[b], value) as number) - (num(rows[a], value) as number) || a - b)
    .slice(0, v.top ?? 10);
  const cols = [...index, ...inputs, ...outputs].map((f) => ({ f, d: fieldDisplay(f, numbers(rows, f)) }));
  const head = `<tr><th class="num">rank</th>${cols.map(({ f }) => `<th class="num">${escapeHtml(fieldLabel(f, numbers(rows, f)))}</th>`).join('')}${o ? '<th>Pareto front</th>' : ''}</tr>`;
  const body = order
    .map(
      (i, k) =>
        `<tr><td class="num">${k + 1}</td>${cols.map(({ f, d }) => `<td class="num">${escapeHtml(cellText(rows[i][f] ?? null, d.scale))}</td>`).join('')}${o ? `<td>${onFront.has(i) ? 'yes' : ''}</td>` : ''}</tr>`,
    )
    .join('');
  return `<div class="scroll"><table class="top-designs">${head}${body}</table></div>`;
}

/** The swept fields of a view: those given, else every field that is not an output or the design index. */
function sweptFields(rows: readonly SweepRow[], v: SweepView): string[] {
  const out = outputFields(v);
  return v.inputs ?? [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !out.has(k) && k !== 'design');
}

/**
 * A self-contained page for a sweep: main effects of each swept field, the heat map over two of
 * them (the view's, else the two strongest levers), energy against capacity (when it varies) and
 * the Pareto front (with a cost or revenue), the top designs. `shown`: when `rows` are a
 * selection of a larger sweep's designs, how many designs it has and how the rows were chosen
 * (the page says so).
 */
export function sweepReportHtml(
  rows: readonly SweepRow[],
  v: SweepView,
  o: { title: string; toolVersion: string; description?: string; shown?: { designs: number; how: string } },
): string {
  if (rows.length === 0) throw new Error('a sweep report needs at least one design');
  const value = v.value ?? ENERGY_FIELD;
  const fields = sweptFields(rows, v).filter((f) => distinct(rows, f).length > 1);
  const effects = mainEffects(rows, fields, value);
  const pair: [string, string] | undefined =
    v.heatmap ?? (effects.length >= 2 ? [effects[0].field, effects[1].field] : undefined);
  const chosen = v.heatmap
    ? 'as asked (--heatmap)'
    : 'the two swept fields with the largest main effects (--heatmap a,b picks others)';
  const figures = [
    ...(effects.length > 0 ? [mainEffectsFigure(effects, value)] : []),
    ...(pair ? [heatmapFigure(rows, pair[0], pair[1], value, chosen)] : []),
    ...energyCapacityFigures(rows, v),
  ];
  const n = Math.min(v.top ?? 10, rows.length);
  return pageHtml({
    title: o.title,
    subtitle: o.shown
      ? `${o.shown.designs} designs${o.description ? `: ${o.description}` : ''}. The plots and the table show ${rows.length} of them: ${o.shown.how}`
      : `${rows.length} designs${o.description ? `: ${o.description}` : ''}`,
    header: '',
    figures,
    after: `<section id="section-top"><h2>Top ${n} designs by ${escapeHtml(fieldLabel(value))}</h2>${topDesignsTable(rows, v)}</section>`,
    toolVersion: o.toolVersion,
  });
}
