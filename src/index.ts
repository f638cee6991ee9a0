/** mersey-tidal: the library behind the CLI. */
export { simulate, type Result, type Summary } from './simulate.js';
export { loadScenario, scenarioFromObject } from './scenario/load.js';
export { InputError } from './scenario/validate.js';
export type { Scenario } from './scenario/types.js';
export { buildRun, type RunInputs } from './scenario/build.js';
export { integrate, allocateSeries, type SeaLevel, type SchemeModel, type StepSeries, type Totals } from './solver/integrate.js';
export { makeBasin, constantAreaBasin, areaAt, volumeAt, levelAt, type Basin } from './scheme/basin.js';
export { TABLE_DH, PARAMETRIC_MAX_HEAD, parametricTable, type TurbineTable, type HeadCurve, type UnitPoint, type ParametricUnit } from './scheme/turbine.js';
export { tableFromChart, type HillChart, type ChartOptions } from './scheme/hill-chart.js';
export { aggidisFeatherPoint, aggidisFeatherUnit, synchronousSpeed, type AggidisFeatherSpec } from './scheme/aggidis-feather.js';
export { idealTurbinePoint, idealTurbineUnit, type IdealTurbineSpec } from './scheme/ideal-turbine.js';
export { pumpPoint, withPump, constantEfficiency, efficiencyByLift, type PumpSpec } from './scheme/pump.js';
export { buildTurbine } from './scenario/turbines.js';
export { orificeFlow } from './scheme/orifice.js';
export { buildModeTable, ebbOnly, type ModeTable, type ModeSpec } from './operation/modes.js';
export { writeResult } from './report/outputs.js';
export { summaryText } from './report/summary-text.js';
export { DEFAULT_SCENARIO, PACKAGE_ROOT } from './paths.js';
