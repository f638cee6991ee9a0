/**
 * The 0-D basin integrator: the hot loop.
 *
 * State: the basin's stored volume V (m^3). dV/dt = -Q(H, mode), with Q positive from basin to
 * sea and H = z_basin(V) - z_sea(t). Each step is Heun's method (explicit trapezoidal, second
 * order) with the sea level varying linearly across the step. A step is split where something
 * happens inside it, and the rest runs on from there:
 *
 * - a mode's exit (its head threshold, or the basin or sea level leaving its safe band): the
 *   crossing is located by linear interpolation of the exit function over the step, the step is
 *   integrated up to it, and the rest runs in the next mode. Switches are placed, not smeared;
 * - a time event: the end of a mode's minimum duration (from when its head threshold may end it)
 *   or the end of the ramp after a switch;
 * - the error control: a sub-step whose Heun and Euler results differ by more than LEVEL_TOL is
 *   halved (stiff sluicing at slack water and over the drying flats);
 * - the limiter: the exact solution never takes the basin past the sea (water flows downhill); a
 *   step that does is stopped at that bound, its flows scaled alike.
 *
 * Energy and every flow path are integrated with the same trapezoidal weights as the volume, so
 * the volume change equals the net inflow to round-off. Whole steps in which nothing happens (the
 * great majority) run in `cruise`, a small loop of their own.
 *
 * The solver stops the run with a SolverError (naming the time, the step, the mode and what to
 * change) rather than return a wrong answer: a non-finite sea level or state, a basin level
 * outside the area curve, a step too coarse for the scheme (the basin overshooting the sea level
 * or equalising faster than the finest sub-step), or modes switching in a loop.
 */

import { type ModeTable, startMode } from '../operation/modes.js';
import type { Basin, VolumeInverse } from '../scheme/basin.js';
import { areaOfVolume, levelOfArea, segmentOfVolume, volumeAt, volumeInverse } from '../scheme/basin.js';
import type { TurbineTable } from '../scheme/turbine.js';
import { isoTime } from '../time.js';
import { SolverError } from './errors.js';
import { compileFlows, type FlowModel, modeFlows, unitFlows } from './flows.js';
import type { ModeLog } from './mode-log.js';

/** Sea level on a uniform time grid. */
export interface SeaLevel {
  /** Time of the first sample (s since 1970-01-01T00:00Z). */
  readonly t0: number;
  /** Spacing (s). */
  readonly dt: number;
  /** Level at each sample (m, in the scenario's datum). */
  readonly level: Float64Array;
}

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
}

/**
 * At most this many mode switches inside one step: more means the modes hand over in a loop
 * without time passing (inconsistent heads or limits), and the run stops.
 */
export const MAX_SWITCHES_PER_STEP = 16;
/**
 * A mode whose exit condition already holds by more than this (m) when it is entered ends at
 * once. Consecutive modes that share a threshold (hold-low ends at H = 0, fill starts there)
 * must not read round-off as a crossing.
 */
const SWITCH_TOL = 1e-6;
/**
 * Largest overshoot of the basin past the sea (m) the run accepts (see Totals.overshoot). Near
 * slack water the sluice flow, Q ~ sqrt(|H|), equalises a small head faster than any explicit
 * step resolves, and the step overshoots by up to about (Cd*A/A_basin)^2 * 2g * dt^2 / 4; a
 * centimetre is immaterial to the energy (the Mersey default at 10-minute steps overshoots by
 * under a millimetre), a decimetre is not: the basin then passes a sea still rising, the
 * sluicing ends early and the basin is held short of high water.
 */
export const OVERSHOOT_LIMIT = 0.02;

/**
 * Local error tolerance (m of basin level): a sub-step whose Heun result differs from its
 * embedded Euler result by more is halved (and the next sub-steps grow back by doubling). The
 * difference is Euler's local error, O(dt^2), so it over-states Heun's, O(dt^3): smooth stretches
 * of a tide pass whole at 10-minute steps, while the stiff ones are split: sluicing near slack
 * water, where Q ~ sqrt(|H|) has no bounded derivative, and over the drying flats, where a small
 * wetted area meets the full sluice capacity. On the Mersey this brings the 10-minute error in
 * annual energy from 0.7-1.8 % down to about 0.15 % (README, "Scheme physics and operation").
 */
