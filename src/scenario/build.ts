/**
 * From a Scenario to what the solver needs: the sea level on the solver grid, the scheme as flat
 * tables, and the operation's mode table. Data files are read and checked here, once.
 */
import type { Scenario } from './types.js';
import { readNumericTable } from './csv.js';
import { checkAreaCurve, checkDataFiles } from './data-checks.js';
import { asInput } from './validate.js';
import { makeBasin } from '../scheme/basin.js';
import { buildTurbine } from './turbines.js';
import { ebbOnly, type ModeTable } from '../operation/modes.js';
import type { SchemeModel, SeaLevel } from '../solver/integrate.js';
import { buildSea } from './tide-source.js';

export interface RunInputs {
  sea: SeaLevel;
  scheme: SchemeModel;
  ops: ModeTable;
  /** What was done to the input data on the way (e.g. gaps filled), for the summary. */
  notes: string[];
}

export function buildScheme(s: Scenario): SchemeModel {
  const b = s.scheme.basin;
  const area = asInput(() => checkAreaCurve(readNumericTable(b.area_curve_file, ['level_m', 'area_m2'])));
  const basin = asInput(() => makeBasin(area.level_m, area.area_m2));
  const turbine = buildTurbine(s.scheme.turbines);
  return { basin, turbine, turbineCount: s.scheme.turbines.count, sluiceCdA: s.scheme.sluices.area_m2 * s.scheme.sluices.discharge_coefficient };
}

export function buildOperation(s: Scenario): ModeTable {
  const { ebb } = s.operation;
  return ebbOnly({ startHead: ebb.start_head_m, endHead: ebb.end_head_m });
}

export function buildRun(s: Scenario): RunInputs {
  checkDataFiles(s);
  const notes: string[] = [];
  return { sea: buildSea(s, notes), scheme: buildScheme(s), ops: buildOperation(s), notes };
}
