/**
 * Flexible operation on solver inputs (a sea level, a scheme, a fixed-head cycle), on a worker
 * pool: the best fixed heads by a search whose points are valued in parallel, the receding-horizon
 * decisions in parallel chunks of half tides, and the continuous run that applies them.
 *
 * Chunks make the decisions parallel: each chunk of CHUNK_DECISIONS consecutive decisions is a
 * task that starts WARMUP_DECISIONS decisions early from the reference run's state, so its
 * first own decision is made from a state close to the one the whole run reaches there. The
 * chunks are fixed by the decisions alone, never by the number of workers, so the result is the
 * same to the last bit for any number of workers. The decisions are then applied in one
 * continuous run of the solver (mass is conserved across the whole period); at the start of each
 * chunk but the first, the level the chunk decided from differs slightly from the one that run
 * reaches, and the largest such difference is reported.
 */

import { randomUUID } from 'node:crypto';
import type { HalfControls } from '../operation/cycle.js';
import type { ModeTable } from '../operation/modes.js';
import { taskFailure, type WorkerPool } from '../parallel/pool.js';
import { shareFloat64, shareSeaLevel } from '../parallel/shared.js';
import { taskModule } from '../parallel/task.js';
import { ModeLog } from '../solver/mode-log.js';
import type { SchemeModel, StepSeries, Totals } from '../solver/types.js';
import type { SeaLevel } from '../tide/sea-level.js';
import { type SlackWater, slackWaters } from '../tide/turning-points.js';
import { isoTime } from '../time.js';
import { PlanApplier, type RecordedRun } from './apply.js';
import {
  type Controls,
  controlsText,
  type Fidelity,
  type FixedSearch,
  pointControls,
  searchFixed,
  tableControls,
} from './fixed.js';
import { samplable } from './fixed-objective.js';
import type { FixedTaskInit } from './fixed-task.js';
import type { ChunkOutcome, ChunkSpec, FlexibleTaskInit } from './flexible-task.js';
import type { Decisions } from './horizon.js';
import { type HeadRanges, PER_HALF } from './lattice.js';
import { openProblem, type Problem, type ProblemData } from './problem.js';

/** Decisions per chunk (task): about twelve days of a two-way cycle. */
export const CHUNK_DECISIONS = 48;
/** Decisions a chunk makes before its own, to reach the whole run's state. */
export const WARMUP_DECISIONS = 6;

export interface FlexibleInputs {
  /** The sea level that happens. */
  readonly sea: SeaLevel;
  /** The sea level decisions are made on, on the same grid; absent: `sea` (perfect forecast). */
  readonly forecast?: SeaLevel;
  readonly scheme: SchemeModel;
  /** The fixed-head cycle (fixedHeadCycle); its thresholds are the heads the fixed search starts from. */
  readonly ops: ModeTable;
  readonly ranges: HeadRanges;
  /** Revenue objective: GBP per joule of net energy in each step (one entry per sample); absent: energy. */
  readonly price?: Float64Array;
  /** Half tides searched together at each decision. */
  readonly lookahead: number;
}

/** The inputs in the form the worker tasks receive (shared sea levels and prices). */
export function problemData(i: FlexibleInputs): ProblemData {
  const n = i.sea.level.length;
  if (i.forecast && (i.forecast.level.length !== n || i.forecast.t0 !== i.sea.t0 || i.forecast.dt !== i.sea.dt)) {
    throw new RangeError('the forecast must be on the grid of the simulated sea level (same start, step and length)');
  }
  if (i.price && i.price.length !== n) throw new RangeError(`prices for ${i.price.length} samples, the sea level has ${n}`);
  return {
    id: randomUUID(),
    sea: shareSeaLevel(i.sea),
    forecast: i.forecast ? shareSeaLevel(i.forecast) : null,
    scheme: i.scheme,
    ops: i.ops,
    ranges: i.ranges,
    price: i.price ? shareFloat64(i.price) : null,
  };
}