export const LEVEL_TOL = 0.005;
/** A step is halved at most this many times (down to dt/4096); a step needing more is too coarse. */
const MAX_HALVINGS = 12;

/** Weight of the mode entered, `age` seconds into a ramp of `ramp` seconds: smoothstep, C1 at both ends. */
function rampWeight(age: number, ramp: number): number {
  const s = age / ramp;
  return s >= 1 ? 1 : s * s * (3 - 2 * s);
}

/**
 * During a ramp: blends the flows and power of mode m already in out[0..3] with those of mode
 * `from` at head h, by weight w of m (kept out of the hot path: it runs only while a ramp lasts).
 */
function rampBlend(f: FlowModel, from: number, w: number, h: number, out: Float64Array): number {
  modeFlows(f, from, h, out, 4);
  const v = 1 - w;
  out[0] = w * out[0] + v * out[4];
  out[1] = w * out[1] + v * out[5];
  out[2] = w * out[2] + v * out[6];
  out[3] = w * out[3] + v * out[7];
  return out[0] + out[1];
}

/** Stops the run: the message names the time, the step, the mode, what happened and what to change. */
function stop(sea: SeaLevel, step: number, tau: number, ops: ModeTable, mode: number, what: string): never {
  const time = sea.t0 + step * sea.dt + tau;
  const name = ops.names[mode] ?? String(mode);
  throw new SolverError(`at ${isoTime(time)} (step ${step + 1}, mode ${name}): ${what}`, { time, step, mode: name });
}

function checkSea(sea: SeaLevel, ops: ModeTable, mode: number): void {
  const eta = sea.level;
  if (!(sea.dt > 0) || !Number.isFinite(sea.dt))
    throw new SolverError(`the time step must be a finite number of seconds > 0, got ${sea.dt}`, {
      time: sea.t0,
      step: 0,
      mode: ops.names[mode] ?? String(mode),
    });
  for (let k = 0; k < eta.length; k++) {
    if (!Number.isFinite(eta[k])) stop(sea, k, 0, ops, mode, `the sea level is not finite (${eta[k]}); check the tide input`);
  }
}

function outOfRange(sea: SeaLevel, step: number, tau: number, ops: ModeTable, mode: number, z: number, basin: Basin): never {
  const L = basin.levels;
  if (!Number.isFinite(z))
    stop(sea, step, tau, ops, mode, `the basin level became ${z}; check the turbine and sluice inputs for non-finite values`);
  stop(
    sea,
    step,
    tau,
    ops,
    mode,
    `the basin level ${z.toFixed(3)} m left the range of the basin's area curve (${L[0]} to ${L[L.length - 1]} m); ` +
      `extend the area curve to the levels the scheme reaches, check that the tide and the curve use the same datum, or bound the basin level with operation.limits`,
  );
}

function tooCoarse(sea: SeaLevel, step: number, tau: number, ops: ModeTable, mode: number, err: number, minLen: number): never {
  stop(
    sea,
    step,
    tau,
    ops,
    mode,
    `the time step of ${sea.dt} s is too coarse for this scheme: even split into sub-steps of ${minLen.toPrecision(3)} s, one moves the basin level ` +
      `${err.toExponential(2)} m away from its first-order estimate (tolerance ${LEVEL_TOL} m), so the sluices or turbines equalise the basin faster than that; ` +
      `reduce time_step_s to about ${Math.max(1, Math.floor(sea.dt / 16))} s or less, or check the sluice area and the basin's area curve`,
  );
}

function loopingModes(sea: SeaLevel, step: number, tau: number, ops: ModeTable, mode: number): never {
  stop(
    sea,
    step,
    tau,
    ops,
    mode,
    `more than ${MAX_SWITCHES_PER_STEP} mode switches in one step: the modes hand over in a loop without time passing; ` +
      `check that each start head is above its end head and pumping target, and that the safety limits leave room to operate`,
  );
}

