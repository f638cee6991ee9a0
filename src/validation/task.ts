/**
 * The worker side of validation runs (a task module for parallel/pool.ts): scenario i of the list,
 * checked before the run (a worker never loads or compiles a schema), simulated.
 */
import type { Scenario } from '../scenario/types.js';
import { type JobFigures, RunCache, runScenario } from './scenario-run.js';

export interface ValidationTaskInit {
  scenarios: Scenario[];
  /** Per scenario: also run it without pumping (ScenarioJob.pumpingGain). */
  pumpingGain: boolean[];
}

export function setup(init: ValidationTaskInit): (index: number) => JobFigures {
  const cache = new RunCache();
  return (i) => runScenario(init.scenarios[i], cache, init.pumpingGain[i]);
}
