/**
 * Flexible operation by receding horizon. At each decision (the slack water before a generating
 * half tide) the controls of the coming `lookahead` half tides (start head, end head, pumping
 * target each) are chosen together to maximise the objective over a window, the first half
 * tide's controls are applied until the next decision, and the window moves on.
 *
 * The window, from the decision's sample: the `lookahead` half tides with the controls searched,
 * then TAIL_HALVES more half tides with the reference controls (the best fixed heads), up to the
 * end of the last one's generation. Those value the state the searched ones leave behind:
 * without them, the search would always run the last generation down to the lowest end head,
 * whatever it costs the tide after. Thresholds change inside the window where they would in the
 * real run: each half tide's controls are written at its own decision sample. The objective is
 * the net energy (generated - pumped, J) or the net revenue (GBP) over the window, on the sea
 * level the decision is made on (the forecast); the chosen controls are then applied on the sea
 * level that happens.
 */

import { type CycleModes, type DirectionModes, directionIndex, type HalfControls, writeControls } from '../operation/cycle.js';
import { advance } from '../solver/advance.js';
import { SolverState } from '../solver/state.js';
import { allocateSeries, type StepSeries, type WindowOptions } from '../solver/types.js';
import type { Controls } from './fixed.js';
import {
  END,
  feasible,
  headOf,
  type LatticeBox,
  LatticeSearch,
  latticeBox,
  movesInUnits,
  PER_HALF,
  PUMP,
  START,
  searchSync,
  toUnits,
} from './lattice.js';
import type { Problem } from './problem.js';

/** Decision samples and the direction each decides (+1 ebb, -1 flood), in time order. */
export interface Decisions {
  readonly index: Int32Array;
  readonly dir: Int8Array;
}

export interface HorizonInputs {
  readonly problem: Problem;
  readonly decisions: Decisions;
  /** Half tides searched together at each decision (1 or 2). */
  readonly lookahead: number;
  /** Controls of the half tides that close each window, by direction [ebb, flood] (m). */
  readonly reference: Controls;
}

/**
 * Half tides at the reference controls that close each window. With one, the state the window
 * leaves is valued too shortly: on a sinusoidal tide (test/optimise/physics.test.ts, 30 days)
 * the decisions of a look-ahead of one settle 0.1-0.2 m off the best fixed heads and 0.24 % below
 * their energy per tide; with two, they settle on the best fixed heads exactly, at either look-ahead.
 */
export const TAIL_HALVES = 2;
/** Grid spacing (m) of the coarse stage of the search, over start head, end head and pumping target. */
const COARSE_SPACING_M = [2.0, 2.0, 2.0] as const;
/**
 * Compass searches per decision for the revenue objective, from the best distinct starting
 * points: prices make its landscape rugged (a generation that catches a price spike or misses it),
 * where the energy's is smooth enough for one (`mersey-tidal bench optimise` without --quick: the
 * search against the exhaustive lattice).
 */
const COMPASS_STARTS_REVENUE = 3;
/** Moves of the compass stage (m), largest first; the last becomes the lattice step. */
const COMPASS_MOVES_M = [0.4, 0.2, 0.1] as const;

/** One decision: the controls applied, the window's objective and the search's cost. */
export interface Decision {
  readonly controls: HalfControls;
  /** Objective over the decision's window as forecast (J or GBP). */
  readonly value: number;
  readonly evaluations: number;
}

export class Horizon {
  readonly modes: CycleModes;
  private readonly st: SolverState;
  private readonly head: Float64Array;
  private readonly series: StepSeries | undefined;
  private readonly boxes = new Map<string, LatticeBox>();
  /** Objective evaluations so far. */
  evaluations = 0;

  private readonly moves: number[];
  /** Head (m) of each lattice coordinate, 0 to the highest of the ranges. */
  private readonly heads: Float64Array;
  /** Window options: running through a half tide; closing the window at the end of a direction's generation. */
  private readonly through: WindowOptions;
  private readonly closing: [WindowOptions, WindowOptions];

