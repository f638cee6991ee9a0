/**
 * What the solver takes and gives: the scheme as flat tables, the per-step series buffers, the
 * totals of a run and the options of a run or of a window of steps.
 */

import type { Basin } from '../scheme/basin.js';
import type { TurbineTable } from '../scheme/turbine.js';
import type { ModeLog } from './mode-log.js';

/** The scheme as the solver sees it: flat tables and numbers. */
export interface SchemeModel {
  readonly basin: Basin;
  readonly turbine: TurbineTable;
  /** Number of turbine units. */
  readonly turbineCount: number;
  /** Effective sluice area Cd*A (m^2). */
  readonly sluiceCdA: number;
  /**
   * Grid power per unit of turbine shaft power, generating and pumping (scheme/losses.ts:
   * generationFactor and pumpingFactor); absent: 1 and 1, the solver integrates shaft power.
   */
  readonly powerFactors?: { readonly generating: number; readonly pumping: number };
}

/** Per-step output buffers, one entry per sea-level sample. */
export interface StepSeries {
  /** Basin level at the sample (m). */
  readonly basinLevel: Float64Array;
  /** Mode in force at the start of the step that begins at the sample. */
  readonly mode: Uint8Array;
  /** Mean flow through the turbine units, generating or pumping, over that step (m^3/s, + basin to sea). */
  readonly turbineFlow: Float64Array;
  /** Mean sluice flow (sluices and idle turbines) over that step (m^3/s, + basin to sea). */
  readonly sluiceFlow: Float64Array;
  /** Mean power generated over that step (W, >= 0). */
  readonly power: Float64Array;
  /** Mean power drawn by pumping over that step (W, >= 0). */
  readonly pumpPower: Float64Array;
}

export function allocateSeries(n: number): StepSeries {
  return {
    basinLevel: new Float64Array(n),
    mode: new Uint8Array(n),
    turbineFlow: new Float64Array(n),
    sluiceFlow: new Float64Array(n),
    power: new Float64Array(n),
    pumpPower: new Float64Array(n),
  };
}

export interface Totals {
  /** Energy generated (J, gross: pumping not deducted). */
  energy: number;
  /** Energy drawn by pumping (J, >= 0). */
  pumpEnergy: number;
  /** Potential energy released through the turbines generating, rho*g*integral of Q*|H| (J). */
  hydraulicEnergy: number;
  /** Potential energy given to the water pumped, rho*g*integral of Q*lift (J). */
  liftEnergy: number;
  /** Time spent in each mode (s), by mode code. */
  modeTime: Float64Array;
  /** Time spent in generating modes (s). */
  generatingTime: number;
  /** Number of generating periods started. */
  generatingPeriods: number;
  /** Time spent in pumping modes (s). */
  pumpingTime: number;
  /** Number of pumping periods started. */
  pumpingPeriods: number;
  /** Volume through the turbine units, generating or pumping, net basin to sea (m^3). */
  turbineVolume: number;
  /** Volume through sluices and idle turbines, net basin to sea (m^3). */
  sluiceVolume: number;
  /** Basin volume at the start and end (m^3). */
  initialVolume: number;
  finalVolume: number;
  /** Basin level at the end (m). */
  finalLevel: number;
  /** Mode at the end. */
  finalMode: number;
  /** Steps taken. */
  steps: number;
  /** Mode switches. */
  switches: number;
  /** Sub-steps the error control rejected and halved (0 when every step was accurate whole). */
  halvings: number;
  /**
   * Largest overshoot of the basin past the sea (m): how far a step driven by head alone took
   * the basin beyond the highest (or lowest) of its own start level and the sea levels over the
   * step, which the exact solution never does. A measure of the step's adequacy: below
   * OVERSHOOT_LIMIT a limiter stops the basin at that bound; above it the run stops.
   */
  overshoot: number;
}

export interface IntegrateOptions {
  /** Basin level at t0 (m); default: the sea level at t0. */
  initialLevel?: number;
  /** Mode at t0; default: startMode (one waiting for the slack water the sea heads to). */
  initialMode?: number;
  /** Buffers to fill with the per-step series (length = sea samples). */
  series?: StepSeries;
  /** Log to append the mode segments to (for the per-tide ledger). */
  log?: ModeLog;
  /** As WindowOptions.cruise. */
  cruise?: boolean;
  /**
   * Told the steps done of the total every PROGRESS_STEPS steps (the run is then made in windows of
   * that many steps, which gives exactly the run made in one go).
   */
  onProgress?: (done: number, total: number) => void;
}

/** Options of one window of steps. */
export interface WindowOptions {
  /** Mode thresholds in force (m, per mode, as ModeTable.exitHead): the controls; default the table's own. */
  exitHead?: Float64Array;
  /** Buffers to fill with the per-step series over the window (length = sea samples). */
  series?: StepSeries;
  /** Log to append the mode segments to. */
  log?: ModeLog;
  /**
   * Stop early: per mode, 1 when entering it counts, and the count of entries that ends the
   * window (at the end of the step in which the last one happens). Absent: run to the end.
   */
  stopOnEntry?: Uint8Array;
  stopCount?: number;
  /** false: every step through advance's general loop, none through cruise (to pin one to the other); default true. */
  cruise?: boolean;
}
