/**
 * The search over heads: points of a lattice of spacing `step` (m), three coordinates per half
 * tide (start head, end head, pumping target, in lattice units), and a deterministic search that
 * finds a lattice optimum without visiting the whole lattice.
 *
 * The search is a compass (pattern) search: from the best of its starting points it tries one
 * move up and one down along every coordinate, takes the best improvement, and when none is left
 * halves the move, down to one lattice step. It ends at a point no single-step move improves: a
 * local optimum of the lattice at its full resolution. Starting points come from a coarse grid
 * over the first half tide and from known good controls, so that the search is not caught by a
 * distant local optimum (tested against the exhaustive lattice: test/optimise/search.test.ts).
 * Every value is cached, and ties keep the point found first, so the result depends on the
 * objective alone.
 */

/** Coordinates of one half tide in a point. */
export const START = 0;
export const END = 1;
export const PUMP = 2;
export const PER_HALF = 3;

/** Bounds of the lattice (lattice units, inclusive), per coordinate of a point. */
export interface LatticeBox {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
}

/** Ranges of the heads (m): start and end heads, and the pumping target where a direction pumps. */
export interface HeadRanges {
  /** Lattice spacing (m). */
  readonly step: number;
  readonly start: readonly [number, number];
  readonly end: readonly [number, number];
  readonly pump: readonly [number, number];
}

/** Lattice units of a head (m): the nearest lattice point. */
export function toUnits(head: number, step: number): number {
  return Math.round(head / step);
}

/** Head (m) of a lattice coordinate: units times the step, rounded to 12 significant digits (1.9, not 1.9000000000000001). */
export function headOf(units: number, step: number): number {
  return Number((units * step).toPrecision(12));
}

/** The box of a point over half tides that pump (true) or not, in that order. */
export function latticeBox(r: HeadRanges, pumps: readonly boolean[]): LatticeBox {
  const lo = new Int32Array(PER_HALF * pumps.length);
  const hi = new Int32Array(PER_HALF * pumps.length);
  pumps.forEach((p, h) => {
    const o = PER_HALF * h;
    lo[o + START] = Math.max(1, Math.ceil(r.start[0] / r.step - 1e-9));
    hi[o + START] = Math.floor(r.start[1] / r.step + 1e-9);
    lo[o + END] = Math.max(0, Math.ceil(r.end[0] / r.step - 1e-9));
    hi[o + END] = Math.floor(r.end[1] / r.step + 1e-9);
    lo[o + PUMP] = p ? Math.max(0, Math.ceil(r.pump[0] / r.step - 1e-9)) : 0;
    hi[o + PUMP] = p ? Math.floor(r.pump[1] / r.step + 1e-9) : 0;
    if (lo[o + START] > hi[o + START] || lo[o + END] > hi[o + END] || lo[o + PUMP] > hi[o + PUMP]) {
      throw new RangeError(
        `head ranges hold no lattice point at ${r.step} m: start ${r.start.join('-')} m, end ${r.end.join('-')} m, pump ${r.pump.join('-')} m`,
      );
    }
  });
  return { lo, hi };
}

/** True when x is inside the box and every half tide ends and pumps below its start head. */
export function feasible(box: LatticeBox, x: Int32Array): boolean {
  for (let k = 0; k < x.length; k++) if (x[k] < box.lo[k] || x[k] > box.hi[k]) return false;
  for (let o = 0; o < x.length; o += PER_HALF) {
    if (x[o + END] >= x[o + START]) return false;
    if (x[o + PUMP] >= x[o + START]) return false;
  }
  return true;
}

/**
 * Unit moves of the compass search, per half tide: along each head, and along the pairs of heads
 * moved together (start and end, start and pumping target, end and pumping target), each way.
 * The pairs matter: the best controls often lie on a ridge, such as an end head one step below
 * the start head, that single-head moves cannot follow. Coordinates fixed by the box are left out.
 * Written over the PER_HALF coordinates of a half tide, so a head added to the point is searched
 * (alone and in pairs) without change here.
 */
function searchDirections(box: LatticeBox): Int32Array {
  const dims = box.lo.length;
  const free = (k: number) => box.lo[k] < box.hi[k];
  const out: number[] = [];
  const add = (ks: number[], signs: number[]) => {
    const v = new Array<number>(dims).fill(0);
    for (let i = 0; i < ks.length; i++) v[ks[i]] = signs[i];
    out.push(...v);
  };
  for (let o = 0; o < dims; o += PER_HALF) {
    for (let q = 0; q < PER_HALF; q++) {
      if (!free(o + q)) continue;
      add([o + q], [1]);
      add([o + q], [-1]);
    }
    for (let a = 0; a < PER_HALF; a++) {
      for (let b = a + 1; b < PER_HALF; b++) {
        if (!free(o + a) || !free(o + b)) continue;
        for (const [sa, sb] of [
          [1, 1],
          [-1, -1],
          [1, -1],
          [-1, 1],
        ])
          add([o + a, o + b], [sa, sb]);
      }
    }
  }
  return Int32Array.from(out);
}

