/**
 * From a Scenario to what the solver needs: the sea level on the solver grid, the scheme as flat
 * tables, and the operation's mode table. Data files are read and checked here, once.
 */
import type { Scenario } from './types.js';
import { readNumericTable } from './csv.js';
import { checkAreaCurve, checkDataFiles, checkSeries, checkTurbineChart } from './data-checks.js';
import { InputError } from './validate.js';
import { makeBasin } from '../scheme/basin.js';
import { tableFromChart } from '../scheme/turbine.js';
import { ebbOnly, type ModeTable } from '../operation/modes.js';
import type { SchemeModel, SeaLevel } from '../solver/integrate.js';
import { readSeriesCsv, resampleSeries, parseIsoSeconds } from '../tide/series.js';

export interface RunInputs {
  sea: SeaLevel;
  scheme: SchemeModel;
  ops: ModeTable;
  /** What was done to the input data on the way (e.g. gaps filled), for the summary. */
  notes: string[];
}

/** Wraps data-file errors as input errors (exit code 2), keeping their message. */
function asInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw err instanceof InputError ? err : new InputError((err as Error).message);
  }
}

export function buildSea(s: Scenario, notes: string[] = []): SeaLevel {
  const series = asInput(() => checkSeries(readSeriesCsv(s.tide.file), s, notes));
  const t0 = s.period.start !== undefined ? parseIsoSeconds(s.period.start) : series.time[0];
  const t1 = s.period.end !== undefined ? parseIsoSeconds(s.period.end) : series.time[series.time.length - 1];
  const dt = s.time_step_s;
  const n = Math.floor((t1 - t0) / dt + 1e-9) + 1;
  return asInput(() => resampleSeries(series, t0, dt, n));
}

export function buildScheme(s: Scenario): SchemeModel {
  const b = s.scheme.basin;
  const area = asInput(() => checkAreaCurve(readNumericTable(b.area_curve_file, ['level_m', 'area_m2'])));
  const basin = asInput(() => makeBasin(area.level_m, area.area_m2));
  const t = s.scheme.turbines;
  const chart = asInput(() => checkTurbineChart(readNumericTable(t.curve.file, ['head_m', 'power_mw', 'flow_m3s'])));
  const turbine = tableFromChart(
    { head: chart.head_m, power: chart.power_mw.map((p) => p * 1e6), flow: chart.flow_m3s, diameter: t.curve.chart_diameter_m },
    t.diameter_m,
    t.idle_discharge_coefficient,
  );
  return { basin, turbine, turbineCount: t.count, sluiceCdA: s.scheme.sluices.area_m2 * s.scheme.sluices.discharge_coefficient };
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