  constructor(readonly inputs: HorizonInputs) {
    const p = inputs.problem;
    const ops = p.decide.ops;
    this.modes = p.modes;
    this.st = new SolverState(ops.names.length);
    this.head = new Float64Array(ops.names.length);
    this.series = p.price ? allocateSeries(p.decide.eta.length) : undefined;
    this.moves = movesInUnits(COMPASS_MOVES_M, p.ranges.step);
    const r = p.ranges;
    const top = Math.floor(Math.max(r.start[1], r.end[1], r.pump[1]) / r.step + 1e-9);
    this.heads = Float64Array.from({ length: top + 1 }, (_, u) => headOf(u, r.step));
    this.through = { exitHead: this.head, series: this.series };
    const close = (k: 0 | 1): WindowOptions => ({
      exitHead: this.head,
      series: this.series,
      stopOnEntry: this.modes.afterFlags[k],
      stopCount: 1,
    });
    this.closing = [close(0), close(1)];
    if (!(inputs.lookahead >= 1) || !Number.isInteger(inputs.lookahead))
      throw new RangeError(`the look-ahead must be a whole number of half tides >= 1, got ${inputs.lookahead}`);
  }

  direction(dir: number): DirectionModes {
    const d = this.modes.directions[directionIndex(dir as 1 | -1)];
    if (!d) throw new Error(`the cycle does not generate on the ${dir > 0 ? 'ebb' : 'flood'}`);
    return d;
  }

  /** Last sample of the run. */
  private get last(): number {
    return this.inputs.problem.decide.eta.length - 1;
  }

  /** Sample where decision j's window must end at the latest: the next decision of the same direction after it. */
  private cap(j: number): number {
    const { index, dir } = this.inputs.decisions;
    for (let k = j + 1; k < index.length; k++) if (dir[k] === dir[j]) return index[k];
    return this.last;
  }

  /**
   * Objective of decision j's window from state `start` (at the decision's sample) with the
   * thresholds `inForce`, the searched half tides' controls being the lattice point x.
   */
  windowValue(j: number, start: SolverState, inForce: Float64Array, x: Int32Array): number {
    const { decisions, reference } = this.inputs;
    const { decide, price } = this.inputs.problem;
    const { index, dir } = decisions;
    const st = this.st.copyFrom(start);
    const head = this.head;
    head.set(inForce);
    const searched = x.length / PER_HALF;
    const i0 = index[j];
    let i = i0;
    const halves = searched + TAIL_HALVES;
    for (let k = 0; k < halves && j + k < index.length && i < this.last; k++) {
      const jj = j + k;
      const d = this.direction(dir[jj]);
      if (k < searched) {
        const o = PER_HALF * k;
        const h = this.heads;
        writeControls(head, d, h[x[o + START]], h[x[o + END]], h[x[o + PUMP]]);
      } else {
        const r = reference[directionIndex(d.dir)] as HalfControls;
        writeControls(head, d, r.start, r.end, r.pump);
      }
      if (k < halves - 1) i = advance(decide, st, i, jj + 1 < index.length ? index[jj + 1] : this.last, this.through);
      else i = advance(decide, st, i, this.cap(jj), this.closing[directionIndex(d.dir)]);
    }
    if (price === null) return st.energy - st.pumpEnergy - (start.energy - start.pumpEnergy);
    const s = this.series as StepSeries;
    const dt = decide.dt;
    let gbp = 0;
    for (let k = i0; k < i; k++) gbp += (s.power[k] - s.pumpPower[k]) * dt * price[k];
    return gbp;
  }

  private boxFor(pumps: boolean[]): LatticeBox {
    const key = pumps.map((p) => (p ? 1 : 0)).join('');
    let b = this.boxes.get(key);
    if (!b) {
      b = latticeBox(this.inputs.problem.ranges, pumps);
      this.boxes.set(key, b);
    }
    return b;
  }

  /** Lattice point of controls, one per half tide, nudged into the box and made feasible; null if it cannot be. */
  private pointOf(box: LatticeBox, controls: readonly HalfControls[]): Int32Array | null {
    const step = this.inputs.problem.ranges.step;
    const x = new Int32Array(PER_HALF * controls.length);
    controls.forEach((c, k) => {
      const o = PER_HALF * k;
      const clamp = (v: number, q: number) => Math.min(box.hi[o + q], Math.max(box.lo[o + q], v));
      x[o + START] = clamp(toUnits(c.start, step), START);
      x[o + END] = clamp(Math.min(toUnits(c.end, step), x[o + START] - 1), END);
      x[o + PUMP] = clamp(Math.min(toUnits(c.pump, step), x[o + START] - 1), PUMP);
    });
    return feasible(box, x) ? x : null;
  }

