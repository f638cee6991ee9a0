/**
 * What every plot of every page shares: the figure type (a plotly figure with its section title
 * and one-line caption), the base layout, the colours and the number rounding of the data written.
 */

import type { LegendItem } from './legend.js';

export type Trace = Record<string, unknown>;

/** One plot of a page: a plotly figure with its section title and caption. */
export interface Figure {
  id: string;
  title: string;
  /** Plain-text caption under the plot: what is drawn and how. */
  caption: string;
  data: Trace[];
  layout: Record<string, unknown>;
  /** Its legend, drawn by the page above the plot (legend.ts), when plotly.js's is off. */
  legend?: LegendItem[];
}

export const RUN_COLOURS = ['#1f5fa8', '#d0421b', '#2a9d3c', '#7b3fa0', '#c98a00', '#1a9e9e', '#8c564b', '#e377c2'];
export const SEA_COLOUR = '#555555';
/** Pumping in a single-run page (the pumping modes' hue, darker). */
export const PUMP_COLOUR = '#6a4fb3';
/** Colours of the two directions (the generating modes' hues, darker). */
export const HALF_COLOURS = { ebb: '#d9730d', flood: '#2a9d3c' } as const;

export const runColour = (k: number) => RUN_COLOURS[k % RUN_COLOURS.length];

/**
 * An axis with its title (which carries the unit). Tick labels may overflow the plot's box
 * ('allow'): plotly.js's default ('hide past div') measures every tick label's box on the page to
 * hide the ones that would stick out, a forced layout per label; the margins here leave room for
 * the labels at the ends of each axis.
 */
export const axis = (title: string, more: Record<string, unknown> = {}) => ({
  title: { text: title },
  ticklabeloverflow: 'allow',
  ...more,
});

/** A second y axis on the right of the plot, over the first. */
export const rightAxis = (title: string, more: Record<string, unknown> = {}) =>
  axis(title, { overlaying: 'y', side: 'right', showgrid: false, ...more });

/**
 * The layout every plot starts from: its height, margins wide enough for axis titles (and a right
 * axis when `right`), plotly.js's legend in a row above the plot (the sweep and validation pages;
 * run and comparison pages turn it off and write their own, legend.ts), and hover by nearest point.
 */
export function baseLayout(height: number, o: { right?: boolean; top?: number } = {}): Record<string, unknown> {
  return {
    height,
    margin: { t: o.top ?? 30, r: o.right ? 80 : 30, b: 55, l: 75 },
    hovermode: 'closest',
    legend: { orientation: 'h', y: 1.02, yanchor: 'bottom' },
  };
}

/**
 * A bottom margin that holds category tick labels slanted by `angleDeg` and the axis title, from
 * the longest label at a generous 7 px per character of the 12 px font. The axis keeps plotly's
 * automargin as a safety net, but plotly.js redraws the whole plot when automargin has to widen a
 * margin after the first pass: a margin already wide enough spares that second drawing.
 */
export function slantedLabelsMargin(labels: readonly string[], angleDeg: number): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  const a = (Math.abs(angleDeg) * Math.PI) / 180;
  return Math.ceil(longest * 7 * Math.sin(a) + 14 * Math.cos(a) + 50);
}

export const r3 = (x: number) => Math.round(x * 1000) / 1000;
export const r1 = (x: number) => Math.round(x * 10) / 10;

/** ISO time for plotly (plotly reads dates as naive; all times here are UTC). */
export const plotlyTime = (t: number) => new Date(t * 1000).toISOString().replace('T', ' ').slice(0, 19);

/** Lowest and highest of xs, and zero. */
export const minMax = (xs: readonly number[]): [number, number] => {
  let lo = 0;
  let hi = 0;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
};