/** The decisions of a sea level: at each high water an ebb decision, at each low water a flood one, for the directions the cycle generates in. */
export function decisionsOf(p: Problem, slack: readonly SlackWater[]): { decisions: Decisions; slack: SlackWater[] } {
  const kept = slack.filter((w) => p.modes.directions[w.kind === 'high' ? 0 : 1] !== null);
  return {
    decisions: {
      index: Int32Array.from(kept.map((w) => w.index)),
      dir: Int8Array.from(kept.map((w) => (w.kind === 'high' ? 1 : -1))),
    },
    slack: kept,
  };
}

/** Values batches of fixed controls on the pool, over the sample or the whole period (on the forecast sea level when asked). */
function fixedEvaluator(pool: WorkerPool, data: ProblemData, p: Problem, onForecast: boolean, signal?: AbortSignal) {
  const dims = PER_HALF * p.directions.length;
  return async (points: Int32Array[], fidelity: Fidelity): Promise<number[]> => {
    const flat = new Int32Array(points.length * dims);
    for (let k = 0; k < points.length; k++) flat.set(points[k], k * dims);
    const init: FixedTaskInit = { problem: data, points: flat, onForecast, sample: fidelity === 'sample' };
    try {
      return await pool.run<FixedTaskInit, number>({
        task: taskModule('optimise/fixed-task.js'),
        init,
        indices: Int32Array.from(points, (_, k) => k),
        signal,
      });
    } catch (err) {
      const over = fidelity === 'sample' ? 'a sample of the period' : 'the period';
      throw taskFailure(err, (k) => `the run over ${over} at fixed heads ${controlsText(pointControls(p, points[k]))}`);
    }
  };
}

/**
 * The best fixed controls, searched from the cycle's own heads; valued on the simulated sea level,
 * or on the forecast when `onForecast` (the fixed heads an operator can choose in advance).
 * `onRuns` hears the count of runs done after each batch (the search's length is not known ahead).
 */
export async function bestFixed(
  data: ProblemData,
  pool: WorkerPool,
  onForecast = false,
  signal?: AbortSignal,
  onRuns?: (runs: number) => void,
): Promise<FixedSearch> {
  const p = openProblem(data);
  const sea = onForecast ? p.decide.sea : p.apply.sea;
  const evaluate = fixedEvaluator(pool, data, p, onForecast, signal);
  let runs = 0;
  return searchFixed(p, tableControls(p, data.ops.exitHead), samplable(sea), async (points, fidelity) => {
    const values = await evaluate(points, fidelity);
    runs += points.length;
    onRuns?.(runs);
    return values;
  });
}

export interface FlexiblePlan {
  readonly decisions: Decisions;
  readonly slack: SlackWater[];
  /** Controls applied at each decision (m). */
  readonly controls: HalfControls[];
  /** Objective of each decision's window as forecast (J or GBP). */
  readonly values: number[];
  readonly evaluations: number;
  readonly chunks: number;
  /** Largest difference (m) between the level a chunk decided from and the one the continuous run reaches there. */
  readonly chunkLevelMismatch: number;
  /** Totals of the continuous run that applies the decisions. */
  readonly totals: Totals;
  /** The fixed-head runs asked for (PlanOptions.fixedRuns), recorded, in that order. */
  readonly fixedRuns: RecordedRun[];
}

export interface PlanOptions {
  /** Decisions per chunk (default CHUNK_DECISIONS); the result depends on it, never on the workers. */
  readonly chunkDecisions?: number;
  readonly warmupDecisions?: number;
  /** Chunks of decisions done, of the total. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Per-step series the continuous run that applies the decisions records (as applyPlan's). */
  readonly series?: StepSeries;
  /** Mode log that run records. */
  readonly log?: ModeLog;
  /** Fixed-head runs of the whole period to make and record on the workers too (FlexiblePlan.fixedRuns). */
  readonly fixedRuns?: readonly Controls[];
}

