/**
 * Pumping with the turbines run in reverse: flow (m^3/s) and shaft power drawn (W) of one unit
 * against a lift h >= 0 (m), the head the water is raised by. Three forms, each tabulated on the
 * unit's head grid (withPump) so the solver reads them like the generating curves:
 *
 * - `pumpPoint`, the default: a pump with a flow capacity, passage friction and an efficiency.
 *   The water passage loses a friction head growing with the square of the flow,
 *   h_f(Q) = h_f0 * (Q/Q_cap)^2, so the pump works against the total head H_t = h + h_f(Q) and
 *   draws P = rho*g*Q*H_t/eta(H_t). The unit passes its capacity Q_cap unless that needs more
 *   than its largest shaft power, when the flow drops until P is that power. At zero lift the
 *   unit still works against the friction head: power > 0.
 * - `idealPumpPoint`: the 0-D literature's loss-free form (Yates, Walkington, Burrows & Wolf 2013,
 *   Renewable Energy 58; Angeloudis et al. 2018, Applied Energy 212): Q = eta*P/(rho*g*h) at most
 *   Q_max, P = rho*g*Q*h/eta, nothing drawn at zero lift. Kept for comparisons on equal terms.
 * - a tabulated pump chart (lift, flow, power) scaled by (D/D0)^2 (pumpChartCurve).
 *
 * Energy per volume lifted is rho*g*H_t/eta(H_t) >= rho*g*h: never less than the potential energy.
 */
import { GRAVITY, RHO_SEAWATER } from '../physics.js';
import { scaledChartPoint } from './hill-chart.js';
import { interpolate } from './piecewise-linear.js';
import { type HeadCurve, type TurbineTable, tabulate, type UnitPoint } from './turbine.js';

/** A pump efficiency against head (m), in (0, 1]. */
export type PumpEfficiency = (head: number) => number;

/** A pump efficiency independent of the head. */
export function constantEfficiency(eta: number): PumpEfficiency {
  return () => eta;
}

/** A pump efficiency interpolated linearly against head (m), held at its end values outside. */
export function efficiencyByLift(lift: ArrayLike<number>, eta: ArrayLike<number>): PumpEfficiency {
  return (h) => interpolate(lift, eta, h);
}

/**
 * The pump efficiency of the 0-D literature: 0.2841 ln(H) + 0.6027 held to [0.4, 0.9] (the fit
 * used with Yates et al. 2013 in the 0-D code of Angeloudis et al. 2018, github thangel/tidalplant,
 * operation.py: 0.28409853 ln H + 0.60270881). It rises with head: low heads pump badly.
 */
export const logEfficiency: PumpEfficiency = (h) => Math.min(0.9, Math.max(0.4, 0.2841 * Math.log(h) + 0.6027));

export interface PumpSpec {
  /** Flow capacity of one unit (m^3/s). */
  readonly capacity: number;
  /** Largest shaft power one unit takes (W). */
  readonly maxPower: number;
  /** Friction head of the water passage at the capacity flow (m); it scales with (Q/capacity)^2. */
  readonly frictionHead: number;
  readonly efficiency: PumpEfficiency;
}

/** Shaft power (W) one unit draws to pump flow q (m^3/s) against lift h (m). */
export function pumpPower(spec: PumpSpec, h: number, q: number): number {
  const r = q / spec.capacity;
  const head = Math.max(h, 0) + spec.frictionHead * r * r;
  if (head <= 0) return 0;
  return (RHO_SEAWATER * GRAVITY * q * head) / spec.efficiency(head);
}

/** Bisection steps for the power-limited flow: the bracket shrinks to capacity * 2^-60. */
const BISECTIONS = 60;

/** Flow (m^3/s) and shaft power drawn (W) of one unit pumping against lift h >= 0 (m). */
export function pumpPoint(spec: PumpSpec, h: number): UnitPoint {
  const full = pumpPower(spec, h, spec.capacity);
  if (full <= spec.maxPower) return { power: full, flow: spec.capacity };
  // Power limited: power grows with flow, so bisect for the flow that takes the largest power.
  let lo = 0;
  let hi = spec.capacity;
  for (let k = 0; k < BISECTIONS; k++) {
    const mid = 0.5 * (lo + hi);
    if (pumpPower(spec, h, mid) <= spec.maxPower) lo = mid;
    else hi = mid;
  }
  return { power: pumpPower(spec, h, lo), flow: lo };
}

export interface IdealPumpSpec {
  /** Power one unit draws at full power (W). */
  readonly power: number;
  /** Largest flow (m^3/s), reached at small lifts. */
  readonly maxFlow: number;
  readonly efficiency: PumpEfficiency;
}

/** The loss-free 0-D pump: power (W) and flow (m^3/s) against lift h (m); free at zero lift. */
export function idealPumpPoint(spec: IdealPumpSpec, h: number): UnitPoint {
  if (h <= 0) return { power: 0, flow: spec.maxFlow };
  const eta = spec.efficiency(h);
  const q = Math.min(spec.maxFlow, (eta * spec.power) / (RHO_SEAWATER * GRAVITY * h));
  return { power: (RHO_SEAWATER * GRAVITY * q * h) / eta, flow: q };
}

/** A tabulated pump chart of one unit: lifts (m, increasing), flow (m^3/s), shaft power (W). */
export interface PumpChart {
  readonly lift: ArrayLike<number>;
  readonly flow: ArrayLike<number>;
  readonly power: ArrayLike<number>;
  /** Runner diameter the chart was measured for (m). */
  readonly diameter: number;
}

/**
 * A pump chart scaled to runner diameter `diameter` (m): at equal head flow and power scale with
 * (D/D0)^2, as for the turbine chart; interpolated linearly, held at the end rows.
 */
export function pumpChartPoint(chart: PumpChart, diameter: number): (h: number) => UnitPoint {
  return scaledChartPoint(chart.lift, chart.power, chart.flow, chart.diameter, diameter);
}

/** The table with a pump curve on the same head grid as its ebb curve. */
export function withPump(table: TurbineTable, point: (h: number) => UnitPoint): TurbineTable {
  const pump: HeadCurve = tabulate(point, table.ebb.flow.length, table.dh);
  return { ...table, pump };
}