  /**
   * Decision j from state `start` with thresholds `inForce`: searches the controls of the coming
   * half tides from the best of the latest decision of each direction (`latest`, by direction;
   * null entries fall back to the reference), the reference controls and a coarse grid over the
   * first half tide (COARSE_SPACING_M); returns the first half tide's controls.
   */
  decide(j: number, start: SolverState, inForce: Float64Array, latest: readonly (HalfControls | null)[]): Decision {
    const { decisions, lookahead, reference } = this.inputs;
    const ranges = this.inputs.problem.ranges;
    const { index, dir } = decisions;
    const halves: DirectionModes[] = [];
    for (let k = 0; k < lookahead && j + k < index.length; k++) halves.push(this.direction(dir[j + k]));
    const box = this.boxFor(halves.map((d) => d.pump >= 0));
    const search = new LatticeSearch(box);
    const value = (x: Int32Array) => this.windowValue(j, start, inForce, x);
    const ref = halves.map((d) => reference[directionIndex(d.dir)] as HalfControls);
    const warm = halves.map((d, k) => latest[directionIndex(d.dir)] ?? ref[k]);
    const starts: Int32Array[] = [];
    for (const c of [warm, ref]) {
      const p = this.pointOf(box, c);
      if (p) starts.push(p);
    }
    const base = starts[0] ?? box.lo.slice();
    const free = [START, END, PUMP].filter((q) => box.lo[q] < box.hi[q]);
    const strides = free.map((q) => Math.max(1, toUnits(COARSE_SPACING_M[q], ranges.step)));
    const ranked = searchSync(
      search,
      search.ranked(
        [...starts, ...search.gridPoints(base, free, strides)],
        this.inputs.problem.price ? COMPASS_STARTS_REVENUE : 1,
      ),
      value,
    );
    // One compass search over every half tide from the best start; from several starts, one
    // over the first half tide from each, then (with a longer look-ahead) one over every half
    // tide from the best of them.
    let found = ranked[0];
    if (ranked.length === 1) found = searchSync(search, search.compass(found, this.moves), value);
    else {
      for (const r of ranked) {
        const f = searchSync(search, search.compass(r, this.moves, { halves: 1 }), value);
        if (f.value > found.value) found = f;
      }
      if (halves.length > 1) found = searchSync(search, search.compass(found, this.moves), value);
    }
    this.evaluations += search.evaluations;
    const x = found.point;
    const d = halves[0];
    const step = ranges.step;
    return {
      controls: { start: headOf(x[START], step), end: headOf(x[END], step), pump: d.pump >= 0 ? headOf(x[PUMP], step) : 0 },
      value: found.value,
      evaluations: search.evaluations,
    };
  }
}

/** What a stretch of decisions produced. */
export interface DecisionRun {
  /** Controls of each decision reported, in order (m). */
  readonly controls: HalfControls[];
  readonly values: number[];
  /** Objective evaluations, warm-up included. */
  readonly evaluations: number;
  /** Basin level (m) at the first decision reported, as this stretch reached it. */
  readonly levelAtFirst: number;
}

/**
 * Makes decisions from..to-1 (reported), after decisions warm..from-1 (made and applied, not
 * reported). The state `st` is at sample `at` (at most the first decision's) with thresholds
 * `inForce` (both are advanced in place); `latest` holds the latest controls by direction.
 */
export function decideStretch(
  h: Horizon,
  warm: number,
  from: number,
  to: number,
  st: SolverState,
  at: number,
  inForce: Float64Array,
  latest: (HalfControls | null)[],
): DecisionRun {
  const { decisions } = h.inputs;
  const apply = h.inputs.problem.apply;
  const { index, dir } = decisions;
  const last = apply.eta.length - 1;
  const controls: HalfControls[] = [];
  const values: number[] = [];
  const before = h.evaluations;
  let levelAtFirst = NaN;
  let i = at;
  for (let j = warm; j < to; j++) {
    if (index[j] > i) i = advance(apply, st, i, index[j], { exitHead: inForce });
    if (j === from) levelAtFirst = st.level;
    const dec = h.decide(j, st, inForce, latest);
    const d = h.direction(dir[j]);
    writeControls(inForce, d, dec.controls.start, dec.controls.end, dec.controls.pump);
    latest[directionIndex(d.dir)] = dec.controls;
    if (j >= from) {
      controls.push(dec.controls);
      values.push(dec.value);
    }
    const next = j + 1 < index.length ? index[j + 1] : last;
    if (next > i) i = advance(apply, st, i, next, { exitHead: inForce });
  }
  return { controls, values, evaluations: h.evaluations - before, levelAtFirst };
}
