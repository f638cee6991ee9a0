/** The figures a sweep records for each design, from a simulation result. */

import { revenue } from '../scenario/prices.js';
import type { Result } from '../simulate.js';

export interface DesignFigures {
  installed_capacity_mw: number;
  annual_energy_gwh: number;
  capacity_factor: number;
  /** Revenue scaled to 365.25 days like the energy (GBP/yr); null without prices. */
  revenue_gbp_per_yr: number | null;
  /** Revenue over energy (GBP/MWh); null without prices or without energy. */
  captured_price_gbp_per_mwh: number | null;
}

/** The figures of a design's run; `price`: the price of each step (GBP/MWh), null without prices. */
export function designFigures(r: Result, price: Float64Array | null): DesignFigures {
  const s = r.summary;
  let rev: number | null = null;
  let captured: number | null = null;
  if (price) {
    const gbp = revenue(r.series.power, r.series.pumpPower, r.sea.dt, price);
    rev = gbp * (365.25 / s.period_days);
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