/** The receding-horizon decisions, with `reference` (the best fixed controls) closing each window. */
export async function flexiblePlan(
  data: ProblemData,
  pool: WorkerPool,
  reference: Controls,
  lookahead: number,
  o: PlanOptions = {},
): Promise<FlexiblePlan> {
  const p = openProblem(data);
  const { decisions, slack } = decisionsOf(p, slackWaters(p.decide.sea));
  const D = decisions.index.length;
  const size = o.chunkDecisions ?? CHUNK_DECISIONS;
  const warmup = o.warmupDecisions ?? WARMUP_DECISIONS;
  if (!(size >= 1) || !(warmup >= 0))
    throw new RangeError(`chunks of ${size} decisions with ${warmup} to warm up: expected at least 1 and 0`);
  // Each chunk starts from the reference run's state at its first warm-up decision (the workers make that run).
  const chunks: ChunkSpec[] = [];
  for (let from = 0; from < D; from += size) {
    const warm = Math.max(0, from - warmup);
    chunks.push({ warm, from, to: Math.min(D, from + size), at: warm === 0 ? 0 : decisions.index[warm] });
  }
  const fixedControls = o.fixedRuns ?? [];
  const init: FlexibleTaskInit = { problem: data, decisions, lookahead, reference, chunks, fixedRuns: fixedControls };
  const time = (j: number) => isoTime(slack[Math.min(j, D - 1)].time);
  // The continuous run applies each chunk's decisions as soon as it and every chunk before it have
  // come back, while the workers make the rest; it checks the level each chunk decided from.
  const outcomes: (ChunkOutcome | undefined)[] = new Array(chunks.length);
  const chunkOf = new Map(chunks.map((c, k) => [c.from, k]));
  let mismatch = 0;
  const applier = new PlanApplier(p, decisions, reference, {
    series: o.series,
    log: o.log,
    atDecision: (j, s) => {
      const k = chunkOf.get(j);
      if (k !== undefined) mismatch = Math.max(mismatch, Math.abs(s.level - (outcomes[k] as ChunkOutcome).levelAtFirst));
    },
  });
  const controls: HalfControls[] = [];
  const values: number[] = [];
  let evaluations = 0;
  let applied = 0;
  let chunksDone = 0;
  const fixedRuns: RecordedRun[] = new Array(fixedControls.length);
  // The fixed-head runs go first: each takes a worker about as long as a few decisions.
  const indices = Int32Array.from({ length: fixedControls.length + chunks.length }, (_, q) =>
    q < fixedControls.length ? chunks.length + q : q - fixedControls.length,
  );
  const onResult = (pos: number, r: ChunkOutcome | RecordedRun) => {
    const k = indices[pos];
    if (k >= chunks.length) {
      const { totals, series, log } = r as RecordedRun;
      fixedRuns[k - chunks.length] = { totals, series, log: Object.assign(new ModeLog(), log) };
      return;
    }
    outcomes[k] = r as ChunkOutcome;
    o.onProgress?.(++chunksDone, chunks.length);
    for (let next = outcomes[applied]; next !== undefined; next = outcomes[++applied]) {
      for (let q = 0; q < next.values.length; q++) {
        const h = { start: next.controls[3 * q], end: next.controls[3 * q + 1], pump: next.controls[3 * q + 2] };
        controls.push(h);
        values.push(next.values[q]);
        applier.next(h);
      }
      evaluations += next.evaluations;
    }
  };
  try {
    await pool.run<FlexibleTaskInit, ChunkOutcome | RecordedRun>({
      task: taskModule('optimise/flexible-task.js'),
      init,
      indices,
      onResult,
      signal: o.signal,
    });
  } catch (err) {
    throw taskFailure(err, (k) =>
      k >= chunks.length
        ? `the run at fixed heads ${controlsText(fixedControls[k - chunks.length])}`
        : `flexible operation, the decisions from ${time(chunks[k].warm)} to ${time(chunks[k].to - 1)}`,
    );
  }
  const { totals } = applier.finish();
  return {
    decisions,
    slack,
    controls,
    values,
    evaluations,
    chunks: chunks.length,
    chunkLevelMismatch: mismatch,
    totals,
    fixedRuns,
  };
}
