/**
 * What the loops read and carry: the run (flat tables, set up once for a sea level, a scheme and
 * a mode table) and the state handed from one step, or one window of steps, to the next.
 */

import type { ModeTable } from '../operation/modes.js';
import type { Basin, VolumeInverse } from '../scheme/basin.js';
import type { SeaLevel } from '../tide/sea-level.js';
import type { FlowModel } from './flows.js';

/**
 * A run set up once for a sea level, a scheme and a mode table: the flat tables the loops read.
 * `advance` integrates windows of it from a SolverState; `integrate` is one window over the whole
 * series. Built by prepareRun; read-only (its scratch buffers, `out` and `cruiseState`, are the loops' own).
 */
export interface SolverRun extends VolumeInverse {
  readonly sea: SeaLevel;
  readonly ops: ModeTable;
  readonly basin: Basin;
  readonly eta: Float64Array;
  readonly dt: number;
  readonly table: Float64Array;
  readonly out: Float64Array;
  readonly topSeg: number;
  readonly zBottom: number;
  readonly zTop: number;
  readonly flows: FlowModel;
  readonly exitDir: Int8Array;
  /** Per mode: a safe band applies; the flows are driven by head alone (no pumps); every path is closed. */
  readonly banded: Uint8Array;
  readonly headDriven: Uint8Array;
  readonly closed: Uint8Array;
  /** Shortest sub-step the error control may go to (s). */
  readonly minLen: number;
  /** The common case's in/out state (scratch, as `out`). */
  readonly cruiseState: Float64Array;
  /** Per mode, 0: the flags of the windows that stop on entering no mode (WindowOptions.stopOnEntry absent). */
  readonly neverStop: Uint8Array;
}

/**
 * The state the integrator carries from one step to the next: the basin, the mode with its age
 * and ramp, and the running totals. A window of steps starts from one and leaves it at its end,
 * so that windows run one after another give exactly the run made in one go.
 */
export class SolverState {
  // The real-valued fields are created holding NaN (a double) and zeroed by the constructor. V8
  // fixes a field's representation at its first value: a field created as a small integer (0)
  // that later holds a fraction changes the hidden class of the states, and the solver's compiled
  // code, built for the old one, is thrown away, call after call, until it is compiled again
  // (hundreds to thousands of times in one optimise run). A new real-valued field: NaN here, and
  // zeroed (or set) in the constructor; test/solver/state-shape.test.ts checks the class holds.
  /** Basin volume (m^3), level (m), segment of the area table, 1/area (1/m^2). */
  volume = Number.NaN;
  level = Number.NaN;
  segment = 0;
  invArea = Number.NaN;
  /** Mode in force, time in it (s), the mode left when a ramp is opening the one in force (-1: no ramp), the last mode that lasted. */
  mode = 0;
  age = Number.NaN;
  rampFrom = -1;
  settled = 0;
  /** Running totals, as in Totals. */
  energy = Number.NaN;
  pumpEnergy = Number.NaN;
  /** Head times turbine flow integrated (m^4): released through generating turbines, and given to water pumped. */
  released = Number.NaN;
  lifted = Number.NaN;
  generatingPeriods = 0;
  pumpingPeriods = 0;
  turbineVolume = Number.NaN;
  sluiceVolume = Number.NaN;
  switches = 0;
  overshoot = Number.NaN;
  halvings = 0;
  steps = 0;
  initialVolume = Number.NaN;
  /** Time in each mode (s), the current mode's age not yet added. */
  readonly modeTime: Float64Array;
  /** The open segment of the mode log: its start (s since the epoch), energy generated and pumped before it (J). */
  logStart = Number.NaN;
  logGenerated = Number.NaN;
  logPumped = Number.NaN;

  constructor(modes: number) {
    this.modeTime = new Float64Array(modes);
    this.volume = this.level = this.age = this.initialVolume = this.overshoot = 0;
    this.energy = this.pumpEnergy = this.released = this.lifted = this.turbineVolume = this.sluiceVolume = 0;
    this.logStart = this.logGenerated = this.logPumped = 0;
    this.invArea = 1;
  }

  /** Makes this state a copy of `o` (same mode table); no allocation. */
  copyFrom(o: SolverState): this {
    this.volume = o.volume;
    this.level = o.level;
    this.segment = o.segment;
    this.invArea = o.invArea;
    this.mode = o.mode;
    this.age = o.age;
    this.rampFrom = o.rampFrom;
    this.settled = o.settled;
    this.energy = o.energy;
    this.pumpEnergy = o.pumpEnergy;
    this.released = o.released;
    this.lifted = o.lifted;
    this.generatingPeriods = o.generatingPeriods;
    this.pumpingPeriods = o.pumpingPeriods;
    this.turbineVolume = o.turbineVolume;
    this.sluiceVolume = o.sluiceVolume;
    this.switches = o.switches;
    this.overshoot = o.overshoot;
    this.halvings = o.halvings;
    this.steps = o.steps;
    this.initialVolume = o.initialVolume;
    this.modeTime.set(o.modeTime);
    this.logStart = o.logStart;
    this.logGenerated = o.logGenerated;
    this.logPumped = o.logPumped;
    return this;
  }
}

/** 1/area for the linearised predictor; an empty basin (zero area) gets the area of a square metre. */
export function inverseArea(a: number): number {
  return a > 1 ? 1 / a : 1;
}
