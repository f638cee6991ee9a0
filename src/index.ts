/**
 * mersey-tidal: the library behind the CLI. The public API is what a script or a notebook needs:
 * - load a scenario and simulate it (loadScenario, simulate; InputError for bad input, exit code 2,
 *   SolverError for a run the solver refuses to finish);
 * - optimise its operation (optimiseScenario and its outputs);
 * - sweep designs, on one machine or in shards (loadSweep, runSweep, writeSweepResult, mergeShards), on the generic
 *   worker pool (WorkerPool, distModule);
 * - the tide: sites, prediction, analysis of an observed series, high and low waters;
 * - write the results and reports (writeResult, reportHtml, sweepReportHtml, summaryText);
 * - run the validation suite against published schemes.
 * Everything else (the solver's window API, the optimiser's searches, the flat tables) is internal:
 * reachable from inside the package only, free to change.
 */

export { InputError } from './errors.js';
export { decisionsCsv, optimiseJson, optimiseText } from './optimise/output.js';
export {
  type DecisionRow,
  type FixedOutcome,
  type OptimiseOptions,
  type OptimiseOutcome,
  type OptimiseSettings,
  optimiseScenario,
  optimiseSettings,
} from './optimise/scenario.js';
export { defaultWorkerCount, type Job, PoolInterrupted, TaskError, WorkerExitError, WorkerPool } from './parallel/pool.js';
export { distModule, type TaskSetup } from './parallel/task.js';
export { DEFAULT_SCENARIO, PACKAGE_ROOT } from './paths.js';
export { type ReportOptions, reportHtml } from './report/html.js';
export { writeResult } from './report/outputs.js';
export type { ReportRun } from './report/report-run.js';
export { summaryText } from './report/summary-text.js';
export { sweepReportHtml } from './report/sweep.js';
export { loadScenario, scenarioFromObject } from './scenario/load.js';
export type { LossesSpec, PumpingSpec, Scenario } from './scenario/types.js';
export type { Stage, Waterfall } from './scheme/losses.js';
export { type MonthSummary, type PumpingGain, type Result, type Summary, simulate } from './simulate.js';
export { SolverError, type SolverStop } from './solver/errors.js';
export { type SweepHeader, sweepHeader } from './sweep/output.js';
export { SweepResultWriter, writeSweepResult } from './sweep/result-writer.js';
export { allIndices, type DesignRow, runSweep, type SweepRun, type SweepRunOptions } from './sweep/run.js';
export { mergeShards, openShards, parseShard, type ShardId, shardIndices } from './sweep/shard.js';
export { checkDesigns, type LoadedSweep, loadSweep, type SweepSpec } from './sweep/spec.js';
export { bestDesigns } from './sweep/summary.js';
export { type FitOptions, fitHarmonics, type HarmonicFit } from './tide/fit.js';
export { type HarmonicModel, harmonicModel } from './tide/harmonic.js';
export type { SeaLevel } from './tide/sea-level.js';
export { type ObservedSeries, readSeriesCsv } from './tide/series.js';
export { builtinSiteNames, loadSite, type Site } from './tide/site.js';
export { type PredictOptions, predictSeaLevel } from './tide/synthesis.js';
export { highLowWaters, type TideExtreme } from './tide/turning-points.js';

export { VALIDATION_SCHEMES, type ValidationScheme } from './validation/published.js';
export { runSensitivity, type Sensitivity, type SensitivityOptions } from './validation/sensitivity.js';
export { failures, type PumpingCheck, pumpingCheck, runValidation, type ValidationRow } from './validation/suite.js';