/** Moves (lattice units) from moves in metres, largest first: distinct, ending at one lattice step. */
export function movesInUnits(moves: readonly number[], step: number): number[] {
  const out: number[] = [];
  for (const m of moves) {
    const u = Math.max(1, toUnits(m, step));
    if (out.length === 0 || u < out[out.length - 1]) out.push(u);
  }
  if (out[out.length - 1] !== 1) out.push(1);
  return out;
}

/** How a compass search moves (LatticeSearch.compass). */
export interface CompassOptions {
  /** Half tides whose heads it moves, the first ones (default: all). */
  readonly halves?: number;
  /** Neighbours valued at a time (default Infinity: all, then the best). */
  readonly poll?: number;
  /** Where pairs of heads move: at every move length (default) or at the lattice step only. */
  readonly pairs?: 'every move' | 'step';
}

export interface SearchResult {
  readonly point: Int32Array;
  readonly value: number;
}

/**
 * A search step: yields the points whose values it needs next (feasible, not yet known), and
 * returns its result. A driver evaluates the points, records their values and resumes it:
 * `searchSync` one by one, a parallel driver in batches on worker threads.
 */
export type SearchSteps<T = SearchResult> = Generator<Int32Array[], T, void>;

/**
 * A search over one box for the largest value of an objective (maximised), split into the steps
 * above. Values are cached by point; ties keep the point found first.
 */
export class LatticeSearch {
  private readonly cache = new Map<number, number>();
  private readonly radix: number;
  /** The compass's unit moves, one after another (each as long as a point). */
  private readonly directions: Int32Array;
  /** Objective values recorded (evaluations). */
  evaluations = 0;

  constructor(readonly box: LatticeBox) {
    let span = 0;
    for (let k = 0; k < box.lo.length; k++) span = Math.max(span, box.hi[k] - box.lo[k] + 1);
    this.radix = span;
    if (span ** box.lo.length > Number.MAX_SAFE_INTEGER)
      throw new RangeError(`the head lattice is too fine to search (${span} points per coordinate)`);
    this.directions = searchDirections(box);
  }

  /** True when unit move k moves one head alone (false: a pair). */
  private movesOneHead(k: number): boolean {
    const dims = this.box.lo.length;
    let moved = 0;
    for (let q = 0; q < dims; q++) if (this.directions[k * dims + q] !== 0) moved++;
    return moved === 1;
  }

  private key(x: Int32Array): number {
    let k = 0;
    for (let i = 0; i < x.length; i++) k = k * this.radix + (x[i] - this.box.lo[i]);
    return k;
  }

  /** The value recorded at x: -Infinity outside the feasible set, undefined when not yet known. */
  known(x: Int32Array): number | undefined {
    if (!feasible(this.box, x)) return -Infinity;
    return this.cache.get(this.key(x));
  }

  /** Records the objective's value at x. */
  record(x: Int32Array, value: number): void {
    this.cache.set(this.key(x), value);
    this.evaluations++;
  }

