/**
 * Flexible operation on worker threads: the same numbers, to the last bit, whatever the number of
 * workers; chunks of half tides decided in parallel give the decisions of one sequential pass,
 * to within what their warm-up leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan, type RecordedRun, recordedFixedRun, recorders } from '../../src/optimise/apply.js';
import { type ChunkOutcome, type FlexibleTaskInit, setup } from '../../src/optimise/flexible-task.js';
import { openProblem } from '../../src/optimise/problem.js';
import { bestFixed, flexiblePlan, problemData } from '../../src/optimise/run.js';
import { type Job, WorkerPool } from '../../src/parallel/pool.js';
import { constantAreaBasin } from '../../src/scheme/basin.js';
import { merseyInputs, sineLagoon } from './inputs.js';

/** Two recorded runs are the same to the last bit: totals, every step of the series, every mode-log field. */
function expectSameRun(a: RecordedRun, b: RecordedRun): void {
  expect(a.totals).toEqual(b.totals);
  expect(a.series).toEqual(b.series);
  const used = (r: RecordedRun) => {
    const n = r.log.count;
    const { start, mode, generated, pumped, end } = r.log;
    return {
      n,
      end,
      start: start.slice(0, n),
      mode: mode.slice(0, n),
      generated: generated.slice(0, n),
      pumped: pumped.slice(0, n),
    };
  };
  expect(used(a)).toEqual(used(b));
}

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
  /** The best fixed heads on 2 workers, searched once for the file: the plans below start from them. */
  let onTwo: ReturnType<typeof bestFixed> | undefined;
  const bestFixedOnTwo = () => (onTwo ??= bestFixed(data, pools[2]));

  it('gives identical heads, decisions and energy on 1 and 2 workers', async () => {
    const runs = [];
    for (const w of [1, 2]) {
      const fixed = w === 2 ? await bestFixedOnTwo() : await bestFixed(data, pools[w]);
      const applied = recorders(inputs.sea.level.length);
      const plan = await flexiblePlan(data, pools[w], fixed.controls, 1, {
        chunkDecisions: 8,
        fixedRuns: [fixed.controls],
        ...applied,
      });
      runs.push({ fixed, plan, applied });
    }
    const [one, two] = runs;
    expect(one.plan.chunks).toBeGreaterThanOrEqual(4);
    expect(two.fixed.controls).toEqual(one.fixed.controls);
    expect(two.fixed.value).toBe(one.fixed.value);
    expect(two.plan.controls).toEqual(one.plan.controls);
    expect(two.plan.values).toEqual(one.plan.values);
    expect(two.plan.evaluations).toBe(one.plan.evaluations);
    const p = openProblem(data);
    // The run the plan applied as its chunks came back is the run made here in one go, and so is
    // the fixed-head run a worker recorded.
    const made = recorders(inputs.sea.level.length);
    const inOneGo = { totals: applyPlan(p, one.plan.decisions, one.plan.controls, one.fixed.controls, made), ...made };
    const fixedHere = recordedFixedRun(p, one.fixed.controls);
    for (const { plan, applied } of runs) {
      expectSameRun({ totals: plan.totals, ...applied }, inOneGo);
      expectSameRun(plan.fixedRuns[0], fixedHere);
    }
  });

  it('applies the chunks in order whatever order they come back in', async () => {
    // A pool that runs the tasks here and hands back their results last first.
    const reversed = {
      run: async (job: Job<FlexibleTaskInit, ChunkOutcome | RecordedRun>) => {
        const task = setup(job.init);
        const results = Array.from(job.indices, (index) => task(index));
        for (let pos = results.length - 1; pos >= 0; pos--) job.onResult?.(pos, results[pos]);
        return [];
      },
    } as unknown as WorkerPool;
    const fixed = await bestFixedOnTwo();
    const plan = (pool: WorkerPool) => {
      const applied = recorders(inputs.sea.level.length);
      return flexiblePlan(data, pool, fixed.controls, 1, { chunkDecisions: 8, fixedRuns: [fixed.controls], ...applied }).then(
        (r) => ({ r, applied }),
      );
    };
    const [back, forth] = [await plan(reversed), await plan(pools[1])];
    expect(back.r.controls).toEqual(forth.r.controls);
    expect(back.r.chunkLevelMismatch).toBe(forth.r.chunkLevelMismatch);
    expectSameRun({ totals: back.r.totals, ...back.applied }, { totals: forth.r.totals, ...forth.applied });
    expectSameRun(back.r.fixedRuns[0], forth.r.fixedRuns[0]);
  });

  it('decides in parallel chunks what one sequential pass decides, to within the warm-up', async () => {
    const fixed = await bestFixedOnTwo();
    const chunked = await flexiblePlan(data, pools[2], fixed.controls, 1, { chunkDecisions: 8 });
    const sequential = await flexiblePlan(data, pools[2], fixed.controls, 1, { chunkDecisions: 1e6 });
    expect(sequential.chunks).toBe(1);
    expect(sequential.chunkLevelMismatch).toBe(0);
    // The net energy of the run each plan applied as it went.
    const net = (plan: typeof chunked) => plan.totals.energy - plan.totals.pumpEnergy;
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
