/**
 * The legend of a run or comparison page's plot, in HTML above the plot instead of plotly.js's own
 * legend: plotly.js measures each entry's text on the page (a forced layout each) and draws its
 * symbol in SVG, a large part of drawing a plot with many entries (a comparison's time plot has
 * over twenty). The page writes the entries in its text, shown with the first paint, and
 * clicking one hides or shows its traces and shapes, as plotly.js's legend does (page.ts).
 */

import type { Figure, Trace } from './layout.js';

/** The markers the pages' traces use ('line-ew': a short horizontal stroke). */
const MARKERS = ['circle', 'square', 'triangle-up', 'line-ew'] as const;
type Marker = (typeof MARKERS)[number];

/** How an entry's symbol looks: a line (with its dash and a fill under it), a bar or a marker. */
export interface LegendSymbol {
  colour: string;
  opacity: number;
  line?: { width: number; dash: string };
  fill?: boolean;
  bar?: boolean;
  marker?: Marker;
}

/** One entry: its name and symbol, and the traces and layout shapes (indices) it hides and shows. */
export interface LegendItem {
  name: string;
  symbol: LegendSymbol;
  traces: number[];
  shapes: number[];
}

const first = (c: unknown): string => (Array.isArray(c) ? String(c[0]) : typeof c === 'string' ? c : '#444');

function traceSymbol(t: Trace): LegendSymbol {
  const line = (t.line ?? {}) as { color?: string; width?: number; dash?: string };
  const marker = (t.marker ?? {}) as { color?: unknown; opacity?: number; symbol?: string; line?: { color?: string } };
  const opacity = (t.opacity as number | undefined) ?? marker.opacity ?? 1;
  if (t.type === 'bar') return { colour: first(marker.color), opacity, bar: true };
  const mode = String(t.mode ?? 'lines');
  return {
    colour: line.color ?? (marker.color !== undefined ? first(marker.color) : (marker.line?.color ?? '#444')),
    opacity,
    ...(mode.includes('lines') ? { line: { width: line.width ?? 2, dash: line.dash ?? 'solid' } } : {}),
    ...(t.fill !== undefined && t.fill !== 'none' ? { fill: true } : {}),
    ...(mode.includes('markers') ? { marker: MARKERS.find((m) => m === marker.symbol) ?? 'circle' } : {}),
  };
}

/**
 * The entries plotly.js's legend would show: every named trace but heat maps and those told not
 * to, then every shape told to; a trace kept out of the legend joins the entry of its legend group.
 */
function legendItems(f: Figure): LegendItem[] {
  const items: LegendItem[] = [];
  const byGroup = new Map<string, LegendItem>();
  const add = (item: LegendItem, group: unknown) => {
    items.push(item);
    if (typeof group === 'string' && group !== '') byGroup.set(group, item);
  };
  f.data.forEach((t, i) => {
    if (t.type !== 'heatmap' && t.name !== undefined && t.showlegend !== false)
      add({ name: String(t.name), symbol: traceSymbol(t), traces: [i], shapes: [] }, t.legendgroup);
  });
  ((f.layout.shapes ?? []) as Trace[]).forEach((s, i) => {
    if (s.showlegend !== true) return;
    const line = (s.line ?? {}) as { color?: string };
    const symbol: LegendSymbol = {
      colour: line.color ?? '#444',
      opacity: (s.opacity as number | undefined) ?? 1,
      marker: 'circle',
    };
    add({ name: String(s.name), symbol, traces: [], shapes: [i] }, s.legendgroup);
  });
  f.data.forEach((t, i) => {
    const item = t.showlegend === false ? byGroup.get(String(t.legendgroup)) : undefined;
    if (item) item.traces.push(i);
  });
  return items;
}

/**
 * The figure with its legend as entries for the page (plotly.js's legend off): when it has two
 * entries or more, or a shape's (plotly.js shows a legend for either).
 */
export function withHtmlLegend(f: Figure): Figure {
  const items = legendItems(f);
  if (f.layout.showlegend === false || (items.length < 2 && !items.some((it) => it.shapes.length > 0))) return f;
  return { ...f, legend: items, layout: { ...f.layout, showlegend: false } };
}
