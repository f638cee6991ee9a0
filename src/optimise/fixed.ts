/**
 * The best fixed heads: the same controls at every half tide, chosen by a search over the head
 * lattice (the coordinates of lattice.ts per generating direction), with the same objective as
 * flexible operation (fixed-objective.ts): a climb on a sample of the period from a coarse grid
 * and the scenario's own heads, then compass searches at the lattice step over the whole period
 * from the climb's best points. Its points are valued in batches (on worker threads by the caller).
 */
import { type DirectionModes, directionIndex, type HalfControls, readControls, writeControls } from '../operation/cycle.js';
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
  searchesBatched,
  toUnits,
} from './lattice.js';
import type { Problem } from './problem.js';

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

export interface FixedSearch extends SearchResult {
  readonly controls: Controls;
  /** Runs over the whole period valued. */
  readonly evaluations: number;
  /** Runs over the sample valued (the climb's; 0 when the period was too short to sample). */
  readonly sampleEvaluations: number;
}

/** Which objective a batch of points is valued with: the sample's (the climb) or the whole period's. */
export type Fidelity = 'sample' | 'period';

/** Grid spacing (m) of the fixed search's first stage, over start head, end head and pumping target alike in every direction. */
const FIXED_GRID_M = 1.0;
/** Moves of the climb on the sample (m), largest first; the last becomes the lattice step. */
const FIXED_MOVES_M = [0.4, 0.2, 0.1] as const;
/** Neighbours valued at a time by the compass searches (opportunistic polls; see LatticeSearch.compass). */
const FIXED_POLL = 4;
/** Moves of the compass searches over the whole period (m): two steps, so that they can leave a ripple of the sample's optimum. */
const FIXED_PERIOD_MOVES_M = [0.2, 0.1] as const;
/** The best points of the climb valued over the whole period, together. */
const FIXED_CANDIDATES = 8;
/**
 * Climbs on the sample, from the best distinct points of the grid. One: the sample's landscape is
 * smooth at the grid's spacing, and on the shipped two-way, lagoon, La Rance and Swansea Bay
 * scenarios three climbs (two thirds more sample runs) ended at the same heads.
 */
const CLIMB_STARTS = 1;
/**
 * Compass searches over the whole period, from the best candidates: there, one alone can stop on a
 * ridge of the lattice (on the lagoon and La Rance it stopped below the heads two reach). On the
 * shipped two-way, lagoon, La Rance, Swansea Bay and Sihwa scenarios three reached the heads two do.
 */
const PERIOD_STARTS = 2;

/**
 * Searches the best fixed controls in two stages. The climb, on the sample of the period
 * (fixed-objective.ts): the points of a coarse grid (the same heads in every direction,
 * FIXED_GRID_M apart) and `start` are valued, and a compass search climbs from the best
 * (opportunistic polls, pairs of heads moved at the lattice step only). Then over the whole
 * period: the FIXED_CANDIDATES best points the climb valued are valued, and compass searches
 * (moves of 0.2 m and 0.1 m, pairs at the step only) run from the PERIOD_STARTS
 * best, in lockstep, sharing every value found; the best point they reach wins. When the period
 * is too short to sample (`sampled` false), the climb is on the whole period and its values are
 * kept.
 *
 * Points are valued with `evaluate` in batches (values in the order of the points); the result
 * depends on the objective alone, never on how the batches are valued.
 */
export async function searchFixed(
  p: Problem,
  start: Controls,
  sampled: boolean,
  evaluate: (points: Int32Array[], fidelity: Fidelity) => Promise<ArrayLike<number>>,
): Promise<FixedSearch> {
  const box = fixedBox(p);
  const climb = new LatticeSearch(box);
  const x0 = fixedPoint(p, start);
  // The scenario's heads may lie off the lattice's ranges: bring them inside.
  for (let k = 0; k < x0.length; k++) x0[k] = Math.min(box.hi[k], Math.max(box.lo[k], x0[k]));
  for (let o = 0; o < x0.length; o += PER_HALF) {
    x0[o + END] = Math.min(x0[o + END], x0[o + START] - 1);
    x0[o + PUMP] = Math.min(x0[o + PUMP], x0[o + START] - 1);
  }
  // The grid: the first direction's heads on a coarse grid, copied to the others.
  const stride = Math.max(1, toUnits(FIXED_GRID_M, p.ranges.step));
  const free: number[] = [];
  for (let q = 0; q < PER_HALF; q++) if (box.lo[q] < box.hi[q]) free.push(q);
  const grid = climb
    .gridPoints(
      x0,
      free,
      free.map(() => stride),
    )
    .map((g) => {
      for (let o = PER_HALF; o < g.length; o += PER_HALF) {
        for (let q = 0; q < PER_HALF; q++) g[o + q] = Math.min(box.hi[o + q], Math.max(box.lo[o + q], g[q]));
      }
      return g;
    });
  const onSample = (points: Int32Array[]) => evaluate(points, sampled ? 'sample' : 'period');
  const onPeriod = (points: Int32Array[]) => evaluate(points, 'period');
  const firsts = await searchBatched(climb, climb.ranked([x0, ...grid], CLIMB_STARTS), onSample);
  const halves = x0.length / PER_HALF;
  const moves = movesInUnits(FIXED_MOVES_M, p.ranges.step);
  for (const first of firsts)
    await searchBatched(climb, climb.compass(first, moves, { halves, poll: FIXED_POLL, pairs: 'step' }), onSample);
  // Over the whole period: the climb's best points, then compass searches at the lattice step.
  const period = sampled ? new LatticeSearch(box) : climb;
  const candidates = climb.recorded(FIXED_CANDIDATES).map((r) => r.point);
  const starts = await searchBatched(period, period.ranked(candidates, PERIOD_STARTS), onPeriod);
  const periodMoves = movesInUnits(FIXED_PERIOD_MOVES_M, p.ranges.step);
  const ends = await searchesBatched(
    period,
    starts.map((r) => period.compass(r, periodMoves, { halves, poll: FIXED_POLL, pairs: 'step' })),
    onPeriod,
  );
  let found = starts[0];
  for (const f of ends) if (f.value > found.value) found = f;
  return {
    ...found,
    controls: pointControls(p, found.point),
    evaluations: period.evaluations,
    sampleEvaluations: sampled ? climb.evaluations : 0,
  };
}
