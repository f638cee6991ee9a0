/**
 * Energy accounting after a run: energy per calendar month and the mass balance. Pure functions over the solver's outputs.
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

/** Relative mass-balance error: |(V_end - V_start) + net outflow| / max(volume moved, 1). */
export function massBalanceError(t: Totals): number {
  const dV = t.finalVolume - t.initialVolume;
  const out = t.turbineVolume + t.sluiceVolume;
  const scale = Math.max(Math.abs(t.turbineVolume) + Math.abs(t.sluiceVolume), Math.abs(dV), 1);
  return Math.abs(dV + out) / scale;
}
