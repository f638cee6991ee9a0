/** Validation against the published record, and the nodal-cycle and sea-level-rise sensitivity. */
export { VALIDATION_SCHEMES, acceptedBand, type ValidationScheme, type PublishedEnergy, type SchemeStatus } from './published.js';
export { runValidation, validationRow, failures, type ValidationRow } from './suite.js';
export { runSensitivity, annualMeanNodalFactor, DEFAULT_YEARS, DEFAULT_OFFSETS_M, type Sensitivity, type SensitivityOptions, type SensitivityYear } from './sensitivity.js';
export { runJobs, type RunJobsOptions } from './run.js';
export { scenarioJob, withFields, runJob, runFigures, type ScenarioJob, type RunFigures } from './scenario-run.js';
export { validationTable, runDetailsTable, sensitivityTable, validationCsv, sensitivityCsv, nodalSummary, type NodalSummary, type TableFormat } from './tables.js';
export { sensitivityHtml } from './plot.js';
