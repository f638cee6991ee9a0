/**
 * The turbines of a scenario (scheme.turbines): relations the schema cannot check, data paths,
 * and the flat TurbineTable the solver reads, built once when the scenario loads. The one switch
 * on the curve kind is here; the solver never sees the kind.
 */

import { readNumericTable } from '../io/csv-read.js';
import { W_PER_MW } from '../physics.js';
import { aggidisFeatherUnit } from '../scheme/aggidis-feather.js';
import { tableFromChart } from '../scheme/hill-chart.js';
import { idealTurbineUnit } from '../scheme/ideal-turbine.js';
import { interpolate } from '../scheme/piecewise-linear.js';
import {
  constantEfficiency,
  efficiencyByLift,
  idealPumpPoint,
  logEfficiency,
  type PumpEfficiency,
  pumpChartPoint,
  pumpPoint,
  withPump,
} from '../scheme/pump.js';
import { maxOf, parametricTable, type TurbineTable, type UnitPoint } from '../scheme/turbine.js';
import { checkPumpChart, checkTurbineChart } from './data-checks.js';
import type { LossesSpec, PumpingSpec, TurbineCurve, TurbinesSpec } from './types.js';
import { asInput, type Problem } from './validate.js';

/** Data files the turbines read (for the run's record). */
export function turbineDataFiles(t: TurbinesSpec): string[] {
  const out = t.curve.kind === 'chart' ? [t.curve.file] : [];
  if (t.pumping?.chart_file !== undefined) out.push(t.pumping.chart_file);
  return out;
}

/** Problems the schema cannot express: the JSON path and what is wrong. */
export function turbineProblems(t: TurbinesSpec): Problem[] {
  const p = t.pumping;
  if (p === undefined) return [];
  const at = 'scheme.turbines.pumping';
  const out: Problem[] = [];
  if (p.efficiency !== undefined && p.efficiency_by_lift !== undefined) {
    out.push({
      path: at,
      message:
        'expected at most one of "efficiency" (a constant) and "efficiency_by_lift" (a curve), got both; give neither for the default log curve',
    });
  }
  if ((p.chart_file === undefined) !== (p.chart_diameter_m === undefined)) {
    out.push({
      path: at,
      message: `a pump chart needs both "chart_file" and "chart_diameter_m", got only ${p.chart_file === undefined ? '"chart_diameter_m"' : '"chart_file"'}`,
    });
  }
  const curve = p.efficiency_by_lift;
  if (curve !== undefined) {
    if (curve.lift_m.length !== curve.efficiency.length) {
      out.push({
        path: `${at}.efficiency_by_lift`,
        message: `expected as many efficiencies as lifts (${curve.lift_m.length}), got ${curve.efficiency.length}`,
      });
    }
    for (let i = 1; i < curve.lift_m.length; i++) {
      if (!(curve.lift_m[i] > curve.lift_m[i - 1])) {
        out.push({
          path: `${at}.efficiency_by_lift.lift_m[${i}]`,
          message: `expected lifts in increasing order, got ${curve.lift_m[i]} m after ${curve.lift_m[i - 1]} m`,
        });
        break;
      }
    }
  }
  return out;
}

/** The generating table of one unit of diameter `diameter` (m), without pumping. */
function generatingTable(c: TurbineCurve, diameter: number, idleCd: number): TurbineTable {
  switch (c.kind) {
    case 'chart': {
      const chart = asInput(() => checkTurbineChart(readNumericTable(c.file, ['head_m', 'power_mw', 'flow_m3s'])));
      return tableFromChart(
        {
          head: chart.head_m,
          power: chart.power_mw.map((x) => x * W_PER_MW),
          flow: chart.flow_m3s,
          diameter: c.chart_diameter_m,
        },
        diameter,
        idleCd,
        { floodFactor: c.flood_efficiency_factor },
      );
    }
    case 'aggidis-feather': {
      const unit = aggidisFeatherUnit({
        diameter,
        poles: c.generator_poles,
        gridFrequency: c.grid_frequency_hz,
        ratedPower: c.rated_power_mw * W_PER_MW,
      });
      return parametricTable(unit, idleCd, c.flood_efficiency_factor);
    }
    case 'ideal': {
      const unit = idealTurbineUnit({
        diameter,
        dischargeCoefficient: c.discharge_coefficient,
        efficiency: c.efficiency,
        ratedPower: c.rated_power_mw * W_PER_MW,
      });
      return parametricTable(unit, idleCd, c.flood_efficiency_factor);
    }
  }
}

function pumpEfficiency(p: PumpingSpec): PumpEfficiency {
  const curve = p.efficiency_by_lift;
  if (curve !== undefined) return efficiencyByLift(curve.lift_m, curve.efficiency);
  return p.efficiency !== undefined ? constantEfficiency(p.efficiency) : logEfficiency;
}

/** The ebb flow of one unit at head h (m), read from its table (m^3/s). */
function ebbFlowAt(table: TurbineTable, h: number): number {
  const heads = Float64Array.from(table.ebb.flow, (_, k) => k * table.dh);
  return interpolate(heads, table.ebb.flow, h);
}

/** One unit's pumping point against lift, by the scenario's pump form. */
function pumpCurve(p: PumpingSpec, table: TurbineTable, diameter: number, losses: LossesSpec): (h: number) => UnitPoint {
  if (p.chart_file !== undefined) {
    const c = asInput(() => checkPumpChart(readNumericTable(p.chart_file as string, ['lift_m', 'flow_m3s', 'power_mw'])));
    return pumpChartPoint(
      { lift: c.lift_m, flow: c.flow_m3s, power: c.power_mw.map((x) => x * W_PER_MW), diameter: p.chart_diameter_m as number },
      diameter,
    );
  }
  const power = p.power_mw !== undefined ? p.power_mw * W_PER_MW : table.ratedPower;
  const efficiency = pumpEfficiency(p);
  if (p.model === 'ideal-0d') {
    const spec = { power, maxFlow: p.max_flow_m3s ?? maxOf(table.ebb.flow), efficiency };
    return (h) => idealPumpPoint(spec, h);
  }
  // Losses: the capacity is the turbine's flow at the reference head, and the passage that
  // loses (1 - water_passage) of that head generating loses as much pumping the same flow.
  const capacity = p.max_flow_m3s ?? ebbFlowAt(table, p.capacity_head_m);
  const spec = { capacity, maxPower: power, frictionHead: (1 - losses.water_passage) * p.capacity_head_m, efficiency };
  return (h) => pumpPoint(spec, h);
}

/** The flat table of one unit: ebb, flood and (when the scenario pumps) pump curves. */
export function buildTurbine(t: TurbinesSpec, losses: LossesSpec): TurbineTable {
  const table = generatingTable(t.curve, t.diameter_m, t.idle_discharge_coefficient);
  const p = t.pumping;
  if (p === undefined) return table;
  return withPump(table, pumpCurve(p, table, t.diameter_m, losses));
}
