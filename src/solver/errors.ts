/**
 * The solver's own failure: the run cannot go on without giving a wrong answer. The builders below
 * always throw; each message names the time, the step, the mode, what happened and what to change.
 */

import type { ModeTable } from '../operation/modes.js';
import type { Basin } from '../scheme/basin.js';
import type { SeaLevel } from '../tide/sea-level.js';
import { isoTime } from '../time.js';
import { LEVEL_TOL, MAX_SWITCHES_PER_STEP, OVERSHOOT_LIMIT } from './tolerances.js';

/** Where a run stopped: the time, the step and the mode in force. */
export interface SolverStop {
  /** Time (s since 1970-01-01T00:00Z). */
  readonly time: number;
  /** Index of the step (0 = the step starting at the first sea-level sample). */
  readonly step: number;
  /** Name of the mode in force. */
  readonly mode: string;
}

/**
 * Thrown when the solver stops a run rather than return a wrong or non-finite result; the CLI
 * exits with code 1 on it. The message names the time, the step, the mode, what went wrong and
 * what to change.
 */
export class SolverError extends Error {
  constructor(
    message: string,
    readonly where: SolverStop,
  ) {
    super(message);
    this.name = 'SolverError';
  }
}

/** Stops the run: the message names the time, the step, the mode, what happened and what to change. */
export function stop(sea: SeaLevel, step: number, tau: number, ops: ModeTable, mode: number, what: string): never {
  const time = sea.t0 + step * sea.dt + tau;
  const name = ops.names[mode] ?? String(mode);
  throw new SolverError(`at ${isoTime(time)} (step ${step + 1}, mode ${name}): ${what}`, { time, step, mode: name });
}

/** Checks a window of steps before it runs: thresholds for every mode, samples i0..i1 inside the `samples`. */
export function checkWindow(ops: ModeTable, exitHead: Float64Array, i0: number, i1: number, samples: number): void {
  if (exitHead.length !== ops.names.length)
    throw new RangeError(`thresholds for ${exitHead.length} modes, the table has ${ops.names.length}`);
  if (!(i0 >= 0 && i1 <= samples - 1 && i0 <= i1)) throw new RangeError(`window ${i0}..${i1} is outside the ${samples} samples`);
}

/** Checks the time step and every sea-level sample once, before a run. */
export function checkSea(sea: SeaLevel, ops: ModeTable, mode: number): void {
  const eta = sea.level;
  if (!(sea.dt > 0) || !Number.isFinite(sea.dt))
    throw new SolverError(`the time step must be a finite number of seconds > 0, got ${sea.dt}`, {
      time: sea.t0,
      step: 0,
      mode: ops.names[mode] ?? String(mode),
    });
  for (let k = 0; k < eta.length; k++) {
    if (!Number.isFinite(eta[k])) stop(sea, k, 0, ops, mode, `the sea level is not finite (${eta[k]}); check the tide input`);
  }
}

/** The basin level left the area curve (or is not finite). */
export function outOfRange(
  sea: SeaLevel,
  step: number,
  tau: number,
  ops: ModeTable,
  mode: number,
  z: number,
  basin: Basin,
): never {
  const L = basin.levels;
  if (!Number.isFinite(z))
    stop(sea, step, tau, ops, mode, `the basin level became ${z}; check the turbine and sluice inputs for non-finite values`);
  stop(
    sea,
    step,
    tau,
    ops,
    mode,
    `the basin level ${z.toFixed(3)} m left the range of the basin's area curve (${L[0]} to ${L[L.length - 1]} m); ` +
      `extend the area curve to the levels the scheme reaches, check that the tide and the curve use the same datum, or bound the basin level with operation.limits`,
  );
}

/** The error control halved a sub-step down to minLen and it is still not accurate. */
export function tooCoarse(
  sea: SeaLevel,
  step: number,
  tau: number,
  ops: ModeTable,
  mode: number,
  err: number,
  minLen: number,
): never {
  stop(
    sea,
    step,
    tau,
    ops,
    mode,
    `the time step of ${sea.dt} s is too coarse for this scheme: even split into sub-steps of ${minLen.toPrecision(3)} s, one moves the basin level ` +
      `${err.toExponential(2)} m away from its first-order estimate (tolerance ${LEVEL_TOL} m), so the sluices or turbines equalise the basin faster than that; ` +
      stepAdvice(Math.max(1, Math.floor(sea.dt / 16))),
  );
}

/** Shortest time step a real scheme needs (s): below it, the scheme's fields are the likelier fault than the step. */
const REAL_SCHEME_STEP_S = 60;

/**
 * What to change when the step is too coarse, given the step that would do: a step under a minute
 * means the flows empty the basin in seconds, which no real scheme does, so a field (a typo in an
 * area, a count or a diameter) is named first and a smaller step only after it.
 */
function stepAdvice(step: number): string {
  if (step >= REAL_SCHEME_STEP_S) return `reduce time_step_s to about ${step} s or less`;
  return (
    `it would need a step of ${step} s: the sluices and turbines equalise the basin within seconds, far faster than any real scheme; ` +
    `check scheme.sluices.area_m2, scheme.turbines.count and scheme.turbines.diameter_m against the basin's area (scheme.basin), ` +
    `and reduce time_step_s only if they are right`
  );
}

/** More than MAX_SWITCHES_PER_STEP switches in one step. */
export function loopingModes(sea: SeaLevel, step: number, tau: number, ops: ModeTable, mode: number): never {
  stop(
    sea,
    step,
    tau,
    ops,
    mode,
    `more than ${MAX_SWITCHES_PER_STEP} mode switches in one step: the modes hand over in a loop without time passing; ` +
      `check that each start head is above its end head and pumping target, and that the safety limits leave room to operate`,
  );
}

/** The basin overshot the sea by more than OVERSHOOT_LIMIT. */
export function overshot(sea: SeaLevel, step: number, tau: number, ops: ModeTable, mode: number, by: number): never {
  const dt = sea.dt;
  // The overshoot grows like dt^2: aim at a quarter of the limit.
  const suggest = Math.max(1, Math.floor((dt * Math.sqrt((0.25 * OVERSHOOT_LIMIT) / by)) / 10) * 10);
  stop(
    sea,
    step,
    tau,
    ops,
    mode,
    `the basin overshot the sea level by ${by.toFixed(3)} m in one step (limit ${OVERSHOOT_LIMIT} m): the time step of ${dt} s is too coarse for this scheme's ` +
      `sluices and turbines; ${stepAdvice(suggest)}`,
  );
}
