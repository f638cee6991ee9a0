/**
 * Energy accounting after a run: totals in reporting units, energy per calendar month, tide
 * counting, mass balance. Pure functions over the solver's outputs.
 */

import { J_PER_GWH } from '../physics.js';
import type { SeaLevel } from '../tide/sea-level.js';
import type { Totals } from './types.js';

export interface MonthEnergy {
  /** Calendar month, UTC, as YYYY-MM. */
  month: string;
  energy_gwh: number;
}

/**
 * Sums the per-step mean power (W) into calendar months (UTC) by the time each step starts;
 * returns GWh per month. Month boundaries are computed once per month, not per step.
 */
export function energyByMonth(sea: SeaLevel, power: Float64Array): MonthEnergy[] {
  const out: MonthEnergy[] = [];
  const steps = sea.level.length - 1;
  let i = 0;
  while (i < steps) {
    const start = new Date((sea.t0 + i * sea.dt) * 1000);
    const nextMonth = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1) / 1000;
    let acc = 0;
    for (; i < steps && sea.t0 + i * sea.dt < nextMonth; i++) acc += power[i] * sea.dt;
    out.push({ month: start.toISOString().slice(0, 7), energy_gwh: acc / J_PER_GWH });
  }
  return out;
}

export interface TideTurns {
  /** Sample index of each high water, ascending. */
  high: number[];
  /** Sample index of the lowest level between high water k and high water k+1 (length high.length - 1). */
  low: number[];
  /** The series ends in an excursion above mean + band, whose high water is not known yet. */
  open: boolean;
}

/**
 * High waters: the highest sample of each excursion above mean + band that follows an excursion
 * below mean - band (a hysteresis, so surge wiggles of less than `band` metres do not make
 * extra tides). Low waters: the lowest sample between two
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
  return { high, low, open: peak >= 0 };
}

/**
 * Number of high waters in a sea-level series: the excursions above mean + band (0.5 m) that
 * follow one below mean - band, the last counted even when the series ends in it.
 */
export function countTides(level: Float64Array, band = 0.5): number {
  const t = tideTurns(level, band);
  return t.high.length + (t.open ? 1 : 0);
}

/** Relative mass-balance error: |(V_end - V_start) + net outflow| / max(volume moved, 1). */
export function massBalanceError(t: Totals): number {
  const dV = t.finalVolume - t.initialVolume;
  const out = t.turbineVolume + t.sluiceVolume;
  const scale = Math.max(Math.abs(t.turbineVolume) + Math.abs(t.sluiceVolume), Math.abs(dV), 1);
  return Math.abs(dV + out) / scale;
}
