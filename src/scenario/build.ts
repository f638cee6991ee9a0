/**
 * From a Scenario to what the solver needs: the sea level on the solver grid, the scheme as flat
 * tables, and the operation's mode table. Data files are read and checked here, once.
 */
import type { DirectionSpec, OperationMode, PumpingSpec, Scenario, SchemeSpec } from './types.js';
import { readNumericCsv } from './csv.js';
import { InputError } from './validate.js';
import { constantAreaBasin, makeBasin, type Basin } from '../scheme/basin.js';
import { tableFromChart, type HeadCurve, type TurbineTable } from '../scheme/turbine.js';
import type { ModeTable } from '../operation/modes.js';
import { fixedHeadCycle, type DirectionControl } from '../operation/fixed-head.js';
import type { SchemeModel, SeaLevel } from '../solver/integrate.js';
import { GRAVITY, RHO_SEAWATER } from '../physics.js';
import { readSeriesCsv, resampleSeries, parseIsoSeconds } from '../tide/series.js';

export interface RunInputs {
  sea: SeaLevel;
  scheme: SchemeModel;
  ops: ModeTable;
}

/** Wraps data-file errors as input errors (exit code 2), keeping their message. */
function asInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw err instanceof InputError ? err : new InputError((err as Error).message);
  }
}

export function buildSea(s: Scenario): SeaLevel {
  const series = asInput(() => readSeriesCsv(s.tide.file));
  const t0 = s.period.start !== undefined ? parseIsoSeconds(s.period.start) : series.time[0];
  const t1 = s.period.end !== undefined ? parseIsoSeconds(s.period.end) : series.time[series.time.length - 1];
  const dt = s.time_step_s;
  const n = Math.floor((t1 - t0) / dt + 1e-9) + 1;
  return asInput(() => resampleSeries(series, t0, dt, n));
}

/**
 * Level range of a constant-area lagoon (m): the area holds at every level a run can reach, so
 * the range only stops a run-away state.
 */
export const CONSTANT_AREA_LEVEL_RANGE_M = 1000;

/** The basin: the area-level curve, or a constant area (lagoons; the loader checks which is given). */
export function buildBasin(b: SchemeSpec['basin']): Basin {
  if (b.area_m2 !== undefined) return constantAreaBasin(b.area_m2, -CONSTANT_AREA_LEVEL_RANGE_M, CONSTANT_AREA_LEVEL_RANGE_M);
  const file = b.area_curve_file as string;
  const area = asInput(() => readNumericCsv(file, ['level_m', 'area_m2']));
  return asInput(() => {
    try {
      return makeBasin(area.level_m, area.area_m2);
    } catch (err) {
      throw new Error(`${file}: ${(err as Error).message}`);
    }
  });
}

/**
 * Stand-in for the turbines branch's pump curves (same fields, same model): against a lift H a
 * unit drawing P with efficiency eta moves Q = eta*P/(rho*g*H), at most Q_max; the power drawn
 * for a flow Q is rho*g*Q*H/eta. At zero lift it passes Q_max and draws nothing.
 */
function withConstantEfficiencyPump(t: TurbineTable, p: PumpingSpec): TurbineTable {
  const n = t.ebb.flow.length;
  const power = p.power_mw !== undefined ? p.power_mw * 1e6 : t.ratedPower;
  const maxFlow = p.max_flow_m3s ?? Math.max(...t.ebb.flow);
  const pump: HeadCurve = { power: new Float64Array(n), flow: new Float64Array(n) };
  for (let k = 0; k < n; k++) {
    const h = k * t.dh;
    const q = h > 0 ? Math.min(maxFlow, (p.efficiency * power) / (RHO_SEAWATER * GRAVITY * h)) : maxFlow;
    pump.flow[k] = q;
    pump.power[k] = (RHO_SEAWATER * GRAVITY * q * h) / p.efficiency;
  }
  return { ...t, pump };
}

export function buildScheme(s: Scenario): SchemeModel {
  const basin = buildBasin(s.scheme.basin);
  const t = s.scheme.turbines;
  const chart = asInput(() => readNumericCsv(t.curve.file, ['head_m', 'power_mw', 'flow_m3s']));
  const generating = tableFromChart(
    { head: chart.head_m, power: chart.power_mw.map((p) => p * 1e6), flow: chart.flow_m3s, diameter: t.curve.chart_diameter_m },
    t.diameter_m,
    t.idle_discharge_coefficient,
  );
  const turbine = t.pumping ? withConstantEfficiencyPump(generating, t.pumping) : generating;
  return { basin, turbine, turbineCount: t.count, sluiceCdA: s.scheme.sluices.area_m2 * s.scheme.sluices.discharge_coefficient };
}

/** The generating directions of each operation mode, and so the blocks (ebb, flood) it reads. */
export const MODE_DIRECTIONS: Readonly<Record<OperationMode, readonly ('ebb' | 'flood')[]>> = {
  'ebb-only': ['ebb'],
  'flood-only': ['flood'],
  'two-way': ['ebb', 'flood'],
};

function directionControl(d: DirectionSpec): DirectionControl {
  return { startHead: d.start_head_m, endHead: d.end_head_m, pumpToHead: d.pump_to_head_m, sluiceWhileGenerating: d.sluice_while_generating };
}

/** The operation's mode table (the loader has checked that the blocks the mode needs are there). */
export function buildOperation(s: Scenario): ModeTable {
  const o = s.operation;
  const uses = MODE_DIRECTIONS[o.mode];
  const md = o.min_duration_s ?? {};
  const lim = o.limits ?? {};
  return fixedHeadCycle({
    ebb: uses.includes('ebb') && o.ebb ? directionControl(o.ebb) : undefined,
    flood: uses.includes('flood') && o.flood ? directionControl(o.flood) : undefined,
    minDuration: { generate: md.generate, pump: md.pump, sluice: md.sluice, hold: md.hold },
    ramp: o.ramp_s,
    limits: { basinMin: lim.basin_min_level_m, basinMax: lim.basin_max_level_m, turbineMinLevel: lim.turbine_min_water_level_m },
  });
}

export function buildRun(s: Scenario): RunInputs {
  return { sea: buildSea(s), scheme: buildScheme(s), ops: buildOperation(s) };
}
