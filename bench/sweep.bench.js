// Design sweeps on worker threads: a 1,000-design Latin hypercube of fixed-head years
// of the Mersey barrage (the default: harmonic 2018 Liverpool tide, 5-minute steps), on 1
// and 2 workers: designs per second, the speed-up of 2 workers over 1 (target >= 1.8x), and the
// fixed cost of a sweep (worker start-up, sea level built and shared, task set-up per worker).
//
// On a shared machine other processes take CPU time too, so the 1- and 2-worker sweeps are run
// alternately and the speed-up is given from the medians and from the fastest runs; and the
// machine's own 2-core scaling is measured alongside: the same designs in two separate processes
// (no threads, nothing shared) against one process alone. The pool cannot beat that ceiling.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  allIndices,
  checkDesigns,
  DEFAULT_SCENARIO,
  loadSweep,
  runSweep,
  scenarioFromObject,
  WorkerPool,
} from '../dist/index.js';
import { shareSeaLevel } from '../dist/parallel/shared.js';
import { buildRun } from '../dist/scenario/build.js';
import { simulateHeadline } from '../dist/simulate.js';
import { median } from './harness.js';

const DESIGNS = 1000;
const scratch = mkdtempSync(join(tmpdir(), 'mt-bench-'));

function sweepFile(samples) {
  const file = join(scratch, `sweep-${samples}.json`);
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

// One process simulating `n` years of the default scheme in its own thread, as a sweep's designs are run; prints seconds.
const SOLO = (n) => `
import { loadScenario, DEFAULT_SCENARIO } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)};
import { simulateHeadline } from ${JSON.stringify(new URL('../dist/simulate.js', import.meta.url).href)};
import { buildRun } from ${JSON.stringify(new URL('../dist/scenario/build.js', import.meta.url).href)};
const s = loadScenario(DEFAULT_SCENARIO); const sea = buildRun(s).sea;
for (let i = 0; i < 3; i++) simulateHeadline(s, { sea });
const t = performance.now(); for (let i = 0; i < ${n}; i++) simulateHeadline(s, { sea }); console.log((performance.now() - t) / 1000);`;

function solo(n) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--input-type=module', '-e', SOLO(n)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`solo process exited with ${code}`))));
  });
}

export default async function (h) {
  const sweep = loadSweep(sweepFile(DESIGNS));
  checkDesigns(sweep, allIndices(DESIGNS));
  const reps = h.quick ? 1 : 3;

  // One design alone, in this thread, on a prebuilt sea level: the unit of work.
  const sea = buildRun(sweep.baseScenario).sea;
  const one = scenarioFromObject(structuredClone(sweep.baseObject), sweep.spec.baseFile, join(DEFAULT_SCENARIO, '..'));
  const tDesign = await h.measure(
    'one design: a year on a shared sea level, as a sweep runs it (in-thread)',
    () => simulateHeadline(one, { sea }),
    {
      work: 1,
      unit: 'design',
      reps: 15,
    },
  );

  // The sweeps, 1 and 2 workers alternately, timing the wall clock and the CPU time of the whole
  // process (all threads): equal CPU per design on 1 and 2 workers means the pool adds no work,
  // and CPU time / wall time is the number of cores the sweep actually got.
  const times = { 1: [], 2: [] };
  const cpu = { 1: [], 2: [] };
  for (let r = 0; r < reps; r++) {
    for (const w of [1, 2]) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await runSweep(sweep, { workers: w, checked: true }); // checked once above, as the CLI does before its clock starts
      times[w].push((performance.now() - t0) / 1000);
      const c = process.cpuUsage(c0);
      cpu[w].push((c.user + c.system) / 1e6);
    }
  }
  for (const w of [1, 2]) {
    h.figure(
      `sweep of ${DESIGNS} designs, ${w} worker${w > 1 ? 's' : ''}, median`,
      DESIGNS / median(times[w]),
      'designs/s',
      `${median(times[w]).toFixed(2)} s; runs ${times[w].map((t) => t.toFixed(2)).join(', ')} s`,
    );
  }
  h.target('speed-up of 2 workers over 1, medians', median(times[1]) / median(times[2]), 'x', { above: 1.8 });
  h.figure(
    'speed-up of 2 workers over 1, fastest runs',
    Math.min(...times[1]) / Math.min(...times[2]),
    'x',
    'least disturbed by other processes',
  );
  for (const w of [1, 2])
    h.figure(`CPU time per design, ${w} worker${w > 1 ? 's' : ''} (all threads)`, (median(cpu[w]) / DESIGNS) * 1e3, 'ms');
  h.figure(
    'cores the 2-worker sweep got (CPU time / wall time)',
    median(cpu[2].map((c, i) => c / times[2][i])),
    'cores',
    'at most 2; less when other processes share the machine',
  );
  h.figure(
    'speed-up bound on 2 free cores, from CPU time',
    (2 * median(cpu[1])) / median(cpu[2]) / Math.max(1, median(cpu[1].map((c, i) => c / times[1][i]))),
    'x',
    'upper bound: 2 x CPU(1 worker) / CPU(2 workers) / cores the 1-worker sweep used',
  );

  // The machine's own 2-core scaling now: two separate processes against one.
  const n = h.quick ? 100 : 200;
  const alone = await solo(n);
  const pair = await Promise.all([solo(n), solo(n)]);
  h.figure(
    'reference: 2 separate processes over 1 (same designs, no threads)',
    (2 * alone) / Math.max(...pair),
    'x',
    `${n} designs each: ${alone.toFixed(2)} s alone, ${pair.map((t) => t.toFixed(2)).join(' and ')} s together`,
  );

  // Fixed costs of a sweep.
  await h.measure(
    'pool start-up: 2 worker threads online, then closed',
    async () => {
      const pool = new WorkerPool(2);
      await pool.ready();
      await pool.close();
    },
    { reps: 7 },
  );
  const source =
    sweep.baseScenario.tide.kind === 'harmonic' ? 'predicted from the harmonic constants' : 'read from the observed CSV';
  await h.measure(
    `sea level: ${source} (${sea.level.length.toLocaleString('en-GB')} samples)`,
    () => buildRun(sweep.baseScenario),
    { reps: 7 },
  );
  await h.measure('sea level: copied into shared memory', () => shareSeaLevel(sea), { reps: 7 });
  const small = loadSweep(sweepFile(2));
  const smallCpu = [];
  const tSmall = await h.measure(
    'whole sweep of 2 designs on 2 workers (one design each)',
    async () => {
      const c0 = process.cpuUsage();
      await runSweep(small, { workers: 2 });
      const c = process.cpuUsage(c0);
      smallCpu.push((c.user + c.system) / 1e6);
    },
    { work: 2, unit: 'design', reps: 7 },
  );
  const cpuDesign = median(cpu[1]) / DESIGNS;
  h.figure(
    'fixed per-sweep overhead in CPU time (2-design sweep minus two designs, all threads)',
    median(smallCpu) - 2 * cpuDesign,
    's',
    'spread over the main thread and 2 workers: at 2 free cores the wall-clock overhead is about half of it or more',
  );
  h.target(
    'fixed per-sweep overhead (2-design sweep minus one design)',
    tSmall - tDesign,
    's',
    { below: 0.3 },
    'pool start, module loading and the first (cold) design in each worker, sea level built and shared',
  );
  rmSync(scratch, { recursive: true, force: true });
}
