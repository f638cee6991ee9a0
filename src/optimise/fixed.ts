/**
 * The best fixed heads: the same controls at every half tide, chosen by a search over the head
 * lattice (one start head, end head and pumping target per generating direction), each point
 * valued by a run over the whole period with the same objective as flexible operation: a coarse
 * grid and the scenario's own heads, then compass searches with moves of 0.8 m halved down to
 * the lattice step. Its points are valued in batches (on worker threads by the caller).
 */
import { advance } from '../solver/advance.js';
import { startState } from '../solver/run.js';
import type { SolverRun, SolverState } from '../solver/state.js';
import { allocateSeries, type StepSeries } from '../solver/types.js';
import { type DirectionModes, directionIndex, type HalfControls, readControls, writeControls } from './cycle.js';
import {
  END,
  headOf,
  type LatticeBox,
  LatticeSearch,
  latticeBox,
  movesInUnits,
  PER_HALF,
  PUMP,
  type SearchResult,
  START,
  searchBatched,
  toUnits,
} from './lattice.js';
import type { Problem } from './problem.js';

/** Moves of the fixed-head search (m), largest first; the last becomes the lattice step. */
const FIXED_MOVES_M = [0.8, 0.4, 0.2, 0.1] as const;

/** Controls by direction [ebb, flood], null where the cycle does not generate. */
export type Controls = [HalfControls | null, HalfControls | null];

/** The lattice of fixed controls: one half tide's coordinates per generating direction, ebb first. */
function fixedBox(p: Problem): LatticeBox {
  return latticeBox(
    p.ranges,
    p.directions.map((d) => d.pump >= 0),
  );
}

/** Lattice point of fixed controls. */
function fixedPoint(p: Problem, c: Controls): Int32Array {
  const x = new Int32Array(PER_HALF * p.directions.length);
  p.directions.forEach((d, k) => {
    const h = c[directionIndex(d.dir)] as HalfControls;
    x[PER_HALF * k + START] = toUnits(h.start, p.ranges.step);
    x[PER_HALF * k + END] = toUnits(h.end, p.ranges.step);
    x[PER_HALF * k + PUMP] = d.pump >= 0 ? toUnits(h.pump, p.ranges.step) : 0;
  });
  return x;
}

/** Controls of a lattice point (m). */
export function pointControls(p: Problem, x: ArrayLike<number>): Controls {
  const out: Controls = [null, null];
  const step = p.ranges.step;
  p.directions.forEach((d, k) => {
    const o = PER_HALF * k;
    out[directionIndex(d.dir)] = {
      start: headOf(x[o + START], step),
      end: headOf(x[o + END], step),
      pump: d.pump >= 0 ? headOf(x[o + PUMP], step) : 0,
    };
  });
  return out;
}

/** Controls in words: "ebb 4.6/1.5 m, pump to 3.4 m; flood 2.6/2.3 m" (a pumping target of 0: no pumping). */
export function controlsText(c: Controls): string {
  return c
    .map((h, k) => (h ? `${k === 0 ? 'ebb' : 'flood'} ${h.start}/${h.end} m${h.pump > 0 ? `, pump to ${h.pump} m` : ''}` : null))
    .filter((t) => t !== null)
    .join('; ');
}

/** The controls a mode table holds (the scenario's fixed heads). */
export function tableControls(p: Problem, exitHead: Float64Array): Controls {
  const out: Controls = [null, null];
  for (const d of p.directions) out[directionIndex(d.dir)] = readControls(exitHead, d);
  return out;
}

/** Writes controls into thresholds. */
export function writeAll(exitHead: Float64Array, directions: readonly DirectionModes[], c: Controls): void {
  for (const d of directions) {
    const h = c[directionIndex(d.dir)];
    if (h) writeControls(exitHead, d, h.start, h.end, h.pump);
  }
}

/** Objective (J of net energy, or GBP) of fixed controls over the whole period of `run`. */
export class FixedEvaluator {
  private readonly head: Float64Array;
  private readonly series: StepSeries | undefined;

  constructor(
    private readonly p: Problem,
    private readonly run: SolverRun = p.apply,
  ) {
    this.head = run.ops.exitHead.slice();
    this.series = p.price ? allocateSeries(run.eta.length) : undefined;
  }

  value(c: Controls): number {
    writeAll(this.head, this.p.directions, c);
    const run = this.run;
    const st: SolverState = startState(run);
    const last = run.eta.length - 1;
    advance(run, st, 0, last, { exitHead: this.head, series: this.series });
    const price = this.p.price;
    if (price === null) return st.energy - st.pumpEnergy;
    const s = this.series as StepSeries;
    let gbp = 0;
    for (let i = 0; i < last; i++) gbp += (s.power[i] - s.pumpPower[i]) * run.dt * price[i];
    return gbp;
  }
}

export interface FixedSearch extends SearchResult {
  readonly controls: Controls;
  readonly evaluations: number;
}

/** Grid spacing (m) of the fixed search's first stage, over start head, end head and pumping target alike in every direction. */
const FIXED_GRID_M = 1.0;
/** Compass searches of the fixed search, from the best distinct starting points. */
const FIXED_STARTS = 3;

/**
 * Searches the best fixed controls: the points of a coarse grid (the same heads in every
 * direction, FIXED_GRID_M apart) and `start` are valued, and a compass search runs from each of
 * the FIXED_STARTS best, sharing every value found; the best point they reach wins. Points are
 * valued with `evaluate` in batches (values in the order of the points).
 */
export async function searchFixed(
  p: Problem,
  start: Controls,
  evaluate: (points: Int32Array[]) => Promise<ArrayLike<number>>,
): Promise<FixedSearch> {
  const box = fixedBox(p);
  const search = new LatticeSearch(box);
  const x0 = fixedPoint(p, start);
  // The scenario's heads may lie off the lattice's ranges: bring them inside.
  for (let k = 0; k < x0.length; k++) x0[k] = Math.min(box.hi[k], Math.max(box.lo[k], x0[k]));
  for (let o = 0; o < x0.length; o += PER_HALF) {
    x0[o + END] = Math.min(x0[o + END], x0[o + START] - 1);
    x0[o + PUMP] = Math.min(x0[o + PUMP], x0[o + START] - 1);
  }
  // The grid: the first direction's heads on a coarse grid, copied to the others.
  const stride = Math.max(1, toUnits(FIXED_GRID_M, p.ranges.step));
  const free = [START, END, PUMP].filter((q) => box.lo[q] < box.hi[q]);
  const grid = search
    .gridPoints(
      x0,
      free,
      free.map(() => stride),
    )
    .map((g) => {
      for (let o = PER_HALF; o < g.length; o += PER_HALF) {
        for (const q of [START, END, PUMP]) g[o + q] = Math.min(box.hi[o + q], Math.max(box.lo[o + q], g[q]));
      }
      return g;
    });
  const ranked = await searchBatched(search, search.ranked([x0, ...grid], FIXED_STARTS), evaluate);
  const moves = movesInUnits(FIXED_MOVES_M, p.ranges.step);
  let found: SearchResult = ranked[0];
  for (const r of ranked) {
    const f = await searchBatched(search, search.compass(r, moves), evaluate);
    if (f.value > found.value) found = f;
  }
  return { ...found, controls: pointControls(p, found.point), evaluations: search.evaluations };
}
