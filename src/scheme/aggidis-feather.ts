/**
 * The parametric double-regulated bulb turbine of Aggidis & Feather (2012, Renewable Energy),
 * the hill-chart fit used across the 0-D tidal-range literature (e.g. Angeloudis et al. 2018,
 * Applied Energy 212, doi:10.1016/j.apenergy.2017.12.052). For a unit of runner diameter D (m)
 * turning at the synchronous speed n = 2*60*f/p (rpm) of a generator with p poles on a grid of
 * frequency f (Hz), at head H (m):
 *
 *   unit speed      n11 = n*D/sqrt(H)
 *   unit discharge  Q11 = 0.0166*n11 + 0.4861 for n11 < 255, else 4.75
 *   flow            Q   = Q11*D^2*sqrt(H)                                (m^3/s)
 *   efficiency      eta = -0.0019*n11 + 1.2461                           (hydraulic)
 *   shaft power     P   = rho*g*Q*H*eta, capped at the rated power, the flow then throttled to
 *                   Q = P_rated/(rho*g*H*eta).
 *
 * The cap is on the shaft, as in the 0-D code of Angeloudis et al. (2018, github
 * thangel/tidalplant, parameterisations.py); the chain from the shaft to the grid (drive train,
 * generator, transformer) is applied after the solver (losses.ts). The linear efficiency
 * fit leaves [0, 1] outside the range of the data it was fitted to: it falls below 0 at very low
 * heads (n11 > 655.8) and exceeds 1 at high heads (n11 < 129.5, e.g. above 12.85 m for a 7.35 m,
 * 95-pole unit on 50 Hz). It is held to [0, 1] there: no power below the zero, never more power
 * than the water gives.
 */
import { cappedPoint, type ParametricUnit, type UnitPoint } from './turbine.js';

export interface AggidisFeatherSpec {
  /** Runner diameter (m). */
  readonly diameter: number;
  /** Generator poles. */
  readonly poles: number;
  /** Grid frequency (Hz). */
  readonly gridFrequency: number;
  /** Rated (shaft) power of one unit (W). */
  readonly ratedPower: number;
}

/** Synchronous speed (rpm) of a generator with `poles` poles on a grid of `frequency` Hz. */
export function synchronousSpeed(frequency: number, poles: number): number {
  return (2 * 60 * frequency) / poles;
}

/** Unit speed below which the unit discharge follows the linear fit (rpm*m^0.5). */
const N11_BREAK = 255;
/** Unit discharge above N11_BREAK (m^0.5/s). */
const Q11_HIGH = 4.75;

/**
 * Power (W) and flow (m^3/s) of one unit generating at head h (m), every efficiency multiplied by
 * `efficiencyFactor` (1 on the ebb; the flood factor on the flood).
 */
export function aggidisFeatherPoint(spec: AggidisFeatherSpec, h: number, efficiencyFactor = 1): UnitPoint {
  if (h <= 0) return { power: 0, flow: 0 };
  const rootH = Math.sqrt(h);
  const n11 = (synchronousSpeed(spec.gridFrequency, spec.poles) * spec.diameter) / rootH;
  const q11 = n11 < N11_BREAK ? 0.0166 * n11 + 0.4861 : Q11_HIGH;
  const q = q11 * spec.diameter * spec.diameter * rootH;
  const etaHydraulic = Math.min(1, Math.max(0, -0.0019 * n11 + 1.2461));
  const eta = etaHydraulic * efficiencyFactor;
  if (eta === 0) return { power: 0, flow: q };
  return cappedPoint(q, h, eta, spec.ratedPower);
}

/** The Aggidis-Feather unit as a parametric kind (see parametricTable in turbine.ts). */
export function aggidisFeatherUnit(spec: AggidisFeatherSpec): ParametricUnit {
  return { point: (h, factor) => aggidisFeatherPoint(spec, h, factor), ratedPower: spec.ratedPower, diameter: spec.diameter };
}
