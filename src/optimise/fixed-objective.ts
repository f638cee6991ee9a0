/**
 * The objective of fixed controls (the same heads at every half tide): net energy (J) or net
 * revenue (GBP) of a run with those heads, over the whole period or over a sample of it.
 *
 * The sample is the cheap stand-in the fixed-head search climbs with before it values its
 * candidates over the whole period: SAMPLE_WINDOWS stretches of one spring-neap cycle each,
 * spread evenly from the period's start to its end so that every season's tides are in it, each
 * started with the basin at the sea's level SAMPLE_WARMUP_S early and valued after that warm-up
 * (the basin forgets how it started within a few half tides). On the default year the sample is
 * a quarter of the period and ranks heads as the whole period does to within a few hundredths of
 * a percent of energy (docs/performance.md).
 */
import { advance } from '../solver/advance.js';
import { prepareRun, startState } from '../solver/run.js';
import type { SolverRun, SolverState } from '../solver/state.js';
import { allocateSeries, type StepSeries } from '../solver/types.js';
import type { SeaLevel } from '../tide/sea-level.js';
import { type Controls, writeAll } from './fixed.js';
import type { Problem } from './problem.js';

/** Stretches of the sample. */
export const SAMPLE_WINDOWS = 6;
/** Length of each stretch valued: one spring-neap cycle (the synodic fortnight, 14.77 days). */
export const SAMPLE_WINDOW_S = 14.765 * 86_400;
/** Warm-up before each stretch, not valued. */
export const SAMPLE_WARMUP_S = 86_400;

/** Samples of a stretch's warm-up, and of the warm-up and the stretch together, at step dt (s). */
function stretchSamples(dt: number): { warm: number; span: number } {
  const warm = Math.round(SAMPLE_WARMUP_S / dt);
  return { warm, span: warm + Math.round(SAMPLE_WINDOW_S / dt) };
}

/** True when a sea level's period is long enough to be sampled: the sample covers at most half of it. */
export function samplable(sea: SeaLevel): boolean {
  return 2 * SAMPLE_WINDOWS * stretchSamples(sea.dt).span <= sea.level.length;
}

/** A part of the period the objective sums: a run over it, valued from sample `from` on. */
interface Stretch {
  readonly run: SolverRun;
  readonly from: number;
  /** GBP per joule of net energy in each step of the stretch's run; null: the energy objective. */
  readonly price: Float64Array | null;
  /** The run's per-step power, for the revenue objective. */
  readonly series: StepSeries | undefined;
}

function stretch(run: SolverRun, from: number, price: Float64Array | null): Stretch {
  return { run, from, price, series: price ? allocateSeries(run.eta.length) : undefined };
}

/**
 * The sample's stretches of `run` (windows of its sea level, each with its warm-up), or null when
 * they would cover more than half the period: the whole period is then no dearer to value.
 */
function sampleStretches(p: Problem, run: SolverRun): Stretch[] | null {
  const { sea } = run;
  const n = sea.level.length;
  const { warm, span } = stretchSamples(sea.dt);
  if (!samplable(sea)) return null;
  const out: Stretch[] = [];
  for (let k = 0; k < SAMPLE_WINDOWS; k++) {
    const a = Math.floor((k * (n - 1 - span)) / (SAMPLE_WINDOWS - 1));
    const window = { t0: sea.t0 + a * sea.dt, dt: sea.dt, level: sea.level.subarray(a, a + span + 1) };
    out.push(stretch(prepareRun(window, p.scheme, run.ops), warm, p.price ? p.price.subarray(a, a + span + 1) : null));
  }
  return out;
}

/** Objective (J of net energy, or GBP) of fixed controls over the period of a run, or over its sample. */
export class FixedEvaluator {
  private readonly head: Float64Array;
  private readonly stretches: readonly Stretch[];
  /** True when the objective is the sample's (false: the whole period's, also when the period is too short to sample). */
  readonly sampled: boolean;

  constructor(
    private readonly p: Problem,
    run: SolverRun = p.apply,
    sample = false,
  ) {
    this.head = run.ops.exitHead.slice();
    const stretches = sample ? sampleStretches(p, run) : null;
    this.sampled = stretches !== null;
    this.stretches = stretches ?? [stretch(run, 0, p.price)];
  }

  value(c: Controls): number {
    writeAll(this.head, this.p.directions, c);
    let total = 0;
    for (const s of this.stretches) total += this.stretchValue(s);
    return total;
  }

  private stretchValue({ run, from, price, series }: Stretch): number {
    const st: SolverState = startState(run);
    const last = run.eta.length - 1;
    const window = { exitHead: this.head, series };
    if (from > 0) advance(run, st, 0, from, window);
    const before = st.energy - st.pumpEnergy;
    advance(run, st, from, last, window);
    if (price === null) return st.energy - st.pumpEnergy - before;
    const s = series as StepSeries;
    let gbp = 0;
    for (let i = from; i < last; i++) gbp += (s.power[i] - s.pumpPower[i]) * run.dt * price[i];
    return gbp;
  }
}
