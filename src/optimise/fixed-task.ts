/**
 * Worker task (parallel/task.ts) valuing fixed controls: task i runs the whole period with the
 * controls of point i of the batch and returns the objective (J of net energy, or GBP).
 */

import { FixedEvaluator, pointControls } from './fixed.js';
import { PER_HALF } from './lattice.js';
import { openProblem, type ProblemData } from './problem.js';

export interface FixedTaskInit {
  readonly problem: ProblemData;
  /** The batch's lattice points, one after another. */
  readonly points: Int32Array;
  /** Run on the forecast sea level instead of the simulated one (fixed heads an operator can choose ahead). */
  readonly onForecast: boolean;
}

export function setup(init: FixedTaskInit): (index: number) => number {
  const p = openProblem(init.problem);
  const ev = new FixedEvaluator(p, init.onForecast ? p.decide : p.apply);
  const dims = PER_HALF * p.directions.length;
  return (i) => ev.value(pointControls(p, init.points.subarray(i * dims, (i + 1) * dims)));
}
