/** mersey-tidal: the library behind the CLI. */

export { InputError } from './errors.js';
export {
  type DirectionControl,
  ebbOnly,
  type FixedHeadOptions,
  fixedHeadCycle,
  type MinDurations,
  type SafetyLimits,
} from './operation/fixed-head.js';
export { buildModeTable, type ModeSpec, type ModeTable } from './operation/modes.js';
export { type CycleModes, cycleModes, type HalfControls } from './optimise/cycle.js';
export { type Controls, FixedEvaluator, type FixedSearch, tableControls, writeAll } from './optimise/fixed.js';
export { type Decision, type Decisions, decideStretch, Horizon, TAIL_HALVES } from './optimise/horizon.js';
export { type HeadRanges, LatticeSearch, latticeBox, type SearchResult, searchBatched, searchSync } from './optimise/lattice.js';
export { decisionsCsv, optimiseJson, optimiseText } from './optimise/output.js';
export type { RecordedDecision, RecordedHeads, RecordedPlan } from './optimise/plan-record.js';
export { openProblem, type Problem, type ProblemData } from './optimise/problem.js';
export {
  applyPlan,
  bestFixed,
  CHUNK_DECISIONS,
  decisionsOf,
  type FlexibleInputs,
  type FlexiblePlan,
  flexiblePlan,
  type PlanOptions,
  problemData,
  WARMUP_DECISIONS,
} from './optimise/run.js';
export {
  type DecisionRow,
  type FixedOutcome,
  type OptimiseOptions,
  type OptimiseOutcome,
  type OptimiseSettings,
  optimiseScenario,
  optimiseSettings,
  replayFlexible,
} from './optimise/scenario.js';
export { type SlackWater, slackWaters } from './optimise/slack.js';
export { defaultWorkerCount, type Job, PoolInterrupted, TaskError, WorkerExitError, WorkerPool } from './parallel/pool.js';
export { type SharedSeaLevel, seaLevelView, shareFloat64, shareSeaLevel } from './parallel/shared.js';
export { distModule, type TaskSetup } from './parallel/task.js';
export { DEFAULT_SCENARIO, PACKAGE_ROOT } from './paths.js';
export type { ReportRun } from './report/figures.js';
export { type ReportOptions, reportHtml } from './report/html.js';
export { writeResult } from './report/outputs.js';
export { summaryText } from './report/summary-text.js';
export {
  energyCapacityFigures,
  heatmapFigure,
  paretoFront,
  type SweepRow,
  type SweepView,
  sweepReportHtml,
  topDesignsTable,
} from './report/sweep.js';
export { buildOperation, buildRun, type RunInputs } from './scenario/build.js';
export { loadScenario, scenarioFromObject } from './scenario/load.js';
export { periodBounds } from './scenario/period.js';
export { checkPriceCoverage, type PriceSeries, readPriceCsv, revenue, stepPrices } from './scenario/prices.js';
export { buildSea } from './scenario/tide-source.js';
export { buildTurbine } from './scenario/turbines.js';
export type { Scenario } from './scenario/types.js';
export { type AggidisFeatherSpec, aggidisFeatherPoint, aggidisFeatherUnit, synchronousSpeed } from './scheme/aggidis-feather.js';
export { areaAt, type Basin, constantAreaBasin, levelAt, makeBasin, volumeAt } from './scheme/basin.js';
export { type ChartOptions, type HillChart, tableFromChart } from './scheme/hill-chart.js';
export { type IdealTurbineSpec, idealTurbinePoint, idealTurbineUnit } from './scheme/ideal-turbine.js';
export { orificeFlow } from './scheme/orifice.js';
export {
  generationFactor,
  IDEAL_CHAIN,
  type LossChain,
  pumpingFactor,
  type Stage,
  type Waterfall,
  waterfall,
} from './scheme/losses.js';
export { inServiceFraction, type OutageSpec, outageAvailability } from './scheme/outages.js';
export {
  constantEfficiency,
  efficiencyByLift,
  type IdealPumpSpec,
  idealPumpPoint,
  logEfficiency,
  type PumpChart,
  type PumpEfficiency,
  type PumpSpec,
  pumpChartPoint,
  pumpPoint,
  pumpPower,
  withPump,
} from './scheme/pump.js';
export {
  type HeadCurve,
  PARAMETRIC_MAX_HEAD,
  type ParametricUnit,
  parametricTable,
  TABLE_DH,
  type TurbineTable,
  type UnitPoint,
} from './scheme/turbine.js';
export { type MonthSummary, type Result, type Summary, simulate } from './simulate.js';
export { massBalanceError } from './solver/accounting.js';
export { advance } from './solver/advance.js';
export { SolverError, type SolverStop } from './solver/errors.js';
export { finishRun, integrate } from './solver/integrate.js';
export { type HalfTide, halfTideLedger } from './solver/ledger.js';
export { ModeLog } from './solver/mode-log.js';
export { prepareRun, startState } from './solver/run.js';
export { type SolverRun, SolverState } from './solver/state.js';
export { LEVEL_TOL, MAX_SWITCHES_PER_STEP, OVERSHOOT_LIMIT } from './solver/tolerances.js';
export {
  allocateSeries,
  type IntegrateOptions,
  type SchemeModel,
  type StepSeries,
  type Totals,
  type WindowOptions,
} from './solver/types.js';
export { bestDesigns, type SweepHeader, sweepFiles, sweepHeader } from './sweep/output.js';
export { allIndices, type DesignRow, runSweep, type SweepRun, type SweepRunOptions } from './sweep/run.js';
export { mergeShards, parseShard, type ShardId, shardFiles, shardIndices } from './sweep/shard.js';
export { checkDesigns, type LoadedSweep, loadSweep, type SweepSpec } from './sweep/spec.js';
export * from './tide/index.js';
export type { SeaLevel } from './tide/sea-level.js';
export { acceptedBand, VALIDATION_SCHEMES, type ValidationScheme } from './validation/published.js';
export { annualMeanNodalFactor, runSensitivity, type Sensitivity, type SensitivityOptions } from './validation/sensitivity.js';
export { failures, runValidation, type ValidationRow } from './validation/suite.js';
