/**
 * The continuous run of the period that applies flexible decisions: each decision's controls
 * written at its sample, the reference controls before the first (with no decisions, the run at
 * fixed heads). Pure: the main thread and the workers make it alike.
 */
import { directionIndex, type HalfControls, writeControls } from '../operation/cycle.js';
import { advance } from '../solver/advance.js';
import { finishRun } from '../solver/integrate.js';
import { ModeLog } from '../solver/mode-log.js';
import { startState } from '../solver/run.js';
import type { SolverRun, SolverState } from '../solver/state.js';
import { allocateSeries, type StepSeries, type Totals, type WindowOptions } from '../solver/types.js';
import { type Controls, writeAll } from './fixed.js';
import type { Decisions } from './horizon.js';
import type { PlanRun } from './problem.js';

/** Thresholds with every direction at the given controls. */
function thresholds(run: SolverRun, p: PlanRun, c: Controls): Float64Array {
  const head = run.ops.exitHead.slice();
  writeAll(head, p.directions, c);
  return head;
}

/** No decisions: applyPlan then runs the reference controls as fixed heads. */
export const NO_DECISIONS: Decisions = { index: new Int32Array(0), dir: new Int8Array(0) };

export interface ApplyOptions {
  readonly series?: StepSeries;
  readonly log?: ModeLog;
  /** Called at each decision's sample, before its controls are written, with the state there. */
  readonly atDecision?: (j: number, st: SolverState) => void;
}

/** What a continuous run of the period recorded: its totals, per-step series and mode log. */
export interface RecordedRun {
  readonly totals: Totals;
  readonly series: StepSeries;
  readonly log: ModeLog;
}

/** The run at fixed controls over the whole period, recorded (series and mode log). */
export function recordedFixedRun(p: PlanRun, c: Controls): RecordedRun {
  const series = allocateSeries(p.apply.eta.length);
  const log = new ModeLog();
  const { totals } = applyPlan(p, NO_DECISIONS, [], c, { series, log });
  return { totals, series, log };
}

export interface AppliedRun {
  readonly totals: Totals;
  /** Thresholds in force at the end. */
  readonly inForce: Float64Array;
}

/** The continuous run of applyPlan, one decision at a time, so that decisions can be applied as they are made. */
export class PlanApplier {
  private readonly head: Float64Array;
  private readonly st: SolverState;
  private readonly window: WindowOptions;
  private i = 0;
  private j = 0;

  constructor(
    private readonly p: PlanRun,
    private readonly decisions: Decisions,
    reference: Controls,
    private readonly o: ApplyOptions,
  ) {
    this.head = thresholds(p.apply, p, reference);
    this.st = startState(p.apply);
    this.window = { exitHead: this.head, series: o.series, log: o.log };
  }

  /** Runs to the next decision's sample and writes its controls. */
  next(c: HalfControls): void {
    const { index, dir } = this.decisions;
    const j = this.j++;
    if (index[j] > this.i) this.i = advance(this.p.apply, this.st, this.i, index[j], this.window);
    this.o.atDecision?.(j, this.st);
    const d = this.p.modes.directions[directionIndex(dir[j] as 1 | -1)];
    if (d) writeControls(this.head, d, c.start, c.end, c.pump);
  }

  /** Runs from the last decision to the end of the period. */
  finish(): AppliedRun {
    const run = this.p.apply;
    const last = run.eta.length - 1;
    if (last > this.i) advance(run, this.st, this.i, last, this.window);
    return { totals: finishRun(run, this.st, this.o), inForce: this.head };
  }
}

/**
 * Runs the whole period on the simulated sea level, writing decision j's controls at its sample
 * (the reference controls before the first). With `decisions` empty this is the fixed-head run
 * at the reference controls.
 */
export function applyPlan(
  p: PlanRun,
  decisions: Decisions,
  controls: readonly HalfControls[],
  reference: Controls,
  o: ApplyOptions = {},
): AppliedRun {
  const applier = new PlanApplier(p, decisions, reference, o);
  for (let j = 0; j < decisions.index.length; j++) applier.next(controls[j]);
  return applier.finish();
}
