/**
 * An optimisation problem: the scheme, its cycle, the sea level that happens and the one the
 * decisions are made on, the head lattice and the objective. ProblemData is its form for worker
 * threads (sea levels and prices in shared memory, the rest cloned); openProblem turns it back
 * into prepared solver runs, once per worker and job.
 */

import { type CycleModes, cycleModes, type DirectionModes } from '../operation/cycle.js';
import type { ModeTable } from '../operation/modes.js';
import { type SharedSeaLevel, seaLevelView } from '../parallel/shared.js';
import { prepareRun } from '../solver/run.js';
import type { SolverRun } from '../solver/state.js';
import type { SchemeModel } from '../solver/types.js';
import type { SeaLevel } from '../tide/sea-level.js';
import type { HeadRanges } from './lattice.js';

export interface ProblemData {
  /** Identifies the problem: a worker keeps the runs it opened for the jobs of the same problem. */
  readonly id: string;
  /** The sea level that happens (the simulated one). */
  readonly sea: SharedSeaLevel;
  /** The sea level decisions are made on, on the same grid; null: the simulated one (perfect forecast). */
  readonly forecast: SharedSeaLevel | null;
  readonly scheme: SchemeModel;
  /** The fixed-head cycle; its thresholds are the scenario's fixed heads. */
  readonly ops: ModeTable;
  readonly ranges: HeadRanges;
  /** GBP per joule of net energy in each step (revenue objective); null: the energy objective. */
  readonly price: SharedArrayBuffer | null;
}

export interface Problem {
  /** The run on the sea level that happens. */
  readonly apply: SolverRun;
  /** The run on the sea level decisions are made on (the same run for a perfect forecast). */
  readonly decide: SolverRun;
  readonly modes: CycleModes;
  /** The directions the cycle generates in, ebb first. */
  readonly directions: readonly DirectionModes[];
  readonly scheme: SchemeModel;
  readonly ranges: HeadRanges;
  readonly price: Float64Array | null;
}

/** What applying a plan needs of a problem: the run on the sea level that happens and the cycle. */
export type PlanRun = Pick<Problem, 'apply' | 'modes' | 'directions'>;

/** The run of a scheme on a sea level, for applying a plan on this thread. */
export function planRun(sea: SeaLevel, scheme: SchemeModel, ops: ModeTable): PlanRun {
  const modes = cycleModes(ops);
  return {
    apply: prepareRun(sea, scheme, ops),
    modes,
    directions: modes.directions.filter((m): m is DirectionModes => m !== null),
  };
}

export function openProblem(d: ProblemData): Problem {
  const { apply, modes, directions } = planRun(seaLevelView(d.sea), d.scheme, d.ops);
  const decide = d.forecast ? prepareRun(seaLevelView(d.forecast), d.scheme, d.ops) : apply;
  return {
    apply,
    decide,
    modes,
    directions,
    scheme: d.scheme,
    ranges: d.ranges,
    price: d.price ? new Float64Array(d.price) : null,
  };
}
