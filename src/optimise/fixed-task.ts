/**
 * Worker task (parallel/task.ts) valuing fixed controls: task i runs the controls of point i of
 * the batch over the whole period or its sample and returns the objective (J of net energy, or
 * GBP). A search sends many small batches of one problem: the worker opens the problem and builds
 * each evaluator once, and keeps them while the batches are of the same problem (ProblemData.id).
 */

import { pointControls } from './fixed.js';
import { FixedEvaluator } from './fixed-objective.js';
import { PER_HALF } from './lattice.js';
import { openProblem, type Problem, type ProblemData } from './problem.js';

export interface FixedTaskInit {
  readonly problem: ProblemData;
  /** The batch's lattice points, one after another. */
  readonly points: Int32Array;
  /** Run on the forecast sea level instead of the simulated one (fixed heads an operator can choose ahead). */
  readonly onForecast: boolean;
  /** Value the sample of the period (fixed-objective.ts) instead of the whole period. */
  readonly sample: boolean;
}

/** The problem this worker last opened, and its evaluators by sea level and fidelity. */
let opened: { id: string; problem: Problem; evaluators: Map<string, FixedEvaluator> } | null = null;

function evaluator(init: FixedTaskInit): { p: Problem; ev: FixedEvaluator } {
  if (opened?.id !== init.problem.id) opened = { id: init.problem.id, problem: openProblem(init.problem), evaluators: new Map() };
  const p = opened.problem;
  const key = `${init.onForecast}/${init.sample}`;
  let ev = opened.evaluators.get(key);
  if (!ev) {
    ev = new FixedEvaluator(p, init.onForecast ? p.decide : p.apply, init.sample);
    opened.evaluators.set(key, ev);
  }
  return { p, ev };
}

export function setup(init: FixedTaskInit): (index: number) => number {
  const { p, ev } = evaluator(init);
  const dims = PER_HALF * p.directions.length;
  return (i) => ev.value(pointControls(p, init.points.subarray(i * dims, (i + 1) * dims)));
}
