// Design sweeps on worker threads: a 1,000-design Latin hypercube of fixed-head (ebb-only) years
// of the Mersey barrage (observed 2018 tide, 5-minute steps, the default), on 1 and 2 workers:
// designs per second, the speed-up of 2 workers over 1 (target >= 1.8x), and the fixed cost of a
// sweep (worker start-up, sea level built and shared, task set-up in each worker).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCENARIO, WorkerPool, buildRun, checkDesigns, allIndices, loadSweep, runSweep, shareSeaLevel, simulate, scenarioFromObject } from '../dist/index.js';

const DESIGNS = 1000;

function sweepFile(samples) {
  const file = join(mkdtempSync(join(tmpdir(), 'mt-bench-')), 'sweep.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'bench-sweep',
      base: DEFAULT_SCENARIO,
      method: 'lhs',
      samples,
      seed: 2018,
      parameters: {
        'scheme.turbines.count': { min: 10, max: 40, step: 1 },
        'scheme.turbines.diameter_m': { min_m: 6, max_m: 9 },
        'scheme.sluices.area_m2': { min_m2: 1000, max_m2: 5000 },
        'operation.ebb.start_head_m': { min_m: 2.5, max_m: 5 },
      },
    }),
  );
  return file;
}

export default async function (h) {
  const sweep = loadSweep(sweepFile(DESIGNS));
  checkDesigns(sweep, allIndices(DESIGNS));
  const reps = h.quick ? 1 : 3;

  // One design alone, in this thread, on a prebuilt sea level: the unit of work.
  const sea = buildRun(sweep.baseScenario).sea;
  const one = scenarioFromObject(structuredClone(sweep.baseObject), sweep.spec.baseFile, join(DEFAULT_SCENARIO, '..'));
  const tDesign = await h.measure('one design: simulate a year on a shared sea level (in-thread)', () => simulate(one, { sea }), { work: 1, unit: 'design', reps: 15 });

  const t1 = await h.measure(`sweep of ${DESIGNS} designs, 1 worker`, () => runSweep(sweep, { workers: 1 }), { work: DESIGNS, unit: 'design', warmup: 0, reps });
  const t2 = await h.measure(`sweep of ${DESIGNS} designs, 2 workers`, () => runSweep(sweep, { workers: 2 }), { work: DESIGNS, unit: 'design', warmup: 0, reps });
  h.figure('speed-up of 2 workers over 1', t1 / t2, 'x', 'target >= 1.8x (issue 5)');
  h.figure('designs per second, 2 workers', DESIGNS / t2, 'designs/s');

  // Fixed costs of a sweep.
  await h.measure('pool start-up: 2 worker threads online, then closed', async () => {
    const pool = new WorkerPool(2);
    await pool.ready();
    await pool.close();
  }, { reps: 7 });
  await h.measure('sea level: built from the observed CSV (105,120 samples)', () => buildRun(sweep.baseScenario), { reps: 7 });
  await h.measure('sea level: copied into shared memory', () => shareSeaLevel(sea), { reps: 7 });
  const small = loadSweep(sweepFile(2));
  const tSmall = await h.measure('whole sweep of 2 designs on 2 workers (one design each)', () => runSweep(small, { workers: 2 }), { work: 2, unit: 'design', reps: 7 });
  h.figure('fixed per-sweep overhead (2-design sweep minus one design)', (tSmall - tDesign) * 1e3, 'ms', 'pool start, task set-up in each worker, sea level built and shared');
  h.figure('overhead in the 1-worker sweep (total minus designs x one design)', (t1 - DESIGNS * tDesign) * 1e3, 'ms', 'includes per-design validation and message passing');
}
