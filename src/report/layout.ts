/**
 * What every plot of every page shares: the figure type (a plotly figure with its section title
 * and one-line caption), the base layout, the colours and the number rounding of the data written.
 */

export type Trace = Record<string, unknown>;

/** One plot of a page: a plotly figure with its section title and caption. */
export interface Figure {
  id: string;
  title: string;
  /** Plain-text caption under the plot: what is drawn and how. */
  caption: string;
  data: Trace[];
  layout: Record<string, unknown>;
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
 * axis when `right`), the legend in a row above the plot, and hover by nearest point.
 */
export function baseLayout(height: number, o: { right?: boolean; top?: number } = {}): Record<string, unknown> {
  return {
    height,
    margin: { t: o.top ?? 30, r: o.right ? 80 : 30, b: 55, l: 75 },
    hovermode: 'closest',
    legend: { orientation: 'h', y: 1.02, yanchor: 'bottom' },
  };
}

/** Width of a plot's box on a page in a 1,400 px window: main's 1,280 px less its and the section's padding. */
const PLOT_WIDTH_PX = 1198;

/**
 * plotly.js's horizontal legend (components/legend/draw.js): 12 px text in rows of 19 px with 5 px
 * of padding above and below; each item is 40 px of symbol and gaps before its text, 5 px apart;
 * when the items do not fit in one row they take the widest item's width each. Text is taken at
 * 6.5 px a character, wider than the sans-serif fonts plotly.js falls back to (about 5 to 6).
 */
const LEGEND = { charPx: 6.5, rowPx: 19, padPx: 10, itemPx: 40, gapPx: 5, clearancePx: 12 };

/** Rows of a horizontal legend of these entries in a plot area `widthPx` wide. */
function legendRows(names: readonly string[], widthPx: number): number {
  if (names.length === 0) return 0;
  const widths = names.map((n) => LEGEND.itemPx + n.length * LEGEND.charPx);
  const total = widths.reduce((a, b) => a + b, 0) + (names.length - 1) * LEGEND.gapPx;
  if (total < widthPx) return 1;
  const perRow = Math.max(1, Math.floor(widthPx / (Math.max(...widths) + LEGEND.gapPx)));
  return Math.ceil(names.length / perRow);
}

/**
 * The figure with a top margin that already holds its legend (a row of entries above the plot,
 * baseLayout): plotly.js widens a margin a component needs only after drawing it, then draws the
 * legend and the plot's frame again. Sized for the plot's width in a 1,400 px window; in a
 * narrower one plotly.js still widens it.
 */
export function withLegendRoom(f: Figure): Figure {
  const l = f.layout as {
    height: number;
    margin: { t: number; b: number; l: number; r: number };
    legend?: { y?: number };
    showlegend?: boolean;
  };
  // Traces show in the legend unless told not to; layout shapes only when told to.
  const shown = [
    ...f.data.filter((t) => t.showlegend !== false && t.type !== 'heatmap' && t.name !== undefined),
    ...((f.layout.shapes ?? []) as Trace[]).filter((s) => s.showlegend === true),
  ];
  if (l.showlegend === false || shown.length < 2 || !l.legend || !l.margin) return f;
  const rows = legendRows(
    shown.map((t) => String(t.name)),
    PLOT_WIDTH_PX - l.margin.l - l.margin.r,
  );
  const y = l.legend.y ?? 1.02;
  // The legend sits `y - 1` plot heights above the plot, the plot being what the margins leave.
  const height = rows * LEGEND.rowPx + LEGEND.padPx;
  const t = Math.ceil((height + (y - 1) * (l.height - l.margin.b) + LEGEND.clearancePx) / y);
  return t <= l.margin.t ? f : { ...f, layout: { ...f.layout, margin: { ...l.margin, t } } };
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
