/**
 * Worker task (parallel/task.ts) of flexible operation: task c < chunks makes the decisions of
 * chunk c, a fixed stretch of consecutive half tides, by receding horizon (horizon.ts); the tasks
 * after the chunks record the fixed-head runs reported beside the plan. A chunk starts a few
 * decisions early from a state of the reference run, so that its first reported decision is made
 * from a state close to the one the whole run reaches there (the warm-up).
 */

import type { HalfControls } from '../operation/cycle.js';
import { advance } from '../solver/advance.js';
import { startState } from '../solver/run.js';
import { SolverState } from '../solver/state.js';
import { type RecordedRun, recordedFixedRun, thresholds } from './apply.js';
import type { Controls } from './fixed.js';
import { type Decisions, decideStretch, Horizon } from './horizon.js';
import { openProblem, type ProblemData } from './problem.js';

/**
 * One chunk: decisions warm..from-1 warm up, from..to-1 are its own; it starts at sample `at` (at
 * most its first decision's) from the state the run at the reference controls has there.
 */
export interface ChunkSpec {
  readonly warm: number;
  readonly from: number;
  readonly to: number;
  readonly at: number;
}

export interface FlexibleTaskInit {
  readonly problem: ProblemData;
  readonly decisions: Decisions;
  readonly lookahead: number;
  readonly reference: Controls;
  readonly chunks: readonly ChunkSpec[];
  /**
   * Fixed-head runs of the whole period to record as well, reported beside the plan: task
   * chunks.length + k records run k (a pool runs one job at a time, and these runs are quicker on
   * a worker whose solver is compiled than on a thread that has run little).
   */
  readonly fixedRuns: readonly Controls[];
}

export interface ChunkOutcome {
  /** Start head, end head and pumping target (m) of each of the chunk's decisions, one after another. */
  readonly controls: Float64Array;
  /** Objective of each decision's window as forecast (J or GBP). */
  readonly values: Float64Array;
  /** Objective evaluations, warm-up included. */
  readonly evaluations: number;
  /** Basin level (m) at the chunk's first decision as the chunk reached it. */
  readonly levelAtFirst: number;
}

export function setup(init: FlexibleTaskInit): (task: number) => ChunkOutcome | RecordedRun {
  const problem = openProblem(init.problem);
  const h = new Horizon({ problem, decisions: init.decisions, lookahead: init.lookahead, reference: init.reference });
  const modes = problem.apply.ops.names.length;
  const reference = thresholds(problem, init.reference);
  // The run at the reference thresholds, advanced to each chunk's start as the chunk asks: a
  // worker's chunks come in rising order, so it makes that run once, in the worker, whose solver
  // the fixed-head search has compiled (restarted only if a lower chunk comes after a higher one).
  const run = problem.apply;
  let ref = startState(run);
  let i = 0;
  return (c) => {
    if (c >= init.chunks.length) return recordedFixedRun(problem, init.fixedRuns[c - init.chunks.length]);
    const spec = init.chunks[c];
    if (spec.at < i) {
      ref = startState(run);
      i = 0;
    }
    if (spec.at > i) i = advance(run, ref, i, spec.at, { exitHead: reference });
    const st = new SolverState(modes).copyFrom(ref);
    const latest: (HalfControls | null)[] = [null, null];
    const r = decideStretch(h, spec.warm, spec.from, spec.to, st, spec.at, reference.slice(), latest);
    const controls = new Float64Array(3 * r.controls.length);
    r.controls.forEach((k, i) => {
      controls.set([k.start, k.end, k.pump], 3 * i);
    });
    return { controls, values: Float64Array.from(r.values), evaluations: r.evaluations, levelAtFirst: r.levelAtFirst };
  };
}
