/**
 * A tabulated head-power-flow chart of one unit (a "hill chart" read along the unit's operating
 * line), scaled to another runner diameter by the affinity law at equal head: flow ~ D^2*sqrt(H)
 * and power ~ D^2*H^1.5, so at the same head both scale with (D/D0)^2.
 */

import { interpolate } from './piecewise-linear.js';
import { gridSize, type HeadCurve, idleCdA, maxOf, TABLE_DH, type TurbineTable, tabulate, type UnitPoint } from './turbine.js';

/** A tabulated chart of one unit: heads (m, increasing), power (W) and flow (m^3/s). */
export interface HillChart {
  readonly head: ArrayLike<number>;
  readonly power: ArrayLike<number>;
  readonly flow: ArrayLike<number>;
  /** Runner diameter the chart was measured for (m). */
  readonly diameter: number;
}

export interface ChartOptions {
  /**
   * Flood power as a fraction of the ebb power at the same head and flow (default 1): the chart
   * has no flood figures, so the flood keeps the chart's flows with less power.
   */
  readonly floodFactor?: number;
  /** Head spacing of the table (m); default TABLE_DH. */
  readonly dh?: number;
}

/**
 * One unit's point against head h (m) from a chart's columns (heads increasing) measured at runner
 * diameter `chartDiameter`, for a unit of diameter `diameter` (m): power and flow both scale with
 * (D/D0)^2 at equal head, interpolated linearly and held at the end rows. The turbine charts and
 * the pump charts (heads there are lifts) are read alike.
 */
export function scaledChartPoint(
  head: ArrayLike<number>,
  power: ArrayLike<number>,
  flow: ArrayLike<number>,
  chartDiameter: number,
  diameter: number,
): (h: number) => UnitPoint {
  const s = (diameter / chartDiameter) ** 2;
  return (h) => ({ power: s * interpolate(head, power, h), flow: s * interpolate(head, flow, h) });
}

/**
 * Table for a unit of runner diameter `diameter` (m) from a chart measured at chart.diameter:
 * power and flow both scale with (D/D0)^2 at equal head, interpolated linearly in the chart and
 * held at its last row beyond it. `idleCd` is the discharge coefficient of an idle unit passing
 * water (area pi*D^2/4). The rated power is the chart's largest power, scaled.
 */
export function tableFromChart(chart: HillChart, diameter: number, idleCd: number, opt: ChartOptions = {}): TurbineTable {
  const dh = opt.dh ?? TABLE_DH;
  const floodFactor = opt.floodFactor ?? 1;
  const n = gridSize(chart.head[chart.head.length - 1], dh);
  const ebb = tabulate(scaledChartPoint(chart.head, chart.power, chart.flow, chart.diameter, diameter), n, dh);
  const flood: HeadCurve = floodFactor === 1 ? ebb : { power: ebb.power.map((p) => p * floodFactor), flow: ebb.flow };
  return { dh, ebb, flood, pump: null, ratedPower: maxOf(ebb.power), diameter, idleCdA: idleCdA(idleCd, diameter) };
}
