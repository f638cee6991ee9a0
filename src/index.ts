/** mersey-tidal: the library behind the CLI. */
export { simulate, type Result, type Summary } from './simulate.js';
export { loadScenario, scenarioFromObject } from './scenario/load.js';
export { InputError } from './scenario/validate.js';
export type { Scenario } from './scenario/types.js';
export { buildRun, type RunInputs } from './scenario/build.js';
export { integrate, allocateSeries, type SeaLevel, type SchemeModel, type StepSeries, type Totals } from './solver/integrate.js';
export { makeBasin, constantAreaBasin, areaAt, volumeAt, levelAt, type Basin } from './scheme/basin.js';
export { tableFromChart, type TurbineTable, type HillChart, type HeadCurve } from './scheme/turbine.js';
export { orificeFlow } from './scheme/orifice.js';
export { buildModeTable, ebbOnly, type ModeTable, type ModeSpec } from './operation/modes.js';
export { writeResult } from './report/outputs.js';
export { summaryText } from './report/summary-text.js';
export { DEFAULT_SCENARIO, PACKAGE_ROOT } from './paths.js';
export { reportHtml, type ReportOptions } from './report/html.js';
export type { ReportRun } from './report/figures.js';
export { sweepReportHtml, heatmapFigure, energyCapacityFigures, paretoFront, topDesignsTable, type SweepRow, type SweepView } from './report/sweep.js';
