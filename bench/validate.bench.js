// `mersey-tidal validate` as a user runs it: the validation suite and the sensitivity study
// (nodal cycle x sea-level rise, 57 year-long runs) on a pool of the available cores started by
// the run; the whole run timed (median). Target: under 3 s on a quiet 2-core machine. With
// --quick, `validate --quick` (the suite only) is timed too.
import { availableParallelism } from 'node:os';
import { WorkerPool } from '../dist/parallel/pool.js';
import { runSensitivity } from '../dist/validation/sensitivity.js';
import { runValidation } from '../dist/validation/suite.js';

async function validate(full) {
  const pool = new WorkerPool(availableParallelism());
  try {
    await runValidation(undefined, { pool });
    if (full) await runSensitivity({}, { pool });
  } finally {
    await pool.close();
  }
}

export default async function (h) {
  const reps = h.quick ? 3 : 5;
  const cpu = [];
  const full = await h.measure(
    'validate: suite and sensitivity (57 years), whole run',
    async () => {
      const c0 = process.cpuUsage();
      await validate(true);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1e6);
    },
    { warmup: 1, reps },
  );
  h.target('validate: whole run, median', full, 's', { below: 3 });
  const c = cpu.sort((x, y) => x - y)[cpu.length >> 1];
  h.figure(
    'validate: CPU time of the whole run, all threads, median',
    c,
    's',
    `half of it, ${(c / 2).toFixed(2)} s, is the least the run can take on 2 free cores (CPU time also grows when other processes share the cores, but less than wall time)`,
  );
  await h.measure('validate --quick: the suite only', () => validate(false), { warmup: 1, reps });
}
