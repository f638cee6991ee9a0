/**
 * Seeded per-unit forced outages: each unit alternates between in service and out of service,
 * the times in service exponential with mean 1/rate and the repairs exponential with mean
 * `meanRepair` (the two-state Markov model of reliability engineering). Its long-run
 * availability is 1 / (1 + rate * meanRepair). Each unit starts in its stationary state (out of
 * service with probability 1 - availability), so the expected fraction in service is the same at
 * every time. The result is the fraction of units in service over each solver step, applied to
 * the step's grid power after the run (the basin's response to fewer units is not modelled: a
 * conservative approximation, since fewer units draw the basin down more slowly).
 */
import { mulberry32 } from '../random.js';

export interface OutageSpec {
  /** Forced outages per unit per second (rate per year / year length). */
  readonly rate: number;
  /** Mean time to repair (s). */
  readonly meanRepair: number;
  readonly seed: number;
}

/** Long-run fraction of time a unit is in service. */
export function outageAvailability(o: OutageSpec): number {
  return 1 / (1 + o.rate * o.meanRepair);
}

/**
 * Fraction of `units` units in service over each of the `steps` steps of length dt (s), averaged
 * over the step (outages start and end inside steps).
 */
export function inServiceFraction(o: OutageSpec, units: number, steps: number, dt: number): Float64Array {
  const down = new Float64Array(steps); // unit-seconds out of service per step
  if (units === 0 || steps === 0) return new Float64Array(steps).fill(1);
  const rand = mulberry32(o.seed);
  const exp = (mean: number) => -mean * Math.log(1 - rand());
  const end = steps * dt;
  const a = outageAvailability(o);
  for (let u = 0; u < units; u++) {
    let inService = rand() < a;
    let t = 0;
    while (t < end) {
      const len = inService ? (o.rate > 0 ? exp(1 / o.rate) : Infinity) : exp(o.meanRepair);
      const t1 = Math.min(t + len, end);
      if (!inService) {
        // Spread the outage [t, t1) over the steps it covers.
        for (let k = Math.floor(t / dt); k < steps && k * dt < t1; k++)
          down[k] += Math.min(t1, (k + 1) * dt) - Math.max(t, k * dt);
      }
      t = t1;
      inService = !inService;
    }
  }
  const out = new Float64Array(steps);
  for (let k = 0; k < steps; k++) out[k] = 1 - down[k] / (units * dt);
  return out;
}
