/**
 * Turbine curves as flat lookup tables on a uniform head grid: power (W) and flow (m^3/s) of one
 * unit generating at head h >= 0. Whatever the source (a tabulated hill chart, a parametric
 * model, an ideal orifice), the solver sees only this table, so its hot loop does no branching on
 * the turbine kind.
 */

/** Power and flow of one unit against head on the table's uniform grid (index k: head k*dh). */
export interface HeadCurve {
  /** Power at head k*dh (W): generated when generating, drawn from the grid when pumping. */
  readonly power: Float64Array;
  /** Flow through the unit at head k*dh (m^3/s, magnitude). */
  readonly flow: Float64Array;
}

export interface TurbineTable {
  /** Head spacing of the curves (m). */
  readonly dh: number;
  /** Generating on the ebb (basin to sea) at head H >= 0. */
  readonly ebb: HeadCurve;
  /** Generating on the flood (sea to basin) at head |H|. */
  readonly flood: HeadCurve;
  /** Pumping against a lift of k*dh (m); null when the units cannot pump. */
  readonly pump: HeadCurve | null;
  /** Rated (maximum) generating power of one unit (W). */
  readonly ratedPower: number;
  /** Runner diameter (m). */
  readonly diameter: number;
  /** Effective orifice area Cd*A of one idle unit passing water (m^2). */
  readonly idleCdA: number;
}

/** A tabulated chart of one unit: heads (m, increasing), power (W) and flow (m^3/s). */
export interface HillChart {
  readonly head: ArrayLike<number>;
  readonly power: ArrayLike<number>;
  readonly flow: ArrayLike<number>;
  /** Runner diameter the chart was measured for (m). */
  readonly diameter: number;
}

/** Linear interpolation in an increasing abscissa table, clamped at the ends. */
function interp(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  const n = xs.length;
  if (x <= xs[0]) return ys[0];
  if (x >= xs[n - 1]) return ys[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  const s = (x - xs[lo]) / (xs[lo + 1] - xs[lo]);
  return ys[lo] + s * (ys[lo + 1] - ys[lo]);
}

/** Default head resolution of turbine tables (m). */
export const TABLE_DH = 0.01;

/**
 * Table for a unit of runner diameter `diameter` (m) from a chart measured at chart.diameter:
 * power and flow both scale with (D/D0)^2 at equal head. `idleCd` is the discharge coefficient of
 * an idle unit passing water (area pi*D^2/4).
 */
export function tableFromChart(chart: HillChart, diameter: number, idleCd: number, dh = TABLE_DH): TurbineTable {
  const scale = (diameter / chart.diameter) ** 2;
  const hMax = chart.head[chart.head.length - 1];
  const n = Math.round(hMax / dh) + 1;
  const power = new Float64Array(n);
  const flow = new Float64Array(n);
  let rated = 0;
  for (let k = 0; k < n; k++) {
    const h = k * dh;
    power[k] = scale * interp(chart.head, chart.power, h);
    flow[k] = scale * interp(chart.head, chart.flow, h);
    if (power[k] > rated) rated = power[k];
  }
  const curve = { power, flow };
  // The chart gives no separate flood figures: the flood uses the same curve until a scenario says otherwise.
  return { dh, ebb: curve, flood: curve, pump: null, ratedPower: rated, diameter, idleCdA: idleCd * Math.PI * diameter * diameter * 0.25 };
}
