/**
 * The library's main entry: run a scenario and get its result with a summary in reporting units.
 *
 * Energy is kept in two honest parts, never mixed: the energy exported by generation and the
 * energy drawn from the grid by pumping, both through the scheme's loss chain (scheme/losses.ts).
 * The headline energy is their difference, net of pumping, and every figure derived from it
 * (capacity factor, full-load hours) says so. The waterfall gives every stage from the water to
 * the grid.
 */

import { DAY_S, HOUR_S, J_PER_GWH, perYear, W_PER_MW, YEAR_S } from './physics.js';
import { buildRun, lossChain, type RunInputs } from './scenario/build.js';
import { pumpingDirections } from './scenario/pumping.js';
import { describeTide, type TideConstants, tideConstants, tideDataFiles } from './scenario/tide-source.js';
import { turbineDataFiles } from './scenario/turbines.js';
import type { Scenario } from './scenario/types.js';
import { type Waterfall, waterfall } from './scheme/losses.js';
import { inServiceFraction } from './scheme/outages.js';
import { energyByMonth, massBalanceError } from './solver/accounting.js';
import { integrate } from './solver/integrate.js';
import { type HalfTide, halfTideLedger } from './solver/ledger.js';
import { ModeLog } from './solver/mode-log.js';
import { allocateSeries, type StepSeries, type Totals } from './solver/types.js';
import { type SeaLevel, seaSpan } from './tide/sea-level.js';
import { countTides } from './tide/turning-points.js';
import { isoTime } from './time.js';

/** Energy of one calendar month (UTC), GWh. */
export interface MonthSummary {
  /** YYYY-MM. */
  month: string;
  /** Net of pumping (GWh). */
  energy_gwh: number;
  /** Generated, gross (GWh). */
  generated_gwh: number;
  /** Drawn by pumping (GWh). */
  pumping_gwh: number;
}

export interface Summary {
  scenario: string;
  period_start: string;
  period_end: string;
  period_days: number;
  time_step_s: number;
  /** Operation: mode and pumping, in words. */
  operation: string;
  /** Energy over the simulated period, net of pumping: generated - pumping (GWh). */
  energy_gwh: number;
  /** Net energy scaled to 365.25 days (GWh/yr). */
  annual_energy_gwh: number;
  /** Energy exported by generation over the period, after the loss chain (GWh). */
  generated_energy_gwh: number;
  /** Exported generation scaled to 365.25 days (GWh/yr). */
  annual_generated_energy_gwh: number;
  /** Energy drawn from the grid by pumping over the period, through the loss chain (GWh, >= 0). */
  pumping_energy_gwh: number;
  /** Pumping energy scaled to 365.25 days (GWh/yr). */
  annual_pumping_energy_gwh: number;
  installed_capacity_mw: number;
  turbine_count: number;
  unit_rated_power_mw: number;
  /** Mean net power over installed capacity (dimensionless). */
  capacity_factor: number;
  generating_hours: number;
  /** Net energy over installed capacity (h). */
  full_load_hours: number;
  pumping_hours: number;
  /** High waters in the sea-level series. */
  tides: number;
  generating_periods: number;
  pumping_periods: number;
  /** Half tides in the per-tide ledger (tides.csv), the first and last cut by the period. */
  half_tides: number;
  monthly: MonthSummary[];
  /** Every stage from the water to the grid, generating and pumping (docs/losses.md). */
  waterfall: Waterfall;
  /**
   * The scenario's pumping against the same run without it (same heads otherwise): present when
   * the scenario pumps and simulate was asked for it (SimulateOptions.pumpingGain).
   */
  pumping_gain?: PumpingGain;
  /** Relative mass-balance closure of the run (dimensionless). */
  mass_balance_error: number;
  /** Largest overshoot of the basin past the sea in one step (m): the step's adequacy; the run stops above 0.02 m. */
  step_overshoot_m: number;
  tide_source: string;
  /** Site, datums, source and licence of the harmonic constants (harmonic tides only). */
  tide_constants?: TideConstants;
  data_files: string[];
  /** What was done to the input data (e.g. gaps in the tide series filled); empty when nothing. */
  data_notes: string[];
  /** A degenerate scheme or a run whose figures are not to be trusted, in words (see schemeWarnings); empty when none. */
  warnings: string[];
}