function overshot(sea: SeaLevel, step: number, tau: number, ops: ModeTable, mode: number, by: number): never {
  const dt = sea.dt;
  // The overshoot grows like dt^2: aim at a quarter of the limit.
  const suggest = Math.max(1, Math.floor((dt * Math.sqrt((0.25 * OVERSHOOT_LIMIT) / by)) / 10) * 10);
  stop(
    sea,
    step,
    tau,
    ops,
    mode,
    `the basin overshot the sea level by ${by.toFixed(3)} m in one step (limit ${OVERSHOOT_LIMIT} m): the time step of ${dt} s is too coarse for this scheme's ` +
      `sluices and turbines; reduce time_step_s to about ${suggest} s or less`,
  );
}
/**
 * A run set up once for a sea level, a scheme and a mode table: the flat tables the loops read.
 * `advance` integrates windows of it from a SolverState; `integrate` is one window over the whole
 * series. Built by prepareRun; treat it as read-only (its scratch buffers are the loops' own).
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
  /** What the common case reads per call: the thresholds in force and the series buffers. */
  exitHead: Float64Array;
  series: StepSeries | undefined;
  /** The common case's in/out state. */
  readonly cruiseState: Float64Array;
}

/**
 * The state the integrator carries from one step to the next: the basin, the mode with its age
 * and ramp, and the running totals. A window of steps starts from one and leaves it at its end,
 * so that windows run one after another give exactly the run made in one go.
 */
export class SolverState {
  /** Basin volume (m^3), level (m), segment of the area table, 1/area (1/m^2). */
  volume = 0;
  level = 0;
  segment = 0;
  invArea = 1;
  /** Mode in force, time in it (s), the mode a ramp blends from (-1: none), the last mode that lasted. */
  mode = 0;
  age = 0;
  rampFrom = -1;
  settled = 0;
  /** Running totals, as in Totals. */
  energy = 0;
  pumpEnergy = 0;
  generatingPeriods = 0;
  pumpingPeriods = 0;
  turbineVolume = 0;
  sluiceVolume = 0;
  switches = 0;
  overshoot = 0;
  halvings = 0;
  steps = 0;
  initialVolume = 0;
  /** Time in each mode (s), the current mode's age not yet added. */
  readonly modeTime: Float64Array;
  /** The open segment of the mode log: its start (s since the epoch), energy generated and pumped before it (J). */
  logStart = 0;
  logGenerated = 0;
  logPumped = 0;

