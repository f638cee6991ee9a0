/** The worker side of validation runs (a task module for parallel/pool.ts): job i of the list, simulated. */
import { type JobFigures, runJob, type ScenarioJob } from './scenario-run.js';

export interface ValidationTaskInit {
  jobs: ScenarioJob[];
}

export function setup(init: ValidationTaskInit): (index: number) => JobFigures {
  return (i) => runJob(init.jobs[i]);
}