export interface PumpingGain {
  /** Net annual energy of the same scenario without pumping (GWh/yr). */
  without_pumping_annual_gwh: number;
  /** Net with pumping minus net without (GWh/yr). */
  gain_annual_gwh: number;
  /** The gain as a fraction of the net without pumping. */
  gain_fraction: number;
}

export interface Result {
  scenario: Scenario;
  sea: SeaLevel;
  series: StepSeries;
  totals: Totals;
  modeNames: readonly string[];
  /** The per-tide ledger. */
  halfTides: HalfTide[];
  summary: Summary;
}

function operationText(s: Scenario): string {
  const o = s.operation;
  const pumping = pumpingDirections(s);
  return `${o.mode}, ${pumping.length === 0 ? 'no pumping' : `pumping before ${pumping.join(' and ')} generation`}`;
}

/**
 * Mass-balance closure above which a run is flagged: the integrator conserves volume to round-off
 * (about 1e-15 relative on the default run), so more means figures beyond double precision, such
 * as a basin area so large that the flows vanish beside its volume.
 */
export const MASS_BALANCE_WARNING = 1e-9;

/** Warnings on a run that finished but whose scheme cannot do what it is for, or whose figures are not to be trusted. */
function schemeWarnings(s: Scenario, generatedJ: number, massBalance: number): string[] {
  const out: string[] = [];
  if (s.scheme.turbines.count === 0)
    out.push('scheme.turbines.count is 0: the scheme has no turbines and never generates; give the number of units');
  else if (generatedJ === 0)
    out.push(
      'the scheme generated nothing over the period: check the operation heads against the tidal range and the turbine curve',
    );
  if (!(massBalance <= MASS_BALANCE_WARNING))
    out.push(
      `the mass balance closes only to ${massBalance.toExponential(1)} (relative; round-off is about 1e-15): the figures are not to be trusted; ` +
        'check scheme.basin (an area far beyond any real basin leaves the flows below double precision beside its volume)',
    );
  return out;
}

/** Whether the summary's annual figures are scaled from a period more than a day from a year (YEAR_S; and say so). */
export function scaledToYear(s: Summary): boolean {
  return Math.abs(s.period_days * DAY_S - YEAR_S) > DAY_S;
}

/**
 * The summary of a run (exported for runs the optimiser puts together window by window).
 * `availability`: the availability the run's exported energy carries (default: the scenario's
 * expected availability; with forced outages, the realised one, see applyOutages).
 */