  /** The points of `points` whose values are still needed, each once. */
  needed(points: readonly Int32Array[]): Int32Array[] {
    const out: Int32Array[] = [];
    const seen = new Set<number>();
    for (const p of points) {
      if (this.known(p) !== undefined) continue;
      const k = this.key(p);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(p);
      }
    }
    return out;
  }

  /** The best of the given points (the first of equals). */
  *best(points: readonly Int32Array[]): SearchSteps {
    return (yield* this.ranked(points, 1))[0];
  }

  /** The `count` best distinct points of `points`, best first (equals in the order given). */
  *ranked(points: readonly Int32Array[], count: number): SearchSteps<SearchResult[]> {
    const need = this.needed(points);
    if (need.length > 0) yield need;
    const seen = new Set<number>();
    const all: { point: Int32Array; value: number; order: number }[] = [];
    points.forEach((p, order) => {
      const v = this.known(p) as number;
      if (v === -Infinity) return;
      const k = this.key(p);
      if (seen.has(k)) return;
      seen.add(k);
      all.push({ point: p.slice(), value: v, order });
    });
    all.sort((a, b) => b.value - a.value || a.order - b.order);
    const out = all.slice(0, count).map(({ point, value }) => ({ point, value }));
    return out.length > 0 ? out : [{ point: points[0].slice(), value: -Infinity }];
  }

  /**
   * The feasible points of a grid over the coordinates `dims` of `base` (the others kept), each
   * from its lower bound upwards by `stride[k]` units, always including its upper bound.
   */
  gridPoints(base: Int32Array, dims: readonly number[], stride: readonly number[]): Int32Array[] {
    const points: Int32Array[] = [];
    const x = base.slice();
    const walk = (k: number): void => {
      if (k === dims.length) {
        if (feasible(this.box, x)) points.push(x.slice());
        return;
      }
      const d = dims[k];
      const lo = this.box.lo[d];
      const hi = this.box.hi[d];
      for (let u = lo; ; u += stride[k]) {
        x[d] = Math.min(u, hi);
        walk(k + 1);
        if (u >= hi) break;
      }
    };
    walk(0);
    return points;
  }

  /**
   * Compass search from `from`, with the moves given (lattice units, largest first, ending at 1),
   * moving the coordinates of the first `o.halves` half tides (default: all). Every move length
   * moves each head alone and each pair of heads; with `o.pairs` 'step', moves longer than one
   * lattice step move one head at a time and pairs only at the step: a long move then only brings
   * the search near, and the ridges pairs follow are followed at the lattice's resolution, where
   * the end is a local optimum for every single and paired move all the same.
   *
   * `o.poll` is how many neighbours are valued at a time. Infinity (the default) values them all
   * and moves to the best. A smaller poll is opportunistic: neighbours are valued `poll` at a
   * time, the move that last succeeded first, and the search moves to the best of the first
   * group that improves, so a climb costs a fraction of the full polls. The result depends on
   * `poll`, never on how the groups are valued (one by one or on worker threads).
   */
  *compass(from: SearchResult, moves: readonly number[], o: CompassOptions = {}): SearchSteps {
    const { halves = this.box.lo.length / PER_HALF, poll = Infinity, pairs = 'every move' } = o;
    const x = from.point.slice();
    let value = from.value;
    const dims = x.length;
    // searchDirections lists the moves half tide by half tide: keep those of the first `halves`.
    let used = 0;
    while (used < this.directions.length) {
      let k = 0;
      while (k < dims && this.directions[used + k] === 0) k++;
      if (k >= halves * PER_HALF) break;
      used += dims;
    }
    const count = used / dims;
    const order = Array.from({ length: count }, (_, k) => k);
    const group = Math.max(1, Math.min(poll, count));
    for (const move of moves) {
      for (;;) {
        let moved = false;
        const polled = pairs === 'step' && move > 1 ? order.filter((k) => this.movesOneHead(k)) : order;
        for (let g = 0; g < polled.length && !moved; g += group) {
          const tried = polled.slice(g, g + group);
          const around = tried.map((k) => {
            const t = x.slice();
            for (let q = 0; q < dims; q++) t[q] += move * this.directions[k * dims + q];
            return t;
          });
          const need = this.needed(around);
          if (need.length > 0) yield need;
          let best = -1;
          let bestV = value;
          around.forEach((t, k) => {
            const v = this.known(t) as number;
            if (v > bestV) {
              bestV = v;
              best = k;
            }
          });
          if (best < 0) continue;
          x.set(around[best]);
          value = bestV;
          moved = true;
          if (group < count) order.unshift(...order.splice(order.indexOf(tried[best]), 1));
        }
        if (!moved) break;
      }
    }
    return { point: x, value };
  }

  /** The `count` best points valued so far, best first (equals in the order they were valued). */
  recorded(count: number): SearchResult[] {
    const all = [...this.cache].map(([k, value]) => ({ point: this.pointOf(k), value }));
    return all.sort((a, b) => b.value - a.value).slice(0, count);
  }

  private pointOf(key: number): Int32Array {
    const x = new Int32Array(this.box.lo.length);
    for (let i = x.length - 1; i >= 0; i--) {
      x[i] = (key % this.radix) + this.box.lo[i];
      key = Math.floor(key / this.radix);
    }
    return x;
  }
}

/** Runs a search to its end, evaluating each point it needs with `objective`, one by one. */
export function searchSync<T>(search: LatticeSearch, steps: SearchSteps<T>, objective: (x: Int32Array) => number): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    for (const p of r.value) search.record(p, objective(p));
  }
}

/** Runs a search to its end, evaluating the points it needs in batches with `evaluate` (values in the batch's order). */
export async function searchBatched<T>(
  search: LatticeSearch,
  steps: SearchSteps<T>,
  evaluate: (points: Int32Array[]) => Promise<ArrayLike<number>>,
): Promise<T> {
  return (await searchesBatched(search, [steps], evaluate))[0];
}

/**
 * Runs several searches on one lattice to their ends in lockstep: each batch is every point the
 * searches still running need next, each once. A search's path depends on the values alone, so
 * each ends where it would alone, and the points valued are those the searches valued one after
 * another would value; the batches are larger, which keeps more workers busy.
 */
export async function searchesBatched<T>(
  search: LatticeSearch,
  steps: readonly SearchSteps<T>[],
  evaluate: (points: Int32Array[]) => Promise<ArrayLike<number>>,
): Promise<T[]> {
  const out: T[] = new Array(steps.length);
  let running = steps.map((_, k) => k);
  while (running.length > 0) {
    const asked: Int32Array[] = [];
    const next: number[] = [];
    for (const k of running) {
      const r = steps[k].next();
      if (r.done) out[k] = r.value;
      else {
        next.push(k);
        asked.push(...r.value);
      }
    }
    running = next;
    // Each search asks only for points not yet valued, each once: only several can ask twice.
    const batch = next.length > 1 ? search.needed(asked) : asked;
    if (batch.length === 0) continue;
    const values = await evaluate(batch);
    for (let k = 0; k < batch.length; k++) search.record(batch[k], values[k]);
  }
  return out;
}
