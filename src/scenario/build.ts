/**
 * From a Scenario to what the solver needs: the sea level on the solver grid, the scheme as flat
 * tables, and the operation's mode table. Data files are read and checked here, once.
 */

import { readNumericTable } from '../io/csv-read.js';
import { type DirectionControl, fixedHeadCycle } from '../operation/fixed-head.js';
import type { ModeTable } from '../operation/modes.js';
import { type Basin, constantAreaBasin, makeBasin } from '../scheme/basin.js';
import { generationFactor, type LossChain, pumpingFactor } from '../scheme/losses.js';
import type { SchemeModel } from '../solver/types.js';
import type { SeaLevel } from '../tide/sea-level.js';
import { checkAreaCurve, checkDataFiles } from './data-checks.js';
import { pumpTarget } from './pumping.js';
import { buildSea } from './tide-source.js';
import { buildTurbine } from './turbines.js';
import { type LossesSpec, MODE_DIRECTIONS, type Scenario, type SchemeSpec } from './types.js';
import { asInput } from './validate.js';

export interface RunInputs {
  sea: SeaLevel;
  scheme: SchemeModel;
  ops: ModeTable;
  /** What was done to the input data on the way (e.g. gaps filled), for the summary. */
  notes: string[];
}

/**
 * Level range of a constant-area lagoon (m): the area holds at every level a run can reach, so
 * the range only stops a run-away state.
 */
const CONSTANT_AREA_LEVEL_RANGE_M = 1000;

/** The basin: the area-level curve, or a constant area (lagoons; the loader checks which is given). */
function buildBasin(b: SchemeSpec['basin']): Basin {
  if (b.area_m2 !== undefined) return constantAreaBasin(b.area_m2, -CONSTANT_AREA_LEVEL_RANGE_M, CONSTANT_AREA_LEVEL_RANGE_M);
  const file = b.area_curve_file as string;
  const area = asInput(() => checkAreaCurve(readNumericTable(file, ['level_m', 'area_m2'])));
  return asInput(() => makeBasin(area.level_m, area.area_m2));
}

/**
 * The loss chain the solver runs with: the scenario's, with availability 1 when forced outages
 * are drawn per step instead (simulate applies them to the series).
 */
export function lossChain(l: LossesSpec): LossChain {
  return {
    waterPassage: l.water_passage,
    gearbox: l.gearbox,
    generator: l.generator,
    transformer: l.transformer,
    availability: l.outages === undefined ? l.availability : 1,
  };
}

export function buildScheme(s: Scenario): SchemeModel {
  const basin = buildBasin(s.scheme.basin);
  const turbine = buildTurbine(s.scheme.turbines, s.scheme.losses);
  const chain = lossChain(s.scheme.losses);
  return {
    basin,
    turbine,
    turbineCount: s.scheme.turbines.count,
    sluiceCdA: s.scheme.sluices.area_m2 * s.scheme.sluices.discharge_coefficient,
    powerFactors: { generating: generationFactor(chain), pumping: pumpingFactor(chain) },
  };
}

/** The heads of direction `dir`, or undefined when the mode does not generate on it. */
function directionControl(s: Scenario, dir: 'ebb' | 'flood'): DirectionControl | undefined {
  const d = s.operation[dir];
  if (d === undefined || !MODE_DIRECTIONS[s.operation.mode].includes(dir)) return undefined;
  return {
    startHead: d.start_head_m,
    endHead: d.end_head_m,
    pumpToHead: pumpTarget(s, dir),
    sluiceWhileGenerating: d.sluice_while_generating,
  };
}

/** The operation's mode table (the loader has checked that the blocks the mode needs are there). */
export function buildOperation(s: Scenario): ModeTable {
  const o = s.operation;
  const md = o.min_duration_s;
  const lim = o.limits ?? {};
  return fixedHeadCycle({
    ebb: directionControl(s, 'ebb'),
    flood: directionControl(s, 'flood'),
    minDuration: { generate: md.generate, pump: md.pump, sluice: md.sluice, hold: md.hold },
    ramp: o.ramp_s,
    maxPumpDuration: o.max_pump_duration_s,
    limits: { basinMin: lim.basin_min_level_m, basinMax: lim.basin_max_level_m, turbineMinLevel: lim.turbine_min_water_level_m },
  });
}

/**
 * Everything a run needs, every data file checked first. `sea`: the scenario's sea level when the
 * caller has built it already (a sweep shares one); the notes on its data are then the caller's.
 */
export function buildRun(s: Scenario, sea?: SeaLevel): RunInputs {
  checkDataFiles(s);
  const notes: string[] = [];
  return { sea: sea ?? buildSea(s, notes), scheme: buildScheme(s), ops: buildOperation(s), notes };
}
