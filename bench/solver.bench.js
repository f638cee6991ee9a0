// Solver throughput: steps per second of the fixed-head 0-D integrator at 1-minute steps (a year
// = 525,600 steps), sea level precomputed, for each operation mode on the Mersey barrage: the
// Libaux ebb-only spine and the 700 MW default in each of its modes. Target (issue 4): at least
// 20 million steps per second on one core, i.e. a year in under 30 ms.

import { join } from 'node:path';
import { DEFAULT_SCENARIO, loadScenario, PACKAGE_ROOT } from '../dist/index.js';
import { buildRun } from '../dist/scenario/build.js';
import { integrate } from '../dist/solver/integrate.js';
import { allocateSeries } from '../dist/solver/types.js';

/** The default's operation reduced to one mode: [label, operation]. */
function modes(op) {
  const plain = (d) => ({ start_head_m: d.start_head_m, end_head_m: d.end_head_m, sluice_while_generating: false });
  return [
    ['ebb-only', { ...op, mode: 'ebb-only', ebb: plain(op.ebb), flood: undefined }],
    ['ebb-only + pumping', { ...op, mode: 'ebb-only', ebb: op.ebb, flood: undefined }],
    ['flood-only', { ...op, mode: 'flood-only', ebb: undefined, flood: plain(op.flood) }],
    ['two-way', { ...op, mode: 'two-way', ebb: plain(op.ebb), flood: plain(op.flood) }],
    ['two-way + pumping', op],
  ];
}

export default async function (h) {
  const libaux = loadScenario(join(PACKAGE_ROOT, 'models', 'mersey-barrage-libaux-ebb.json'));
  const runs = [['Libaux ebb-only (28 x 8 m)', buildRun({ ...libaux, time_step_s: 60 })]];
  // The default's sea level, built once and shared by its modes.
  const base = loadScenario(DEFAULT_SCENARIO);
  const run = buildRun({ ...base, time_step_s: 60 });
  for (const [label, operation] of modes(base.operation))
    runs.push([`700 MW ${label}`, buildRun({ ...base, operation, time_step_s: 60 }, run.sea)]);

  // Every case run twice before any is timed: the engine then optimises the integrator for all the
  // modes at once, as in a session that runs several schemes, instead of the first case timing
  // its warm-up (with --quick, one warm-up run per case is not enough for it).
  for (let k = 0; k < 2; k++) for (const [, r] of runs) integrate(r.sea, r.scheme, r.ops);
  for (const [label, r] of runs) {
    const steps = r.sea.level.length - 1;
    const t = await h.measure(`integrate ${label}, dt 60 s, totals only`, () => integrate(r.sea, r.scheme, r.ops), {
      work: steps,
      unit: 'step',
      reps: 15,
    });
    h.target(`solver throughput, ${label}`, steps / t / 1e6, 'Msteps/s', { above: 20 });
  }
  const steps = run.sea.level.length - 1;
  const series = allocateSeries(run.sea.level.length);
  const tNo = await h.measure(
    `integrate ${base.name}, dt 60 s, totals only (again)`,
    () => integrate(run.sea, run.scheme, run.ops),
    { work: steps, unit: 'step', reps: 15 },
  );
  const tSer = await h.measure(
    `integrate ${base.name}, dt 60 s, recording series`,
    () => integrate(run.sea, run.scheme, run.ops, { series }),
    { work: steps, unit: 'step', reps: 15 },
  );
  h.figure('cost of recording the per-step series', tSer / tNo, 'x');
}
