/**
 * Per-tide figures for the report, derived from the per-step series: the high and low waters of
 * the sea level, and for each tide cycle (one high water to the next) its range and the energy
 * generated in it.
 */
import type { SeaLevel } from '../solver/integrate.js';

export interface TideTurns {
  /** Sample index of each high water, ascending. */
  high: number[];
  /** Sample index of the lowest level between high water k and high water k+1 (length high.length - 1). */
  low: number[];
}

/**
 * High waters: the highest sample of each excursion above mean + band that follows an excursion
 * below mean - band (the same hysteresis as the tide count of the summary, so surge wiggles of
 * less than `band` metres do not make extra tides). Low waters: the lowest sample between two
 * successive high waters.
 */
export function tideTurns(level: ArrayLike<number>, band = 0.5): TideTurns {
  const n = level.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += level[i];
  mean /= n;
  const high: number[] = [];
  let below = false;
  let peak = -1; // index of the running maximum of the current excursion above mean + band
  for (let i = 0; i < n; i++) {
    const z = level[i];
    if (peak >= 0) {
      if (z > level[peak]) peak = i;
      if (z < mean - band) {
        high.push(peak);
        peak = -1;
        below = true;
      }
    } else if (z < mean - band) below = true;
    else if (below && z > mean + band) peak = i;
  }
  // An excursion still open at the end has an unknown maximum (the series may stop on the rise): drop it.
  const low: number[] = [];
  for (let k = 0; k + 1 < high.length; k++) {
    let lo = high[k];
    for (let i = high[k] + 1; i < high[k + 1]; i++) if (level[i] < level[lo]) lo = i;
    low.push(lo);
  }
  return { high, low };
}

export interface TideCycle {
  /** Time of the high water that starts the cycle (s since the epoch). */
  time: number;
  /** Level of that high water (m). */
  high_m: number;
  /** Level of the low water that follows (m). */
  low_m: number;
  /** Tidal range of the cycle (m): the mean of the fall to low water and the rise to the next high water. */
  range_m: number;
  /** Energy generated from this high water to the next (J). */
  energy_j: number;
}

/**
 * Complete tide cycles of a run, from each high water to the next. `power` is the mean power of
 * the step starting at each sample (W). The energy before the first and after the last high water
 * belongs to no complete cycle and is returned apart, so the parts add up to the run's total.
 */
export function tideCycles(sea: SeaLevel, power: ArrayLike<number>, band = 0.5): { cycles: TideCycle[]; outsideEnergy_j: number } {
  const z = sea.level;
  const { high, low } = tideTurns(z, band);
  const cycles: TideCycle[] = [];
  let outside = 0;
  const steps = z.length - 1;
  const first = high.length > 1 ? high[0] : steps;
  const last = high.length > 1 ? high[high.length - 1] : steps;
  for (let i = 0; i < first; i++) outside += power[i] * sea.dt;
  for (let i = last; i < steps; i++) outside += power[i] * sea.dt;
  for (let k = 0; k + 1 < high.length; k++) {
    let e = 0;
    for (let i = high[k]; i < high[k + 1]; i++) e += power[i] * sea.dt;
    const h0 = z[high[k]];
    const h1 = z[high[k + 1]];
    const lw = z[low[k]];
    cycles.push({ time: sea.t0 + high[k] * sea.dt, high_m: h0, low_m: lw, range_m: 0.5 * (h0 - lw + (h1 - lw)), energy_j: e });
  }
  return { cycles, outsideEnergy_j: outside };
}
