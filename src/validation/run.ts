/**
 * Running a list of validation jobs: on a worker pool when one is given and there is more than
 * one job, else one after the other in this thread. The figures come back in the order of the
 * jobs and are the same either way (each run is deterministic and independent).
 */
import { InputError, isInternalError } from '../errors.js';
import { TaskError, WorkerExitError, type WorkerPool } from '../parallel/pool.js';
import { taskModule } from '../parallel/task.js';
import { checkedScenario, type JobFigures, RunCache, runJob, type ScenarioJob } from './scenario-run.js';
import type { ValidationTaskInit } from './task.js';

export interface RunJobsOptions {
  /** Worker pool to run on (left open); absent: run in this thread. */
  pool?: WorkerPool;
  onProgress?: (done: number, total: number) => void;
}

export async function runJobs(jobs: readonly ScenarioJob[], o: RunJobsOptions = {}): Promise<JobFigures[]> {
  if (!o.pool || jobs.length < 2) {
    const cache = new RunCache();
    return jobs.map((job, k) => {
      const figures = labelled(job, () => runJob(job, cache));
      o.onProgress?.(k + 1, jobs.length);
      return figures;
    });
  }
  // Checked here, once: the workers run the scenarios as they are.
  const init: ValidationTaskInit = {
    scenarios: jobs.map((job) => labelled(job, () => checkedScenario(job))),
    pumpingGain: jobs.map((job) => job.pumpingGain === true),
  };
  try {
    return await o.pool.run<ValidationTaskInit, JobFigures>({
      task: taskModule('validation/task.js'),
      init,
      indices: Int32Array.from(jobs, (_, i) => i),
      onProgress: o.onProgress,
    });
  } catch (err) {
    if (err instanceof TaskError) {
      const msg = `${jobs[err.index].label}: ${err.causeMessage}`;
      throw err.causeName === 'InputError' ? new InputError(msg) : new Error(msg, { cause: err });
    }
    if (err instanceof WorkerExitError && err.index !== undefined)
      throw new Error(`${jobs[err.index].label}: its worker ${err.detail}`, { cause: err });
    throw err;
  }
}

/** fn() for a job in this thread, its errors prefixed with the job's label. */
function labelled<T>(job: ScenarioJob, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InputError) throw new InputError(`${job.label}: ${err.message}`);
    if (err instanceof Error && !isInternalError(err)) throw new Error(`${job.label}: ${err.message}`, { cause: err });
    throw err;
  }
}