  constructor(modes: number) {
    this.modeTime = new Float64Array(modes);
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
}

/**
 * The common case, kept apart in a small function of its own so that its loop compiles tight
 * whatever the modes of the run: whole steps of mode m from step i0 on, each one Heun step, while
 * nothing happens in them. It stops before the first step where something does (the mode's exit
 * crossed, the error control or the limiter needed, the level out of the curve) and leaves that
 * step, untouched, to the general loop of advance, which does everything this does and more.
 * The mode must be armed (its minimum duration past), without ramp or safe band, and its exit
 * not due at the start of step i0. state: in [V, z, segment, 1/area]; out the same, then the
 * energy generated, energy pumped, turbine and sluice volumes of the steps done. Returns the index
 * of the first step not done (at most `end`). (`end` and `state` come as arguments: read from the
 * run object, they cost the loop about 8 %.)
 */
function cruise(c: SolverRun, m: number, i0: number, end: number, state: Float64Array): number {
  const { eta, dt, table, out, levels, volumes, areas, areaSq, slope2, invSlope, topSeg, zBottom, zTop, series } = c;
  const dir = c.exitDir[m];
  const thr = c.exitHead[m];
  const closed = c.closed[m] === 1;
  const bounded = c.headDriven[m] === 1;
  const k = c.flows.kOrifice[m];
  const start = c.flows.tableStart[m];
  const last = c.flows.tableLast[m];
  const read = c.flows.readScale[m];
  const sign = c.flows.flowSign[m];
  const gen = c.flows.generating[m];
  const wt = 0.5 * dt;
  const invDt = 1 / dt;
  let V = state[0];
  let z = state[1];
  let seg = state[2];
  let invA = state[3];
  let eGen = 0;
  let ePump = 0;
  let vTurb = 0;
  let vSluice = 0;
  let i = i0;
  for (; i < end; i++) {
    const e0 = eta[i];
    const e1 = eta[i + 1];
    const de = e1 - e0;
    let g = 0;
    if (closed) {
      g = dir * (z - e1 - thr);
      if (!(g < 0 || (g === 0 && dir * de >= 0))) break;
      if (series) {
        series.mode[i] = m;
        series.basinLevel[i + 1] = z;
        series.turbineFlow[i] = 0;
        series.sluiceFlow[i] = 0;
        series.power[i] = 0;
        series.pumpPower[i] = 0;
      }
      continue;
    }
    // One Heun step, as in integrate's general loop, accepted only if nothing happens in it.
    const qa = unitFlows(k, start, last, read, sign, gen, table, z - e0, out, 0);
    const ta = out[0];
    const sa = out[1];
    const ga = out[2];
    const pa = out[3];
    const zp = z - qa * dt * invA;
    const qb = unitFlows(k, start, last, read, sign, gen, table, zp - e1, out, 0);
    const V1 = V - wt * (qa + qb);
    const s1 = segmentOfVolume(volumes, topSeg, V1, seg);
    const a1 = areaOfVolume(areaSq, slope2, volumes, V1, s1);
    const z1 = levelOfArea(levels, areas, volumes, invSlope, V1, s1, a1);
    g = dir * (z1 - e1 - thr);
    if (
      !(
        (z1 > zp ? z1 - zp : zp - z1) <= LEVEL_TOL &&
        z1 >= zBottom &&
        z1 <= zTop &&
        (!bounded || ((z1 <= z || z1 <= e0 || z1 <= e1) && (z1 >= z || z1 >= e0 || z1 >= e1))) &&
        (g < 0 || (g === 0 && dir * de >= 0))
      )
    ) {
      break;
    }
    const sGen = wt * (ga + out[2]);
    const sPump = wt * (pa + out[3]);
    const sTurb = wt * (ta + out[0]);
    const sSluice = wt * (sa + out[1]);
    eGen += sGen;
    ePump += sPump;
    vTurb += sTurb;
    vSluice += sSluice;
    V = V1;
    z = z1;
    seg = s1;
    invA = inverseArea(a1);
    if (series) {
      series.mode[i] = m;
      series.basinLevel[i + 1] = z;
      series.turbineFlow[i] = sTurb * invDt;
      series.sluiceFlow[i] = sSluice * invDt;
      series.power[i] = sGen * invDt;
      series.pumpPower[i] = sPump * invDt;
    }
  }
  state[0] = V;
  state[1] = z;
  state[2] = seg;
  state[3] = invA;
  state[4] = eGen;
  state[5] = ePump;
  state[6] = vTurb;
  state[7] = vSluice;
  return i;
}

/** 1/area for the linearised predictor; an empty basin (zero area) gets the area of a square metre. */
function inverseArea(a: number): number {
  return a > 1 ? 1 / a : 1;
}

/** Stand-ins for series buffers not recorded. */
const NO_SAMPLES = new Float64Array(0);
const NO_MODES = new Uint8Array(0);

/** Builds the tables of a run and checks the sea level once (`mode`: the mode named if it is not finite). */
export function prepareRun(sea: SeaLevel, scheme: SchemeModel, ops: ModeTable, mode = 0): SolverRun {
  checkSea(sea, ops, mode);
  const flows = compileFlows(scheme, ops);
  const basin = scheme.basin;
  const inv = volumeInverse(basin);
  const nModes = ops.names.length;
  const { kOrifice, tableStart } = flows;
  const { basinLow, basinHigh, seaLow, seaHigh, pump } = ops;
  const banded = new Uint8Array(nModes);
  const headDriven = new Uint8Array(nModes);
  const closed = new Uint8Array(nModes);
  for (let m = 0; m < nModes; m++) {
    banded[m] = basinLow[m] > -Infinity || basinHigh[m] < Infinity || seaLow[m] > -Infinity || seaHigh[m] < Infinity ? 1 : 0;
    headDriven[m] = pump[m] === 0 ? 1 : 0;
    closed[m] = kOrifice[m] === 0 && tableStart[m] < 0 ? 1 : 0;
  }
  return {
    sea,
    ops,
    basin,
    eta: sea.level,
    dt: sea.dt,
    table: flows.table,
    out: new Float64Array(8),
    ...inv,
    topSeg: inv.last - 1,
    zBottom: inv.levels[0],
    zTop: inv.levels[inv.last],
    flows,
    exitDir: ops.exitDir,
    banded,
    headDriven,
    closed,
    minLen: sea.dt / 2 ** MAX_HALVINGS,
    exitHead: ops.exitHead,
    series: undefined,
    cruiseState: new Float64Array(8),
  };
}

/** The state at the first sample: the basin at `level` (default: the sea level there) in `mode` (default 0). */
export function startState(run: SolverRun, level = run.eta[0], mode = seaStartMode(run.ops, run.eta)): SolverState {
  const { ops, basin, sea } = run;
  if (!(mode >= 0 && mode < ops.names.length))
    throw new Error(`initial mode ${mode} is not a mode of the table (0 to ${ops.names.length - 1})`);
  const st = new SolverState(ops.names.length);
  st.mode = mode;
  st.settled = mode;
  if (!(level >= run.zBottom && level <= run.zTop)) outOfRange(sea, 0, 0, ops, mode, level, basin);
  st.level = level;
  st.volume = volumeAt(basin, level);
  st.initialVolume = st.volume;
  st.segment = segmentOfVolume(run.volumes, run.topSeg, st.volume, 0);
  st.invArea = inverseArea(areaOfVolume(run.areaSq, run.slope2, run.volumes, st.volume, st.segment));
  st.logStart = sea.t0;
  return st;
}

/**
 * Integrates the steps from sample i0 to sample i1 (i0 < i1 <= samples - 1) from state `st`,
 * which it leaves at the end: windows run one after another (with the same log and series)
 * give exactly the run made in one go, and the thresholds may change between them. Returns the
 * sample reached: i1, or the end of the step in which the window's stop condition was met.
 *
 * Each sub-step is Heun's method: flows at the start (a), an Euler predictor, flows at the
 * predictor's end (b), and the trapezoidal corrector. The predictor's level is linearised with
 * the wetted area at the start (first order, which is all Heun needs); the corrector's level is
 * the exact inverse of V(z). Their difference is the local error estimate.
 */
export function advance(run: SolverRun, st: SolverState, i0: number, i1: number, o: WindowOptions = {}): number {
  const {
    sea,
    ops,
    basin,
    eta,
    dt,
    out,
    levels,
    volumes,
    areas,
    areaSq,
    slope2,
    invSlope,
    topSeg,
    zBottom,
    zTop,
    banded,
    headDriven,
    closed,
    minLen,
  } = run;
  const f = run.flows;
  const { kOrifice, tableStart, tableLast, readScale, flowSign, generating, table } = f;
  const { exitDir, next, generate, pump, minDuration, basinLow, basinHigh, seaLow, seaHigh, rampTime } = ops;
  const exitHead = o.exitHead ?? ops.exitHead;
  if (exitHead.length !== ops.names.length)
    throw new RangeError(`thresholds for ${exitHead.length} modes, the table has ${ops.names.length}`);
  if (!(i0 >= 0 && i1 <= eta.length - 1 && i0 <= i1))
    throw new RangeError(`window ${i0}..${i1} is outside the ${eta.length} samples`);
  const invDt = 1 / dt;
  const series = o.series;
  // The series buffers, hoisted (empty when not recorded; every write is behind `if (series)`).
  const none = NO_SAMPLES;
  const outLevel = series ? series.basinLevel : none;
  const outMode = series ? series.mode : NO_MODES;
  const outTurbine = series ? series.turbineFlow : none;
  const outSluice = series ? series.sluiceFlow : none;
  const outPower = series ? series.power : none;
  const outPump = series ? series.pumpPower : none;
  const log = o.log;
  const stopOn = o.stopOnEntry;
  let stopLeft = o.stopCount ?? 0;
  let stopping = false;
  let reached = i1;
  run.exitHead = exitHead;
  run.series = series;
  const state = run.cruiseState;
  const modeTime = st.modeTime;

  let V = st.volume;
  let z = st.level;
  let seg = st.segment;
  let invA = st.invArea;
  let mode = st.mode;
  let age = st.age;
  let from = st.rampFrom;
  let settled = st.settled;
  let energy = st.energy;
  let pumpEnergy = st.pumpEnergy;
  let genPeriods = st.generatingPeriods;
  let pumpPeriods = st.pumpingPeriods;
  let turbVol = st.turbineVolume;
  let sluiceVol = st.sluiceVolume;
  let switches = st.switches;
  let overshoot = st.overshoot;
  let rejected = st.halvings;
  let segStart = st.logStart;
  let segGen = st.logGenerated;
  let segPump = st.logPumped;
  if (series && i0 === 0) outLevel[0] = z;
  // The last step needed halving: cruise would only fail on the next one and the step be done
  // again below, so it is not tried (the trajectory is the same either way).
  let stiff = false;

  for (let i = i0; i < i1; i++) {
    const e0 = eta[i];
    if (
      !stiff &&
      from < 0 &&
      age >= minDuration[mode] &&
      banded[mode] === 0 &&
      exitDir[mode] * (z - e0 - exitHead[mode]) <= SWITCH_TOL
    ) {
      // The common case: whole steps in one mode with nothing happening in them.
      state[0] = V;
      state[1] = z;
      state[2] = seg;
      state[3] = invA;
      const j = cruise(run, mode, i, i1, state);
      if (j > i) {
        V = state[0];
        z = state[1];
        seg = state[2];
        invA = state[3];
        age += (j - i) * dt;
        energy += state[4];
        pumpEnergy += state[5];
        turbVol += state[6];
        sluiceVol += state[7];
        i = j - 1;
        continue;
      }
    }
    const e1 = eta[i + 1];
    const de = e1 - e0;
    const rejectedBefore = rejected;
    if (series) outMode[i] = mode;
    let tau = 0; // seconds of the step done
    let sGen = 0;
    let sPump = 0;
    let sTurb = 0;
    let sSluice = 0;
    let switchesHere = 0;
    // Longest sub-step the error control allows now (s). Each step starts afresh, so the result
    // depends on the state and the sea alone, not on the history of the step sizes.
    let cap = dt;
    while (tau < dt) {
      // The sub-step: to the end of the step, or shorter for the error control or a time event.
      let len = dt - tau;
      let toEnd = true;
      if (cap < len) {
        len = cap;
        toEnd = false;
      }
      const md = minDuration[mode];
      const armed = age >= md;
      if (!armed && md - age < len) {
        len = md - age;
        toEnd = false;
      }
      if (from >= 0) {
        if (age >= rampTime) from = -1;
        else if (rampTime - age < len) {
          len = rampTime - age;
          toEnd = false;
        }
      }
      const eS = tau === 0 ? e0 : e0 + de * (tau * invDt);
      const eE = toEnd ? e1 : e0 + de * ((tau + len) * invDt);
      const h0 = z - eS;
      const dir = exitDir[mode];
      const thr = exitHead[mode];
      const band = banded[mode] === 1;
      // Exit function: >= 0 when the mode must end (its head threshold once armed, or its safe band).
      let g0 = armed ? dir * (h0 - thr) : -Infinity;
      if (band) g0 = Math.max(g0, basinLow[mode] - z, z - basinHigh[mode], seaLow[mode] - eS, eS - seaHigh[mode]);
      if (g0 <= SWITCH_TOL) {
        let qa = 0;
        let ta = 0;
        let sa = 0;
        let ga = 0;
        let pa = 0;
        let V1 = V;
        let z1 = z;
        let s1 = seg;
        let a1 = 0;
        let err = 0;
        let limit = 1;
        if (closed[mode] === 1 && from < 0) {
          // Every path closed: the basin keeps its volume.
          out[0] = 0;
          out[1] = 0;
          out[2] = 0;
          out[3] = 0;
        } else {
          const k = kOrifice[mode];
          const st = tableStart[mode];
          const last = tableLast[mode];
          const rs = readScale[mode];
          const fs = flowSign[mode];
          const gm = generating[mode];
          qa = unitFlows(k, st, last, rs, fs, gm, table, h0, out, 0);
          if (from >= 0) qa = rampBlend(f, from, rampWeight(age, rampTime), h0, out);
          ta = out[0];
          sa = out[1];
          ga = out[2];
          pa = out[3];
          const zp = z - qa * len * invA;
          let qb = unitFlows(k, st, last, rs, fs, gm, table, zp - eE, out, 0);
          if (from >= 0) qb = rampBlend(f, from, rampWeight(age + len, rampTime), zp - eE, out);
          V1 = V - 0.5 * len * (qa + qb);
          if (V1 !== V) {
            s1 = segmentOfVolume(volumes, topSeg, V1, seg);
            a1 = areaOfVolume(areaSq, slope2, volumes, V1, s1);
            z1 = levelOfArea(levels, areas, volumes, invSlope, V1, s1, a1);
          }
          // Local error control: Heun and its Euler predictor must agree to LEVEL_TOL, else halve.
          err = z1 > zp ? z1 - zp : zp - z1;
          if (err > LEVEL_TOL) {
            if (len > minLen) {
              rejected++;
              cap = 0.5 * len;
              continue;
            }
            tooCoarse(sea, i, tau, ops, mode, err, minLen);
          }
          if (headDriven[mode] === 1 && (from < 0 || headDriven[from] === 1)) {
            // The exact solution stays between the basin's start level and the sea levels over the
            // step (water flows downhill). Past that the step overshot: above the limit the step is
            // too coarse; below it a limiter stops the basin at the bound, scaling the sub-step's
            // flows and power alike so that volume and energy stay consistent.
            const hi = Math.max(z, eS, eE);
            const lo = Math.min(z, eS, eE);
            const by = Math.max(z1 - hi, lo - z1);
            if (by > 0) {
              if (by > overshoot) {
                overshoot = by;
                if (by > OVERSHOOT_LIMIT) overshot(sea, i, tau, ops, mode, by);
              }
              const zc = z1 > hi ? hi : lo;
              const Vc = volumeAt(basin, zc);
              limit = (V - Vc) / (V - V1);
              V1 = Vc;
              z1 = zc;
              s1 = segmentOfVolume(volumes, topSeg, Vc, s1);
              a1 = areaOfVolume(areaSq, slope2, volumes, Vc, s1);
            }
          }
          if (!(z1 >= zBottom && z1 <= zTop)) outOfRange(sea, i, tau + len, ops, mode, z1, basin);
        }
        let g1 = armed ? dir * (z1 - eE - thr) : -Infinity;
        if (band) g1 = Math.max(g1, basinLow[mode] - z1, z1 - basinHigh[mode], seaLow[mode] - eE, eE - seaHigh[mode]);
        // A tie (the limiter puts a basin that follows the sea exactly on its threshold) ends the
        // mode only when the sea moves the head across the threshold.
        if (g1 < 0 || (g1 === 0 && dir * de >= 0)) {
          // The whole sub-step in this mode.
          const wt = 0.5 * len * limit;
          sGen += wt * (ga + out[2]);
          sPump += wt * (pa + out[3]);
          sTurb += wt * (ta + out[0]);
          sSluice += wt * (sa + out[1]);
          if (V1 !== V) {
            V = V1;
            z = z1;
            seg = s1;
            invA = inverseArea(a1);
          }
          age += len;
          if (err < 0.25 * LEVEL_TOL) cap *= 2;
          if (toEnd) break;
          tau += len;
          continue;
        }
        // The mode ends inside the sub-step: integrate up to the crossing.
        const sub = g0 >= 0 ? 0 : (g0 / (g0 - g1)) * len;
        if (sub > 0) {
          const eX = eS + de * (sub * invDt);
          const zq = z - qa * sub * invA;
          let qb = modeFlows(f, mode, zq - eX, out, 0);
          if (from >= 0) qb = rampBlend(f, from, rampWeight(age + sub, rampTime), zq - eX, out);
          const wt = 0.5 * sub;
          sGen += wt * (ga + out[2]);
          sPump += wt * (pa + out[3]);
          sTurb += wt * (ta + out[0]);
          sSluice += wt * (sa + out[1]);
          if (qa + qb !== 0) {
            V -= wt * (qa + qb);
            seg = segmentOfVolume(volumes, topSeg, V, seg);
            const a = areaOfVolume(areaSq, slope2, volumes, V, seg);
            z = levelOfArea(levels, areas, volumes, invSlope, V, seg, a);
            invA = inverseArea(a);
            if (!(z >= zBottom && z <= zTop)) outOfRange(sea, i, tau + sub, ops, mode, z, basin);
          }
          age += sub;
          tau += sub;
        }
      }
      // Switch.
      if (++switchesHere > MAX_SWITCHES_PER_STEP) loopingModes(sea, i, tau, ops, mode);
      if (log) {
        log.push(segStart, mode, energy + sGen - segGen, pumpEnergy + sPump - segPump);
        segStart = sea.t0 + i * dt + tau;
        segGen = energy + sGen;
        segPump = pumpEnergy + sPump;
      }
      if (age > 0) settled = mode;
      from = rampTime > 0 ? settled : -1;
      modeTime[mode] += age;
      mode = next[mode];
      age = 0;
      switches++;
      if (generate[mode] !== 0) genPeriods++;
      else if (pump[mode] !== 0) pumpPeriods++;
      if (stopOn !== undefined && stopOn[mode] === 1 && --stopLeft === 0) stopping = true;
    }
    energy += sGen;
    pumpEnergy += sPump;
    turbVol += sTurb;
    sluiceVol += sSluice;
    stiff = rejected !== rejectedBefore;
    if (series) {
      outLevel[i + 1] = z;
      outPower[i] = sGen * invDt;
      outPump[i] = sPump * invDt;
      outTurbine[i] = sTurb * invDt;
      outSluice[i] = sSluice * invDt;
    }
    if (stopping) {
      reached = i + 1;
      break;
    }
  }

  st.volume = V;
  st.level = z;
  st.segment = seg;
  st.invArea = invA;
  st.mode = mode;
  st.age = age;
  st.rampFrom = from;
  st.settled = settled;
  st.energy = energy;
  st.pumpEnergy = pumpEnergy;
  st.generatingPeriods = genPeriods;
  st.pumpingPeriods = pumpPeriods;
  st.turbineVolume = turbVol;
  st.sluiceVolume = sluiceVol;
  st.switches = switches;
  st.overshoot = overshoot;
  st.halvings = rejected;
  st.steps += reached - i0;
  st.logStart = segStart;
  st.logGenerated = segGen;
  st.logPumped = segPump;
  return reached;
}

/**
 * The totals of a run whose state has reached sample `end` (default: the last); closes the log
 * and writes the mode at that sample into the series, when given.
 */
export function finishRun(run: SolverRun, st: SolverState, o: { series?: StepSeries; log?: ModeLog; end?: number } = {}): Totals {
  const { sea, ops } = run;
  const n = run.eta.length;
  const end = o.end ?? Math.max(n - 1, 0);
  const mode = st.mode;
  const modeTime = st.modeTime.slice();
  modeTime[mode] += st.age;
  if (o.series && n > 0) o.series.mode[end] = mode;
  if (o.log) {
    o.log.push(st.logStart, mode, st.energy - st.logGenerated, st.pumpEnergy - st.logPumped);
    o.log.end = sea.t0 + end * sea.dt;
  }
  if (!Number.isFinite(st.energy) || !Number.isFinite(st.pumpEnergy))
    stop(
      sea,
      Math.max(end - 1, 0),
      sea.dt,
      ops,
      mode,
      'the energy total is not finite; check the turbine curves for non-finite values',
    );

  let genTime = 0;
  let pumpTime = 0;
  for (let m = 0; m < ops.names.length; m++) {
    if (ops.generate[m] !== 0) genTime += modeTime[m];
    else if (ops.pump[m] !== 0) pumpTime += modeTime[m];
  }
  return {
    energy: st.energy,
    pumpEnergy: st.pumpEnergy,
    modeTime,
    generatingTime: genTime,
    generatingPeriods: st.generatingPeriods,
    pumpingTime: pumpTime,
    pumpingPeriods: st.pumpingPeriods,
    turbineVolume: st.turbineVolume,
    sluiceVolume: st.sluiceVolume,
    initialVolume: st.initialVolume,
    finalVolume: st.volume,
    finalLevel: st.level,
    finalMode: mode,
    steps: st.steps,
    switches: st.switches,
    overshoot: st.overshoot,
    halvings: st.halvings,
  };
}

/** The start mode for a run on this sea level: one waiting for the slack water the sea heads to (startMode). */
function seaStartMode(ops: ModeTable, eta: Float64Array): number {
  return startMode(ops, eta.length < 2 || eta[1] >= eta[0]);
}

/**
 * Integrates the basin over the whole sea-level series with the given operation: one window from
 * the first sample to the last. Pure apart from writing the optional series buffers and log.
 */
export function integrate(sea: SeaLevel, scheme: SchemeModel, ops: ModeTable, opt: IntegrateOptions = {}): Totals {
  const mode = opt.initialMode ?? seaStartMode(ops, sea.level);
  if (!(mode >= 0 && mode < ops.names.length))
    throw new Error(`initial mode ${mode} is not a mode of the table (0 to ${ops.names.length - 1})`);
  const run = prepareRun(sea, scheme, ops, mode);
  const st = startState(run, opt.initialLevel ?? sea.level[0], mode);
  const n = sea.level.length;
  if (n > 1) advance(run, st, 0, n - 1, { series: opt.series, log: opt.log });
  else if (opt.series && n === 1) opt.series.basinLevel[0] = st.level;
  return finishRun(run, st, { series: opt.series, log: opt.log });
}
