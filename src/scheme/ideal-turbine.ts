/**
 * The ideal turbine: an orifice of the runner's area A = pi*D^2/4 with discharge coefficient Cd,
 * passing Q = Cd*A*sqrt(2*g*H) and delivering P = eta*rho*g*Q*H, capped at the rated power with
 * the flow then throttled to Q = P_rated/(eta*rho*g*H). With Cd = 1 and eta = 1 it is the
 * limiting case the physics tests compare the solver against.
 */
import { GRAVITY } from '../physics.js';
import { cappedPoint, type ParametricUnit, type UnitPoint } from './turbine.js';

export interface IdealTurbineSpec {
  /** Runner diameter (m). */
  readonly diameter: number;
  /** Discharge coefficient of the runner area. */
  readonly dischargeCoefficient: number;
  /** Water-to-wire efficiency, in (0, 1]. */
  readonly efficiency: number;
  /** Rated electrical power of one unit (W). */
  readonly ratedPower: number;
}

/** Power (W) and flow (m^3/s) at head h (m), the efficiency multiplied by `efficiencyFactor`. */
export function idealTurbinePoint(spec: IdealTurbineSpec, h: number, efficiencyFactor = 1): UnitPoint {
  if (h <= 0) return { power: 0, flow: 0 };
  const area = Math.PI * spec.diameter * spec.diameter * 0.25;
  const q = spec.dischargeCoefficient * area * Math.sqrt(2 * GRAVITY * h);
  return cappedPoint(q, h, spec.efficiency * efficiencyFactor, spec.ratedPower);
}

/** The ideal unit as a parametric kind (see parametricTable in turbine.ts). */
export function idealTurbineUnit(spec: IdealTurbineSpec): ParametricUnit {
  return { point: (h, factor) => idealTurbinePoint(spec, h, factor), ratedPower: spec.ratedPower, diameter: spec.diameter };
}
