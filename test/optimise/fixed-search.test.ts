/**
 * The fixed-head search (climb on a sample of the year, then compass searches over the whole
 * year) against the search it replaced (a coarse grid and three full compass searches, every
 * point a run over the whole year), on the default scenario: at least as good, at a fraction of
 * the runs. And the sample itself: a quarter of the year that ranks heads as the year does.
 */
import { describe, expect, it } from 'vitest';
import { type Controls, pointControls, searchFixed, tableControls } from '../../src/optimise/fixed.js';
import {
  FixedEvaluator,
  SAMPLE_WARMUP_S,
  SAMPLE_WINDOW_S,
  SAMPLE_WINDOWS,
  samplable,
} from '../../src/optimise/fixed-objective.js';
import { END, feasible, LatticeSearch, latticeBox, PER_HALF, PUMP, START } from '../../src/optimise/lattice.js';
import { openProblem, type Problem } from '../../src/optimise/problem.js';
import { problemData } from '../../src/optimise/run.js';
import { optimiseSettings } from '../../src/optimise/scenario.js';
import { buildRun } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/load.js';
import { MERSEY } from '../fixtures.js';

function defaultProblem(): Problem {
  const s = loadScenario(MERSEY);
  const { sea, scheme, ops } = buildRun(s);
  return openProblem(problemData({ sea, scheme, ops, ranges: optimiseSettings(s).ranges, lookahead: 1 }));
}

/**
 * The previous search, written out here as the reference: grid (1 m, heads copied to every
 * direction) and the scenario's heads, then full compass searches (every head alone and every pair
 * of heads of a direction moved both ways, all polled, at 0.8 m halved to 0.1 m) from the three
 * best, every point a run over the whole year.
 */
function previousSearch(p: Problem, objective: (x: Int32Array) => number) {
  const box = latticeBox(
    p.ranges,
    p.directions.map((d) => d.pump >= 0),
  );
  const values = new Map<string, number>();
  const value = (x: Int32Array) => {
    if (!feasible(box, x)) return -Infinity;
    const key = x.join(',');
    let v = values.get(key);
    if (v === undefined) {
      v = objective(x);
      values.set(key, v);
    }
    return v;
  };
  const units: Int32Array[] = [];
  for (let o = 0; o < box.lo.length; o += PER_HALF) {
    for (let a = 0; a < PER_HALF; a++) {
      for (const sa of [1, -1]) {
        const single = new Int32Array(box.lo.length);
        single[o + a] = sa;
        units.push(single);
        for (let b = a + 1; b < PER_HALF; b++) {
          for (const sb of [1, -1]) {
            const pair = single.slice();
            pair[o + b] = sb;
            units.push(pair);
          }
        }
      }
    }
  }
  const c = tableControls(p, p.apply.ops.exitHead);
  const x0 = new Int32Array(box.lo.length);
  p.directions.forEach((d, k) => {
    const h = c[d.dir > 0 ? 0 : 1] as NonNullable<Controls[0]>;
    x0.set([Math.round(h.start / 0.1), Math.round(h.end / 0.1), Math.round(h.pump / 0.1)], PER_HALF * k);
  });
  const grid = new LatticeSearch(box).gridPoints(x0, [START, END, PUMP], [10, 10, 10]).map((g) => {
    for (let o = PER_HALF; o < g.length; o += PER_HALF) for (let q = 0; q < PER_HALF; q++) g[o + q] = g[q];
    return g;
  });
  const seen = new Set<string>();
  const starts = [x0, ...grid]
    .filter((x) => value(x) > -Infinity && !seen.has(x.join(',')) && seen.add(x.join(',')))
    .sort((a, b) => value(b) - value(a))
    .slice(0, 3);
  let found = { point: x0, value: -Infinity };
  for (const start of starts) {
    const x = start.slice();
    for (const move of [8, 4, 2, 1]) {
      for (;;) {
        let best: Int32Array | null = null;
        for (const u of units) {
          const t = x.map((v, q) => v + move * u[q]);
          if (value(t) > (best ? value(best) : value(x))) best = t;
        }
        if (!best) break;
        x.set(best);
      }
    }
    if (value(x) > found.value) found = { point: x, value: value(x) };
  }
  return { ...found, evaluations: values.size };
}

describe('the fixed-head search on the default scenario', () => {
  const p = defaultProblem();
  const period = new FixedEvaluator(p);
  const sample = new FixedEvaluator(p, p.apply, true);
  const valued = (ev: FixedEvaluator) => (x: Int32Array) => ev.value(pointControls(p, x));

  it('finds heads at least as good as the previous search, in fewer runs of the year (sample runs counted by the share of the year they cover)', async () => {
    expect(sample.sampled).toBe(samplable(p.apply.sea));
    expect(sample.sampled).toBe(true);
    const result = await searchFixed(p, tableControls(p, p.apply.ops.exitHead), true, async (points, fidelity) =>
      points.map(valued(fidelity === 'sample' ? sample : period)),
    );
    const before = previousSearch(p, valued(period));
    expect(result.value).toBe(period.value(result.controls));
    expect(result.value).toBeGreaterThanOrEqual(before.value);
    // Cost in runs of the year: the sample's runs count for the share of the year they cover.
    const share = (SAMPLE_WINDOWS * (SAMPLE_WINDOW_S + SAMPLE_WARMUP_S)) / (p.apply.sea.level.length * p.apply.sea.dt);
    const cost = result.evaluations + result.sampleEvaluations * share;
    expect(cost).toBeLessThan(before.evaluations);
  }, 300_000);

  it('values a sample that ranks heads as the whole year does', () => {
    // Heads across the lattice: the sample's order of them is the year's (rank correlation).
    const heads: Int32Array[] = [];
    for (const s of [30, 40, 50])
      for (const e of [10, 20]) for (const u of [0, 20]) heads.push(Int32Array.from([s, e, u, s - 15, e, u / 2]));
    const rank = (v: number[]) => {
      const order = v.map((_, k) => k).sort((a, b) => v[a] - v[b]);
      const r = new Array<number>(v.length);
      for (let i = 0; i < order.length; i++) r[order[i]] = i;
      return r;
    };
    const a = rank(heads.map(valued(sample)));
    const b = rank(heads.map(valued(period)));
    const n = heads.length;
    const d2 = a.reduce((s, r, k) => s + (r - b[k]) ** 2, 0);
    expect(1 - (6 * d2) / (n * (n * n - 1))).toBeGreaterThan(0.95);
  });
});
