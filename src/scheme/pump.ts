/**
 * Pumping with the turbines run in reverse, in the usual 0-D form (e.g. Yates, Walkington,
 * Burrows & Wolf 2013, "The energy gains realisable through pumping for tidal range energy
 * schemes", Renewable Energy 58; Angeloudis et al. 2018, Applied Energy 212): against a lift H (m)
 * a unit drawing electrical power P (W) with pump efficiency eta_p moves
 *
 *   Q = eta_p(H) * P / (rho*g*H),  bounded by the unit's flow capacity Q_max at small lifts,
 *
 * and the power drawn for a flow Q is P = rho*g*Q*H/eta_p(H). So the energy drawn is never less
 * than the potential energy rho*g*V*H given to the volume V lifted. At zero lift the unit passes
 * Q_max and draws nothing (the 0-D form counts no losses other than eta_p).
 */
import { GRAVITY, RHO_SEAWATER } from '../physics.js';
import { interpolate } from './piecewise-linear.js';
import { type TurbineTable, tabulate, type UnitPoint } from './turbine.js';

export interface PumpSpec {
  /** Electrical power drawn by one unit pumping at full power (W). */
  readonly power: number;
  /** Largest flow one unit passes pumping (m^3/s), reached at small lifts. */
  readonly maxFlow: number;
  /** Pump efficiency in (0, 1] against lift (m). */
  readonly efficiency: (lift: number) => number;
}

/** A pump efficiency independent of the lift. */
export function constantEfficiency(eta: number): (lift: number) => number {
  return () => eta;
}

/** A pump efficiency interpolated linearly against lift (m), held at its end values outside. */
export function efficiencyByLift(lift: ArrayLike<number>, eta: ArrayLike<number>): (lift: number) => number {
  return (h) => interpolate(lift, eta, h);
}

/** Power drawn (W) and flow (m^3/s) of one unit pumping against a lift h >= 0 (m). */
export function pumpPoint(spec: PumpSpec, h: number): UnitPoint {
  if (h <= 0) return { power: 0, flow: spec.maxFlow };
  const eta = spec.efficiency(h);
  const q = Math.min(spec.maxFlow, (eta * spec.power) / (RHO_SEAWATER * GRAVITY * h));
  return { power: (RHO_SEAWATER * GRAVITY * q * h) / eta, flow: q };
}

/** The table with a pump curve on the same head grid as its ebb curve. */
export function withPump(table: TurbineTable, spec: PumpSpec): TurbineTable {
  return { ...table, pump: tabulate((h) => pumpPoint(spec, h), table.ebb.flow.length, table.dh) };
}
