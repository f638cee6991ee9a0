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
import { constantEfficiency, efficiencyByLift, withPump } from '../scheme/pump.js';
import { maxOf, parametricTable, type TurbineTable } from '../scheme/turbine.js';
import { checkTurbineChart } from './data-checks.js';
import type { PumpingSpec, TurbineCurve, TurbinesSpec } from './types.js';
import { asInput, type Problem } from './validate.js';

/** Data files the turbines read (for the run's record). */
export function turbineDataFiles(t: TurbinesSpec): string[] {
  return t.curve.kind === 'chart' ? [t.curve.file] : [];
}

/** Problems the schema cannot express: the JSON path and what is wrong. */
export function turbineProblems(t: TurbinesSpec): Problem[] {
  const p = t.pumping;
  if (p === undefined) return [];
  const at = 'scheme.turbines.pumping';
  const out: Problem[] = [];
  if ((p.efficiency === undefined) === (p.efficiency_by_lift === undefined)) {
    out.push({
      path: at,
      message: `expected exactly one of "efficiency" (a constant) and "efficiency_by_lift" (a curve), got ${p.efficiency === undefined ? 'neither' : 'both'}`,
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
        driveEfficiency: c.gearbox_efficiency * c.generator_efficiency * c.transformer_efficiency,
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

function pumpEfficiency(p: PumpingSpec): (lift: number) => number {
  const curve = p.efficiency_by_lift;
  return curve !== undefined ? efficiencyByLift(curve.lift_m, curve.efficiency) : constantEfficiency(p.efficiency as number);
}

/** The flat table of one unit: ebb, flood and (when the scenario pumps) pump curves. */
export function buildTurbine(t: TurbinesSpec): TurbineTable {
  const table = generatingTable(t.curve, t.diameter_m, t.idle_discharge_coefficient);
  const p = t.pumping;
  if (p === undefined) return table;
  return withPump(table, {
    power: p.power_mw !== undefined ? p.power_mw * W_PER_MW : table.ratedPower,
    maxFlow: p.max_flow_m3s ?? maxOf(table.ebb.flow),
    efficiency: pumpEfficiency(p),
  });
}
