/**
 * The plots of a scheme report (one run) or a comparison (several runs overlaid), in page order,
 * and the per-step series the time plot is drawn from. Each plot has its own module in plots/.
 */

import { W_PER_MW } from '../physics.js';
import type { Figure } from './layout.js';
import { withHtmlLegend } from './legend.js';
import { lostTides } from './lost-tides.js';
import type { PageSeries } from './page.js';
import { basinFigure } from './plots/basin.js';
import { durationFigure } from './plots/duration.js';
import { energyFigure } from './plots/energy.js';
import { headsFigure } from './plots/heads.js';
import { levelsFigure } from './plots/levels.js';
import { rangesFigure } from './plots/ranges.js';
import { revenueFigure } from './plots/revenue.js';
import { tidesFigure } from './plots/tides.js';
import { turbineFigure } from './plots/turbine.js';
import { waterfallFigure } from './plots/waterfall.js';
import { pumps, type ReportRun, type TimeWindow } from './report-run.js';
import { ColumnStore, type PageColumn } from './series-codec.js';

export interface FigureOptions {
  /** Base time of the page (s since the epoch): `xt` values are seconds after it. */
  base: number;
  window: TimeWindow;
}

/**
 * Largest quantisation steps of the page's series: a quarter of the last digit the page prints
 * (levels and heads to 0.01 m, power to 0.1 MW), so a decoded value is within an eighth of it;
 * a series whose range needs a coarser step is kept as Float32 (series-codec.ts).
 */
export const LEVEL_STEP_M = 0.0025;
export const POWER_STEP_MW = 0.025;

/** Every step of each run, as the page holds it (series k is run k): levels, power (MW), mode; equal columns stored once. */
export function runSeries(runs: readonly ReportRun[]): { series: PageSeries[]; columns: PageColumn[] } {
  const store = new ColumnStore();
  const series = runs.map(({ result: r }) => {
    const steps = r.sea.level.length - 1;
    const cols: Record<string, number> = {
      sea: store.series(r.sea.level, 1, LEVEL_STEP_M),
      basin: store.series(r.series.basinLevel, 1, LEVEL_STEP_M),
      power: store.series(r.series.power.subarray(0, steps), 1 / W_PER_MW, POWER_STEP_MW),
      mode: store.bytes(r.series.mode),
    };
    if (pumps(r)) cols.pump = store.series(r.series.pumpPower.subarray(0, steps), 1 / W_PER_MW, POWER_STEP_MW);
    return { t0: r.sea.t0, dt: r.sea.dt, cols, names: { mode: r.modeNames } };
  });
  return { series, columns: store.columns };
}

/** All the plots of a scheme report (one run) or of a comparison (several). */
export function runFigures(runs: readonly ReportRun[], o: FigureOptions): Figure[] {
  for (const r of runs) {
    const a = r.result.modeNames;
    if (a.length !== r.ops.names.length || a.some((n, i) => n !== r.ops.names[i]))
      throw new Error(
        `run ${r.label}: the mode table given (${r.ops.names.join(', ')}) is not the one the run used (${a.join(', ')})`,
      );
  }
  const one = runs.length === 1;
  const lost = one ? lostTides(runs[0].result, runs[0].ops) : undefined;
  const optional = (f: Figure | undefined) => (f ? [f] : []);
  const figures = [
    levelsFigure(runs, { base: o.base, window: o.window, lost }),
    ...optional(one ? waterfallFigure(runs[0]) : undefined),
    energyFigure(runs, o.base),
    ...optional(revenueFigure(runs, o.base)),
    durationFigure(runs),
    rangesFigure(runs),
    tidesFigure(runs),
    ...runs.flatMap((r) => optional(headsFigure(r, o.base)).map((f) => (one ? f : { ...f, id: `${f.id}-${runs.indexOf(r)}` }))),
    turbineFigure(runs),
    basinFigure(runs),
  ];
  return figures.map(withHtmlLegend);
}
