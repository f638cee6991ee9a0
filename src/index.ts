/** mersey-tidal: the library behind the CLI. */
export { simulate, type Result, type Summary, type MonthSummary } from './simulate.js';
export { loadScenario, scenarioFromObject } from './scenario/load.js';
export { InputError } from './scenario/validate.js';
export type { Scenario } from './scenario/types.js';
export { buildRun, buildOperation, type RunInputs } from './scenario/build.js';
export { integrate, allocateSeries, LEVEL_TOL, OVERSHOOT_LIMIT, MAX_SWITCHES_PER_STEP, type SeaLevel, type SchemeModel, type StepSeries, type Totals, type IntegrateOptions } from './solver/integrate.js';
export { SolverError, type SolverStop } from './solver/errors.js';
export { ModeLog } from './solver/mode-log.js';
export { halfTideLedger, type HalfTide } from './solver/ledger.js';
export { massBalanceError } from './solver/accounting.js';
export { makeBasin, constantAreaBasin, areaAt, volumeAt, levelAt, type Basin } from './scheme/basin.js';
export { tableFromChart, type TurbineTable, type HillChart, type HeadCurve } from './scheme/turbine.js';
export { orificeFlow } from './scheme/orifice.js';
export { buildModeTable, type ModeTable, type ModeSpec } from './operation/modes.js';
export { fixedHeadCycle, ebbOnly, type FixedHeadOptions, type DirectionControl, type MinDurations, type SafetyLimits } from './operation/fixed-head.js';
export { writeResult } from './report/outputs.js';
export { summaryText } from './report/summary-text.js';
export { DEFAULT_SCENARIO, PACKAGE_ROOT } from './paths.js';
