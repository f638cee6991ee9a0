/**
 * Flexible operation on worker threads: the same numbers, to the last bit, whatever the number of
 * workers; chunks of half tides decided in parallel give the decisions of one sequential pass,
 * to within what their warm-up leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan, recordedFixedRun } from '../../src/optimise/apply.js';
import { openProblem } from '../../src/optimise/problem.js';
import { bestFixed, flexiblePlan, problemData } from '../../src/optimise/run.js';
import { WorkerPool } from '../../src/parallel/pool.js';
import { constantAreaBasin } from '../../src/scheme/basin.js';
import { merseyInputs, sineLagoon } from '../fixtures.js';

const pools: Record<number, WorkerPool> = {};
beforeAll(() => {
  pools[1] = new WorkerPool(1);
  pools[2] = new WorkerPool(2);
});
afterAll(async () => {
  await Promise.all(Object.values(pools).map((p) => p.close()));
});

describe('flexible operation on worker threads', () => {
  const inputs = merseyInputs('2018-04-10T00:00:00Z', 9, 600);
  const data = problemData(inputs);

  it('gives identical heads, decisions and energy on 1 and 2 workers', async () => {
    const runs = [];
    for (const w of [1, 2]) {
      const fixed = await bestFixed(data, pools[w]);
      const plan = await flexiblePlan(data, pools[w], fixed.controls, 1, { chunkDecisions: 8, fixedRuns: [fixed.controls] });
      const { totals } = applyPlan(openProblem(data), plan.decisions, plan.controls, fixed.controls);
      runs.push({ fixed, plan, totals });
    }
    const [one, two] = runs;
    expect(one.plan.chunks).toBeGreaterThanOrEqual(4);
    expect(two.fixed.controls).toEqual(one.fixed.controls);
    expect(two.fixed.value).toBe(one.fixed.value);
    expect(two.plan.controls).toEqual(one.plan.controls);
    expect(two.plan.values).toEqual(one.plan.values);
    expect(two.plan.evaluations).toBe(one.plan.evaluations);
    expect(two.totals).toEqual(one.totals);
    // The run the plan applied as its chunks came back (in any order) is the run made in one go.
    expect(one.plan.totals).toEqual(one.totals);
    expect(two.plan.totals).toEqual(two.totals);
    // The fixed-head run a worker recorded is the one made here.
    const here = recordedFixedRun(openProblem(data), one.fixed.controls);
    for (const { plan } of runs) {
      const [there] = plan.fixedRuns;
      expect(there.totals).toEqual(here.totals);
      expect(there.series).toEqual(here.series);
      expect(there.log.count).toBe(here.log.count);
      expect(there.log.start.subarray(0, there.log.count)).toEqual(here.log.start.subarray(0, here.log.count));
      expect(there.log.generated.subarray(0, there.log.count)).toEqual(here.log.generated.subarray(0, here.log.count));
    }
  });

  it('decides in parallel chunks what one sequential pass decides, to within the warm-up', async () => {
    const fixed = await bestFixed(data, pools[2]);
    const chunked = await flexiblePlan(data, pools[2], fixed.controls, 1, { chunkDecisions: 8 });
    const sequential = await flexiblePlan(data, pools[2], fixed.controls, 1, { chunkDecisions: 1e6 });
    expect(sequential.chunks).toBe(1);
    expect(sequential.chunkLevelMismatch).toBe(0);
    const p = openProblem(data);
    const net = (plan: typeof chunked) => {
      const t = applyPlan(p, plan.decisions, plan.controls, fixed.controls).totals;
      return t.energy - t.pumpEnergy;
    };
    const same = chunked.controls.filter((c, j) => JSON.stringify(c) === JSON.stringify(sequential.controls[j])).length;
    expect(same / chunked.controls.length).toBeGreaterThan(0.9);
    expect(Math.abs(net(chunked) / net(sequential) - 1)).toBeLessThan(1e-3);
    // The level each chunk decided its first half tide from, against the one the run reaches there.
    expect(chunked.chunkLevelMismatch).toBeLessThan(0.2);
  });
});

describe('a failure in a worker', () => {
  it('fails the run, naming the heads that failed and the reason the solver gave', async () => {
    // A lagoon whose area curve ends 1 m above high water: pumping 3 m above the sea takes the
    // basin out of it, and the solver stops that run rather than extrapolate.
    const inputs = sineLagoon(3, 600);
    const data = problemData({ ...inputs, scheme: { ...inputs.scheme, basin: constantAreaBasin(1e7, -3, 3) } });
    await expect(bestFixed(data, pools[2])).rejects.toThrow(
      /^the run over the period at fixed heads ebb [\d.]+\/[\d.]+ m, pump to [\d.]+ m; flood [\d.]+\/[\d.]+ m, pump to [\d.]+ m failed in a worker: at 2018-01-0\dT[\d:]+Z \(step \d+, mode pump-(high|low)\): the basin level -?[\d.]+ m left the range of the basin's area curve \(-3 to 3 m\)/,
    );
  });
});
