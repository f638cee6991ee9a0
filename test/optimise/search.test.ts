/**
 * The head search: a compass search that follows ridges, checked against the exhaustive lattice,
 * on a made-up objective and on real decision windows of the Mersey barrage.
 */
import { describe, expect, it } from 'vitest';
import { tableControls, writeAll } from '../../src/optimise/fixed.js';
import { Horizon } from '../../src/optimise/horizon.js';
import {
  END,
  LatticeSearch,
  latticeBox,
  movesInUnits,
  PUMP,
  START,
  searchBatched,
  searchesBatched,
  searchSync,
} from '../../src/optimise/lattice.js';
import { openProblem } from '../../src/optimise/problem.js';
import { decisionsOf, problemData } from '../../src/optimise/run.js';
import { advance } from '../../src/solver/advance.js';
import { startState } from '../../src/solver/run.js';
import { slackWaters } from '../../src/tide/turning-points.js';
import { merseyInputs } from './inputs.js';

/** The exhaustive maximum of the lattice (every feasible point). */
function exhaustive(search: LatticeSearch, f: (x: Int32Array) => number) {
  return searchSync(search, search.best(search.gridPoints(search.box.lo.slice(), [START, END, PUMP], [1, 1, 1])), f);
}

describe('the lattice search', () => {
  it('climbs a narrow ridge (the end head tied to the start head) that single-head moves cannot follow', () => {
    const box = latticeBox({ step: 0.1, start: [1, 6], end: [0.5, 4], pump: [0, 4] }, [true]);
    // Best at start 4.7 m, end 3.8 m, pump 1.9 m; off the ridge end = start - 0.9 m it falls steeply.
    const f = (x: Int32Array) => -((x[START] - 47) ** 2) - 50 * (x[END] - (x[START] - 9)) ** 2 - (x[PUMP] - 19) ** 2;
    const s = new LatticeSearch(box);
    const from = searchSync(s, s.best([Int32Array.from([15, 6, 0])]), f);
    const found = searchSync(s, s.compass(from, movesInUnits([0.4, 0.2, 0.1], 0.1)), f);
    expect(Array.from(found.point)).toEqual([47, 38, 19]);
    expect(found.value === 0).toBe(true);
    // ... at a fraction of the lattice's cost.
    const all = new LatticeSearch(box);
    exhaustive(all, f);
    expect(s.evaluations).toBeLessThan(all.evaluations / 20);
  });

  it("with pairs at the 'step': moves one head at a time while the move is longer than the lattice step, and pairs of heads at the step", () => {
    const box = latticeBox({ step: 0.1, start: [1, 6], end: [0.5, 4], pump: [0, 4] }, [true]);
    const from = Int32Array.from([30, 15, 10]);
    const asked: Int32Array[][] = [];
    const s = new LatticeSearch(box);
    const steps = s.compass({ point: from, value: 0 }, [4, 1], { pairs: 'step' });
    // A flat objective below the start: no move improves, so each move's neighbours are asked once.
    for (let r = steps.next(); !r.done; r = steps.next()) {
      asked.push(r.value);
      for (const x of r.value) s.record(x, -1);
    }
    const heads = (x: Int32Array) => Array.from(x, (v, q) => v - from[q]).filter((d) => d !== 0);
    expect(asked.map((b) => b.map(heads))).toEqual([
      [[4], [-4], [4], [-4], [4], [-4]],
      [
        [1],
        [-1],
        [1],
        [-1],
        [1],
        [-1],
        [1, 1],
        [-1, -1],
        [1, -1],
        [-1, 1],
        [1, 1],
        [-1, -1],
        [1, -1],
        [-1, 1],
        [1, 1],
        [-1, -1],
        [1, -1],
        [-1, 1],
      ],
    ]);
  });

  it('keeps what it has valued: no point is valued twice, and ties keep the first point', () => {
    const box = latticeBox({ step: 0.5, start: [1, 3], end: [0.5, 2], pump: [0, 1] }, [true]);
    let calls = 0;
    const f = () => {
      calls++;
      return 1;
    };
    const s = new LatticeSearch(box);
    const grid = s.gridPoints(box.lo.slice(), [START, END, PUMP], [1, 1, 1]);
    const best = searchSync(s, s.best([...grid, ...grid]), f);
    expect(calls).toBe(grid.length);
    expect(s.evaluations).toBe(grid.length);
    expect(Array.from(best.point)).toEqual(Array.from(grid[0]));
  });

  it('runs searches in lockstep to the ends they reach one after another, valuing the same points each once', async () => {
    const box = latticeBox({ step: 0.1, start: [1, 6], end: [0.5, 4], pump: [0, 4] }, [true]);
    // Two hills, so that compass searches from different points end at different heads.
    const f = (x: Int32Array) =>
      Math.max(
        -((x[START] - 47) ** 2) - (x[END] - 30) ** 2 - (x[PUMP] - 19) ** 2,
        -5 - (x[START] - 20) ** 2 - (x[END] - 8) ** 2 - (x[PUMP] - 3) ** 2,
      );
    const froms = [Int32Array.from([15, 6, 0]), Int32Array.from([50, 30, 10]), Int32Array.from([25, 10, 5])];
    const moves = movesInUnits([0.2, 0.1], 0.1);
    const batches: number[] = [];
    const valued: string[][] = [[], []];
    const evaluate = (k: number) => async (points: Int32Array[]) => {
      batches.push(points.length);
      for (const x of points) valued[k].push(x.join(','));
      return points.map(f);
    };
    const one = new LatticeSearch(box);
    const alone = [];
    for (const x of froms) {
      const from = await searchBatched(one, one.best([x]), evaluate(0));
      alone.push(await searchBatched(one, one.compass(from, moves, { halves: 1, poll: 2 }), evaluate(0)));
    }
    const lockstepBatchesFrom = batches.length;
    const all = new LatticeSearch(box);
    const starts = await searchesBatched(
      all,
      froms.map((x) => all.best([x])),
      evaluate(1),
    );
    const together = await searchesBatched(
      all,
      starts.map((r) => all.compass(r, moves, { halves: 1, poll: 2 })),
      evaluate(1),
    );
    expect(together.map((r) => [Array.from(r.point), r.value])).toEqual(alone.map((r) => [Array.from(r.point), r.value]));
    expect(new Set(alone.map((r) => r.point.join(','))).size).toBe(2);
    expect([...valued[1]].sort()).toEqual([...valued[0]].sort());
    expect(new Set(valued[1]).size).toBe(valued[1].length);
    expect(batches.length - lockstepBatchesFrom).toBeLessThan(lockstepBatchesFrom);
  });

  it('finds the exhaustive lattice optimum of real decision windows (Mersey, net energy)', () => {
    // A 0.2 m lattice keeps the exhaustive search short; the search itself runs as at 0.1 m.
    const inputs = {
      ...merseyInputs('2018-02-12T00:00:00Z', 5, 600),
      ranges: {
        step: 0.2,
        start: [1, 6] as [number, number],
        end: [0.4, 4] as [number, number],
        pump: [0, 4] as [number, number],
      },
    };
    const p = openProblem(problemData(inputs));
    const { decisions } = decisionsOf(p, slackWaters(inputs.sea));
    const reference = tableControls(p, inputs.ops.exitHead);
    const h = new Horizon({ problem: p, decisions, lookahead: 1, reference });
    const st = startState(p.apply);
    const inForce = inputs.ops.exitHead.slice();
    writeAll(inForce, p.directions, reference);
    let i = 0;
    for (const j of [3, 6, 9, 12]) {
      i = advance(p.apply, st, i, decisions.index[j], { exitHead: inForce });
      const d = h.decide(j, st, inForce, [null, null]);
      const box = latticeBox(inputs.ranges, [true]);
      const all = exhaustive(new LatticeSearch(box), (x) => h.windowValue(j, st, inForce, x));
      expect(d.value).toBe(all.value);
      expect(d.evaluations).toBeLessThan((box.hi[START] * box.hi[END] * (box.hi[PUMP] + 1)) / 4);
    }
  });
});
