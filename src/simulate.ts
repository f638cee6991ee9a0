/**
 * The library's main entry: run a scenario and get its result with a summary in reporting units.
 */
import type { Scenario } from './scenario/types.js';
import { buildOperation, buildScheme, type RunInputs } from './scenario/build.js';
import { buildSea, describeTide, tideDataFiles } from './scenario/tide-source.js';
import { turbineDataFiles } from './scenario/turbines.js';
import { allocateSeries, integrate, type SeaLevel, type StepSeries, type Totals } from './solver/integrate.js';
import { countTides, energyByMonth, massBalanceError, type MonthEnergy } from './solver/accounting.js';
import { HOUR_S, J_PER_GWH } from './physics.js';

export interface Summary {
  scenario: string;
  period_start: string;
  period_end: string;
  period_days: number;
  time_step_s: number;
  /** Energy over the simulated period (GWh). */
  energy_gwh: number;
  /** Energy scaled to 365.25 days (GWh/yr). */
  annual_energy_gwh: number;
  installed_capacity_mw: number;
  turbine_count: number;
  unit_rated_power_mw: number;
  /** Mean power over installed capacity (dimensionless, 0-1). */
  capacity_factor: number;
  generating_hours: number;
  full_load_hours: number;
  /** High waters in the sea-level series. */
  tides: number;
  generating_periods: number;
  monthly: MonthEnergy[];
  /** Relative mass-balance closure of the run (dimensionless). */
  mass_balance_error: number;
  tide_source: string;
  data_files: string[];
  /** What was done to the input data (e.g. gaps in the tide series filled); empty when nothing. */
  data_notes: string[];
}

export interface Result {
  scenario: Scenario;
  sea: SeaLevel;
  series: StepSeries;
  totals: Totals;
  modeNames: readonly string[];
  summary: Summary;
}

const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

function summarise(s: Scenario, inputs: RunInputs, series: StepSeries, totals: Totals): Summary {
  const { sea, scheme } = inputs;
  const duration = (sea.level.length - 1) * sea.dt;
  const ratedW = scheme.turbine.ratedPower * scheme.turbineCount;
  const energyJ = totals.energy;
  return {
    scenario: s.name,
    period_start: iso(sea.t0),
    period_end: iso(sea.t0 + duration),
    period_days: duration / 86400,
    time_step_s: sea.dt,
    energy_gwh: energyJ / J_PER_GWH,
    annual_energy_gwh: (energyJ / J_PER_GWH) * ((365.25 * 86400) / duration),
    installed_capacity_mw: ratedW / 1e6,
    turbine_count: scheme.turbineCount,
    unit_rated_power_mw: scheme.turbine.ratedPower / 1e6,
    capacity_factor: ratedW > 0 ? energyJ / (ratedW * duration) : 0,
    generating_hours: totals.generatingTime / HOUR_S,
    full_load_hours: ratedW > 0 ? energyJ / ratedW / HOUR_S : 0,
    tides: countTides(sea.level),
    generating_periods: totals.generatingPeriods,
    monthly: energyByMonth(sea, series.power),
    mass_balance_error: massBalanceError(totals),
    tide_source: describeTide(s.tide),
    data_files: [...tideDataFiles(s.tide), s.scheme.basin.area_curve_file, ...turbineDataFiles(s.scheme.turbines)],
    data_notes: inputs.notes,
  };
}

/** Inputs a caller that runs many scenarios may build once and pass in. */
export interface SimulateOptions {
  /**
   * The scenario's sea level, when already built (a sweep builds it once for all designs); the
   * notes on its data (gaps filled) are then the builder's to report, not the summary's.
   */
  sea?: SeaLevel;
  /** Buffers for the per-step series, one entry per sea-level sample, reused between runs; overwritten. */
  series?: StepSeries;
}

/** Runs a loaded scenario over its whole period and returns the per-step series and summary. */
export function simulate(s: Scenario, o: SimulateOptions = {}): Result {
  const notes: string[] = [];
  const inputs: RunInputs = { sea: o.sea ?? buildSea(s, notes), scheme: buildScheme(s), ops: buildOperation(s), notes };
  const n = inputs.sea.level.length;
  if (o.series && o.series.power.length !== n) throw new RangeError(`series buffers hold ${o.series.power.length} samples, the sea level ${n}`);
  const series = o.series ?? allocateSeries(n);
  const totals = integrate(inputs.sea, inputs.scheme, inputs.ops, { series });
  return { scenario: s, sea: inputs.sea, series, totals, modeNames: inputs.ops.names, summary: summarise(s, inputs, series, totals) };
}
