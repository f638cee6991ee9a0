/** The design metrics a sweep records for each design (capacity, annual energy, capacity factor, revenue), from a simulation result. */

import { perYear } from '../physics.js';
import { revenue } from '../scenario/prices.js';
import type { Headline } from '../simulate.js';
import type { StepSeries } from '../solver/types.js';
import { type SeaLevel, seaSpan } from '../tide/sea-level.js';

export interface DesignMetrics {
  installed_capacity_mw: number;
  annual_energy_gwh: number;
  capacity_factor: number;
  /** Revenue scaled to a year (perYear) like the energy (GBP/yr); null without prices. */
  revenue_gbp_per_yr: number | null;
  /** Revenue over energy (GBP/MWh); null without prices or without energy. */
  captured_price_gbp_per_mwh: number | null;
}

/** The figures of a design's run (simulateHeadline's); `price`: the price of each step (GBP/MWh), null without prices. */
export function designMetrics(
  r: { headline: Headline; sea: SeaLevel; series: StepSeries | null },
  price: Float64Array | null,
): DesignMetrics {
  const s = r.headline;
  let rev: number | null = null;
  let captured: number | null = null;
  if (price) {
    if (!r.series) throw new Error('revenue needs the run recorded with its per-step series');
    const gbp = revenue(r.series.power, r.series.pumpPower, r.sea.dt, price);
    rev = perYear(gbp, seaSpan(r.sea));
    captured = s.energy_gwh > 0 ? gbp / (s.energy_gwh * 1000) : null;
  }
  return {
    installed_capacity_mw: s.installed_capacity_mw,
    annual_energy_gwh: s.annual_energy_gwh,
    capacity_factor: s.capacity_factor,
    revenue_gbp_per_yr: rev,
    captured_price_gbp_per_mwh: captured,
  };
}
