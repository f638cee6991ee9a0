/**
 * Plots and tables of a design sweep, from a plain array of rows: the swept inputs and the
 * outputs of each design (annual_energy_gwh, capacity_mw, and any cost or revenue field). Field
 * names carry their units (`diameter_m`, `cost_gbp`), which the axis titles spell out.
 */

import { fmt } from '../numbers.js';
import type { Figure, Trace } from './layout.js';
import { escapeHtml, pageHtml } from './page.js';

export type SweepRow = Readonly<Record<string, number | string | boolean | null>>;

const UNIT_SUFFIXES: [string, string][] = [
  ['_gbp_per_mwh', 'GBP/MWh'],
  ['_per_mwh', '/MWh'],
  ['_m3s', 'm³/s'],
  ['_km2', 'km²'],
  ['_m2', 'm²'],
  ['_m3', 'm³'],
  ['_gwh', 'GWh'],
  ['_mwh', 'MWh'],
  ['_gw', 'GW'],
  ['_mw', 'MW'],
  ['_gbp', 'GBP'],
  ['_eur', 'EUR'],
  ['_usd', 'USD'],
  ['_pct', '%'],
  ['_deg', '°'],
  ['_s', 's'],
  ['_h', 'h'],
  ['_m', 'm'],
];

/** "rated_power_mw" -> "rated power (MW)"; a field without a unit suffix keeps its words. */
export function fieldLabel(field: string): string {
  const f = field.toLowerCase();
  for (const [suffix, unit] of UNIT_SUFFIXES) {
    if (f.endsWith(suffix) && f.length > suffix.length)
      return `${field.slice(0, -suffix.length).replace(/[_.]+/g, ' ')} (${unit})`;
  }
  if (f === 'capacity_factor') return 'capacity factor (fraction)';
  return field.replace(/[_.]+/g, ' ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const num = (row: SweepRow, f: string): number | undefined => {
  const v = row[f];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** Distinct values of a field, numbers ascending (then strings, in order of appearance). */
function distinct(rows: readonly SweepRow[], f: string): (number | string)[] {
  const seen = new Set<number | string>();
  for (const r of rows) {
    const v = r[f];
    if (typeof v === 'number' || typeof v === 'string') seen.add(v);
  }
  const vals = [...seen];
  const nums = vals.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  return [...nums, ...vals.filter((v) => typeof v === 'string')];
}

export interface HeatmapGrid {
  x: (number | string)[];
  y: (number | string)[];
  /** z[j][i]: value at (x[i], y[j]), the best (largest) over rows sharing the cell; null where no row. */
  z: (number | null)[][];
  /** Most rows sharing one cell (more than 1: other fields were swept too). */
  perCell: number;
}

/** The grid of `value` over the swept fields `xField` and `yField`. */
export function heatmapGrid(rows: readonly SweepRow[], xField: string, yField: string, value: string): HeatmapGrid {
  const x = distinct(rows, xField);
  const y = distinct(rows, yField);
  const xi = new Map(x.map((v, i) => [v, i]));
  const yi = new Map(y.map((v, j) => [v, j]));
  const z: (number | null)[][] = y.map(() => x.map(() => null));
  const count: number[][] = y.map(() => x.map(() => 0));
  for (const r of rows) {
    const i = xi.get(r[xField] as number | string);
    const j = yi.get(r[yField] as number | string);
    const v = num(r, value);
    if (i === undefined || j === undefined || v === undefined) continue;
    count[j][i]++;
    const old = z[j][i];
    z[j][i] = old === null || v > old ? v : old;
  }
  return { x, y, z, perCell: Math.max(0, ...count.flat()) };
}

export function heatmapFigure(rows: readonly SweepRow[], xField: string, yField: string, value = 'annual_energy_gwh'): Figure {
  const g = heatmapGrid(rows, xField, yField, value);
  return {
    id: 'sweep-heatmap',
    title: `${capitalise(fieldLabel(value))} over ${fieldLabel(xField)} and ${fieldLabel(yField)}`,
    caption:
      `Each cell: the design with these two values${g.perCell > 1 ? `, the best of up to ${g.perCell} designs that differ in the other swept fields` : ''}. ` +
      'Blank cells: no design was run there.' +
      (value === ENERGY_FIELD
        ? ' Annual energy is net of any pumping (generated minus drawn by pumping), as in summary.json.'
        : ''),
    data: [
      {
        type: 'heatmap',
        x: g.x,
        y: g.y,
        z: g.z,
        colorscale: 'Viridis',
        colorbar: { title: { text: fieldLabel(value), side: 'right' } },
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
  /** The two swept fields of the heat map. */
  x: string;
  y: string;
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
  const hover = (r: SweepRow) =>
    Object.entries(r)
      .map(([k, val]) => `${k} = ${typeof val === 'number' ? Number(val.toPrecision(6)) : String(val)}`)
      .join('<br>');
  const scatter: Figure = {
    id: 'sweep-scatter',
    title: 'Annual energy against installed capacity',
    caption: `One point per design (${rows.length} designs)${colourField ? `, coloured by ${fieldLabel(colourField)}` : ''}.`,
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
              color: rows.map((r) => num(r, colourField) ?? null),
              colorscale: 'Viridis',
              showscale: true,
              colorbar: { title: { text: fieldLabel(colourField), side: 'right' } },
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
  const o = frontObjectives(v);
  if (!o) return [scatter];
  const front = paretoFront(rows, o);
  const points = (ix: number[]): Trace => ({
    x: ix.map((i) => num(rows[i], o.cost) as number),
    y: ix.map((i) => num(rows[i], o.benefit) as number),
    text: ix.map((i) => hover(rows[i])),
  });
  const all = rows.map((_, i) => i).filter((i) => num(rows[i], o.cost) !== undefined && num(rows[i], o.benefit) !== undefined);
  const pareto: Figure = {
    id: 'sweep-pareto',
    title: `Pareto front: ${fieldLabel(o.benefit)} against ${fieldLabel(o.cost)}`,
    caption: `Designs on the front (${front.length} of ${all.length}): no other design gives more ${fieldLabel(o.benefit)} for no more ${fieldLabel(o.cost)}.`,
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
      xaxis: { title: { text: fieldLabel(o.cost) } },
      yaxis: { title: { text: fieldLabel(o.benefit) } },
    },
  };
  return [scatter, pareto];
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

function cell(v: SweepRow[string]): string {
  if (typeof v === 'number')
    return Number.isInteger(v) ? fmt(v, 0) : Math.abs(v) >= 100 ? fmt(v, 1) : String(Number(v.toPrecision(4)));
  return escapeHtml(v === null ? '' : String(v));
}

/** The best `top` designs by the view's value (largest first) as an HTML table, front members marked. */
export function topDesignsTable(rows: readonly SweepRow[], v: SweepView): string {
  const value = v.value ?? ENERGY_FIELD;
  const out = outputFields(v);
  const inputs = v.inputs ?? [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !out.has(k));
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
  const head = `<tr><th class="num">rank</th>${[...inputs, ...outputs].map((f) => `<th class="num">${escapeHtml(fieldLabel(f))}</th>`).join('')}${o ? '<th>Pareto front</th>' : ''}</tr>`;
  const body = order
    .map(
      (i, k) =>
        `<tr><td class="num">${k + 1}</td>${[...inputs, ...outputs].map((f) => `<td class="num">${cell(rows[i][f] ?? null)}</td>`).join('')}${o ? `<td>${onFront.has(i) ? 'yes' : ''}</td>` : ''}</tr>`,
    )
    .join('');
  return `<table class="top-designs">${head}${body}</table>`;
}

/** A self-contained page for a sweep: heat map, energy against capacity (and the front), top designs. */
export function sweepReportHtml(
  rows: readonly SweepRow[],
  v: SweepView,
  o: { title: string; toolVersion: string; description?: string },
): string {
  if (rows.length === 0) throw new Error('a sweep report needs at least one design');
  const value = v.value ?? ENERGY_FIELD;
  const figures = [heatmapFigure(rows, v.x, v.y, value), ...energyCapacityFigures(rows, v)];
  const n = Math.min(v.top ?? 10, rows.length);
  return pageHtml({
    title: o.title,
    subtitle: `${rows.length} designs${o.description ? `: ${o.description}` : ''}`,
    header: '',
    figures,
    after: `<section id="section-top"><h2>Top ${n} designs by ${escapeHtml(fieldLabel(value))}</h2>${topDesignsTable(rows, v)}</section>`,
    toolVersion: o.toolVersion,
  });
}
