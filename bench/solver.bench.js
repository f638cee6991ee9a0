// Solver throughput: steps per second of the fixed-head 0-D integrator on the Mersey default,
// sea level precomputed, at 1-minute steps (a year = 525,600 steps).
import { loadScenario, buildRun, integrate, allocateSeries, DEFAULT_SCENARIO } from '../dist/index.js';

export default async function (h) {
  const s = loadScenario(DEFAULT_SCENARIO);
  s.time_step_s = 60;
  const run = buildRun(s);
  const steps = run.sea.level.length - 1;
  const series = allocateSeries(run.sea.level.length);
  const tNo = await h.measure(`integrate ${s.name}, ${run.ops.names.length} modes, dt 60 s, totals only`, () => integrate(run.sea, run.scheme, run.ops), { work: steps, unit: 'step', reps: 9 });
  const tSer = await h.measure(`integrate ${s.name}, dt 60 s, recording series`, () => integrate(run.sea, run.scheme, run.ops, { series }), { work: steps, unit: 'step', reps: 9 });
  h.figure('solver throughput, totals only', steps / tNo / 1e6, 'Msteps/s', 'target >= 20 Msteps/s (issue 4)');
  h.figure('cost of recording the per-step series', tSer / tNo, 'x');
}