export function summarise(
  s: Scenario,
  inputs: RunInputs,
  series: StepSeries,
  totals: Totals,
  halfTides: number,
  availability = lossChain(s.scheme.losses).availability,
): Summary {
  const { sea, scheme } = inputs;
  const b = runBasis(inputs, totals);
  const { duration } = b;
  const generatedJ = totals.energy;
  const pumpingJ = totals.pumpEnergy;
  const h = headline(b);
  const generated = energyByMonth(sea, series.power);
  const pumping = energyByMonth(sea, series.pumpPower);
  return {
    scenario: s.name,
    period_start: isoTime(sea.t0),
    period_end: isoTime(sea.t0 + duration),
    period_days: duration / DAY_S,
    time_step_s: sea.dt,
    operation: operationText(s),
    energy_gwh: h.energy_gwh,
    annual_energy_gwh: h.annual_energy_gwh,
    generated_energy_gwh: generatedJ / J_PER_GWH,
    annual_generated_energy_gwh: perYear(generatedJ / J_PER_GWH, duration),
    pumping_energy_gwh: pumpingJ / J_PER_GWH,
    annual_pumping_energy_gwh: perYear(pumpingJ / J_PER_GWH, duration),
    installed_capacity_mw: h.installed_capacity_mw,
    turbine_count: scheme.turbineCount,
    unit_rated_power_mw: scheme.turbine.ratedPower / W_PER_MW,
    capacity_factor: h.capacity_factor,
    generating_hours: totals.generatingTime / HOUR_S,
    full_load_hours: b.ratedW > 0 ? b.netJ / b.ratedW / HOUR_S : 0,
    pumping_hours: totals.pumpingTime / HOUR_S,
    tides: countTides(sea.level),
    generating_periods: totals.generatingPeriods,
    pumping_periods: totals.pumpingPeriods,
    half_tides: halfTides,
    monthly: generated.map((g, k) => ({
      month: g.month,
      energy_gwh: g.energy_gwh - pumping[k].energy_gwh,
      generated_gwh: g.energy_gwh,
      pumping_gwh: pumping[k].energy_gwh,
    })),
    waterfall: waterfall(
      {
        hydraulic: totals.hydraulicEnergy / J_PER_GWH,
        generated: generatedJ / J_PER_GWH,
        lift: totals.liftEnergy / J_PER_GWH,
        pumped: pumpingJ / J_PER_GWH,
      },
      lossChain(s.scheme.losses),
      availability,
      perYear(1, duration),
    ),
    mass_balance_error: massBalanceError(totals),
    step_overshoot_m: totals.overshoot,
    tide_source: describeTide(s.tide),
    ...(s.tide.kind === 'harmonic' ? { tide_constants: tideConstants(s.tide) } : {}),
    data_files: [...tideDataFiles(s.tide), s.scheme.basin.area_curve_file, ...turbineDataFiles(s.scheme.turbines)].filter(
      (f): f is string => f !== undefined,
    ),
    data_notes: inputs.notes,
    warnings: schemeWarnings(s, generatedJ, massBalanceError(totals)),
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
  /** Told the solver steps done of the total, from time to time (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Also run the scenario without pumping and report the gain (Summary.pumping_gain). */
  pumpingGain?: boolean;
}

/**
 * Seeded forced outages (scheme.losses.outages): each step's grid power, generated and drawn,
 * times the fraction of units in service over it; the totals scaled by the power-weighted share in service.
 * Returns the realised availability (exported energy after over before); 1 without generation.
 */
function applyOutages(s: Scenario, sea: SeaLevel, series: StepSeries, totals: Totals, units: number): number {
  const o = s.scheme.losses.outages;
  if (o === undefined) return s.scheme.losses.availability;
  const steps = sea.level.length - 1;
  const frac = inServiceFraction(
    { rate: o.rate_per_year / YEAR_S, meanRepair: o.mean_repair_h * HOUR_S, seed: o.seed },
    units,
    steps,
    sea.dt,
  );
  // The share of each energy that units in service made or drew, as power-weighted means of the
  // fraction in service; the solver's totals (its own quadrature) are scaled by them, not replaced
  // by a sum of samples, so that all-units-in-service leaves every figure as the solver gave it.
  let gen = 0;
  let genInService = 0;
  let pump = 0;
  let pumpInService = 0;
  for (let k = 0; k < steps; k++) {
    gen += series.power[k];
    pump += series.pumpPower[k];
    series.power[k] *= frac[k];
    series.pumpPower[k] *= frac[k];
    genInService += series.power[k];
    pumpInService += series.pumpPower[k];
  }
  const realised = gen > 0 ? genInService / gen : 1;
  totals.energy *= realised;
  totals.pumpEnergy *= pump > 0 ? pumpInService / pump : 1;
  return realised;
}

/** The same scenario with pumping switched off (no pumping time), everything else alike. */
function withoutPumping(s: Scenario): Scenario {
  return { ...s, operation: { ...s.operation, max_pump_duration_s: 0 } };
}

/** The figures a design sweep records of a run: its net energy, installed capacity and capacity factor. */
export interface Headline {
  /** Net of pumping over the period (GWh). */
  energy_gwh: number;
  /** Net, scaled to 365.25 days (GWh/yr). */
  annual_energy_gwh: number;
  installed_capacity_mw: number;
  /** Net energy over the rated energy of the period (fraction). */
  capacity_factor: number;
}

/** What a run's headline and summary rest on: its period (s), installed power (W) and net energy (J). */
interface RunBasis {
  duration: number;
  ratedW: number;
  netJ: number;
}

function runBasis(inputs: RunInputs, totals: Totals): RunBasis {
  return {
    duration: seaSpan(inputs.sea),
    ratedW: inputs.scheme.turbine.ratedPower * inputs.scheme.turbineCount,
    netJ: totals.energy - totals.pumpEnergy,
  };
}

/** The headline figures of a run (Summary carries the same). */
function headline({ duration, ratedW, netJ }: RunBasis): Headline {
  return {
    energy_gwh: netJ / J_PER_GWH,
    annual_energy_gwh: perYear(netJ / J_PER_GWH, duration),
    installed_capacity_mw: ratedW / W_PER_MW,
    capacity_factor: ratedW > 0 ? netJ / (ratedW * duration) : 0,
  };
}

/**
 * A scenario's run: its inputs, per-step series (after outages), totals and realised availability;
 * with `log`, the mode log too. `record` false: no series unless outages need them (null then).
 */
function run(s: Scenario, o: SimulateOptions, log?: ModeLog, record = true) {
  const inputs = buildRun(s, o.sea);
  const n = inputs.sea.level.length;
  if (o.series && o.series.power.length !== n)
    throw new RangeError(`series buffers hold ${o.series.power.length} samples, the sea level ${n}`);
  const series = record || s.scheme.losses.outages !== undefined ? (o.series ?? allocateSeries(n)) : undefined;
  const totals = integrate(inputs.sea, inputs.scheme, inputs.ops, { series, log, onProgress: o.onProgress });
  const availability = series
    ? applyOutages(s, inputs.sea, series, totals, inputs.scheme.turbineCount)
    : s.scheme.losses.availability;
  return { inputs, series: series ?? null, totals, availability };
}

/**
 * A scenario's run reduced to its headline figures, for the many runs of a sweep: the same run as
 * simulate's, to the last bit, without the mode log, the half-tide ledger or the summary. With
 * `record` (for revenue), the per-step series after outages are recorded (in `o.series` when
 * given); without, none are unless outages need them (series null) and the run is quicker.
 */
export function simulateHeadline(
  s: Scenario,
  o: Pick<SimulateOptions, 'sea' | 'series'> & { record?: boolean } = {},
): { headline: Headline; sea: SeaLevel; series: StepSeries | null } {
  const { inputs, series, totals } = run(s, o, undefined, o.record ?? false);
  return { headline: headline(runBasis(inputs, totals)), sea: inputs.sea, series };
}

/** Runs a loaded scenario over its whole period and returns the per-step series, the per-tide ledger and the summary. */
export function simulate(s: Scenario, o: SimulateOptions = {}): Result {
  const log = new ModeLog();
  const r = run(s, o, log);
  const { inputs, totals, availability } = r;
  const series = r.series as StepSeries;
  const halfTides = halfTideLedger(log, inputs.ops, inputs.sea, series);
  const summary = summarise(s, inputs, series, totals, halfTides.length, availability);
  if (o.pumpingGain && pumpingDirections(s).length > 0) {
    const without = simulateHeadline(withoutPumping(s), { sea: inputs.sea }).headline.annual_energy_gwh;
    const gain = summary.annual_energy_gwh - without;
    summary.pumping_gain = {
      without_pumping_annual_gwh: without,
      gain_annual_gwh: gain,
      gain_fraction: without !== 0 ? gain / without : 0,
    };
  }
  return { scenario: s, sea: inputs.sea, series, totals, modeNames: inputs.ops.names, halfTides, summary };
}
