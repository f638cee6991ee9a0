/**
 * The 0-D basin integrator: the hot loop.
 *
 * State: the basin's stored volume V (m^3). dV/dt = -Q(H, mode), with Q positive from basin to
 * sea and H = z_basin(V) - z_sea(t). Each step is Heun's method (explicit trapezoidal, second
 * order) with the sea level varying linearly across the step. When the mode's exit threshold is
 * crossed inside a step, the crossing time is located, the step is split there, and the rest of
 * the step runs in the next mode: switches are placed, not smeared over a step.
 *
 * Energy and every flow path are integrated with the same trapezoidal weights as the volume, so
 * the volume change equals the net inflow to round-off.
 */
import type { Basin } from '../scheme/basin.js';
import { levelAt, volumeAt } from '../scheme/basin.js';
import type { TurbineTable } from '../scheme/turbine.js';
import type { ModeTable } from '../operation/modes.js';
import { GRAVITY } from '../physics.js';

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
}

/** Per-step output buffers, one entry per sea-level sample. */
export interface StepSeries {
  /** Basin level at the sample (m). */
  readonly basinLevel: Float64Array;
  /** Mode in force at the start of the step that begins at the sample. */
  readonly mode: Uint8Array;
  /** Mean turbine flow over that step (m^3/s, + basin to sea). */
  readonly turbineFlow: Float64Array;
  /** Mean sluice flow (sluices and idle turbines) over that step (m^3/s, + basin to sea). */
  readonly sluiceFlow: Float64Array;
  /** Mean power over that step (W). */
  readonly power: Float64Array;
}

export function allocateSeries(n: number): StepSeries {
  return {
    basinLevel: new Float64Array(n),
    mode: new Uint8Array(n),
    turbineFlow: new Float64Array(n),
    sluiceFlow: new Float64Array(n),
    power: new Float64Array(n),
  };
}

export interface Totals {
  /** Energy generated (J). */
  energy: number;
  /** Time spent generating (s). */
  generatingTime: number;
  /** Number of generating periods started. */
  generatingPeriods: number;
  /** Volume through the turbines generating, net basin to sea (m^3). */
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
  /** Switches placed inside steps. */
  switches: number;
}

export interface IntegrateOptions {
  /** Basin level at t0 (m); default: the sea level at t0. */
  initialLevel?: number;
  /** Mode at t0; default 0. */
  initialMode?: number;
  /** Buffers to fill with the per-step series (length = sea samples). */
  series?: StepSeries;
}

/** At most this many mode switches inside one step (guards against a cycle of zero-length modes). */
const MAX_SWITCHES_PER_STEP = 8;
/**
 * A mode whose exit condition already holds by more than this (m of head) when it is entered ends
 * at once. Consecutive modes that share a threshold (hold-low ends at H = 0, fill starts there)
 * must not read round-off as a crossing.
 */
const SWITCH_TOL = 1e-6;

// Results of the last flow evaluation, kept in module scope so the hot loop allocates nothing.
let qTurb = 0;
let qSluice = 0;
let pGen = 0;

/** Flows (m^3/s) and power (W) at head h in mode m; writes qTurb, qSluice, pGen. */
function evalFlows(s: SchemeModel, ops: ModeTable, m: number, h: number): void {
  const t = s.turbine;
  const gen = ops.generate[m];
  const ah = h >= 0 ? h : -h;
  const orifice = Math.sqrt(2 * GRAVITY * ah);
  let cdA = ops.sluice[m] === 1 ? s.sluiceCdA : 0;
  qTurb = 0;
  pGen = 0;
  if (gen !== 0 && gen * h > 0) {
    // Generating in the direction of the head: read the unit's table.
    const c = h >= 0 ? t.ebb : t.flood;
    const x = ah / t.dh;
    const last = c.flow.length - 1;
    let k = x | 0;
    if (k >= last) k = last - 1;
    let f = x - k;
    if (f > 1) f = 1;
    const q = c.flow[k] + f * (c.flow[k + 1] - c.flow[k]);
    const p = c.power[k] + f * (c.power[k + 1] - c.power[k]);
    qTurb = (h >= 0 ? q : -q) * s.turbineCount;
    pGen = p * s.turbineCount;
  } else if (ops.idle[m] === 1) {
    cdA += t.idleCdA * s.turbineCount;
  }
  qSluice = h >= 0 ? cdA * orifice : -cdA * orifice;
}

/**
 * Integrates the basin over the whole sea-level series with the given operation. Pure apart from
 * writing the optional series buffers.
 */
export function integrate(sea: SeaLevel, scheme: SchemeModel, ops: ModeTable, opt: IntegrateOptions = {}): Totals {
  const eta = sea.level;
  const n = eta.length;
  const dt = sea.dt;
  const basin = scheme.basin;
  const series = opt.series;
  const seg = new Int32Array(1);

  let mode = opt.initialMode ?? 0;
  let z = opt.initialLevel ?? eta[0];
  let V = volumeAt(basin, z);
  const V0 = V;
  levelAt(basin, V, 0, seg);

  let energy = 0;
  let genTime = 0;
  let genPeriods = 0;
  let turbVol = 0;
  let sluiceVol = 0;
  let switches = 0;

  if (series) series.basinLevel[0] = z;

  for (let i = 0; i + 1 < n; i++) {
    const e0 = eta[i];
    const de = eta[i + 1] - e0;
    if (series) series.mode[i] = mode;
    let tau = 0; // fraction of the step done
    let stepEnergy = 0;
    let stepTurb = 0;
    let stepSluice = 0;
    for (let sw = 0; ; sw++) {
      const rem = (1 - tau) * dt;
      const dir = ops.exitDir[mode];
      const thr = ops.exitHead[mode];
      const eStart = e0 + tau * de;
      // Heun over the rest of the step.
      const h0 = z - eStart;
      evalFlows(scheme, ops, mode, h0);
      const qa = qTurb + qSluice;
      const ta = qTurb;
      const sa = qSluice;
      const pa = pGen;
      const g0 = dir * (h0 - thr);
      let frac = 1;
      if (g0 > SWITCH_TOL && sw < MAX_SWITCHES_PER_STEP) {
        frac = 0; // the exit condition already holds: switch at once
      } else {
        const Vp = V - qa * rem;
        const hp = levelAt(basin, Vp, seg[0]) - (e0 + de);
        evalFlows(scheme, ops, mode, hp);
        const V1 = V - 0.5 * rem * (qa + qTurb + qSluice);
        const h1 = levelAt(basin, V1, seg[0]) - (e0 + de);
        const g1 = dir * (h1 - thr);
        if (g1 < 0 || sw >= MAX_SWITCHES_PER_STEP) {
          // Whole remainder in this mode.
          const wt = 0.5 * rem;
          stepEnergy += wt * (pa + pGen);
          stepTurb += wt * (ta + qTurb);
          stepSluice += wt * (sa + qSluice);
          if (ops.generate[mode] !== 0) genTime += rem;
          V = V1;
          z = levelAt(basin, V, seg[0], seg);
          break;
        }
        frac = g0 >= 0 ? 0 : g0 / (g0 - g1);
      }
      if (frac > 0) {
        // Integrate up to the crossing, then switch.
        const sub = frac * rem;
        const eEnd = eStart + frac * (1 - tau) * de;
        const Vp = V - qa * sub;
        const hp = levelAt(basin, Vp, seg[0]) - eEnd;
        evalFlows(scheme, ops, mode, hp);
        const wt = 0.5 * sub;
        stepEnergy += wt * (pa + pGen);
        stepTurb += wt * (ta + qTurb);
        stepSluice += wt * (sa + qSluice);
        if (ops.generate[mode] !== 0) genTime += sub;
        V -= wt * (qa + qTurb + qSluice);
        z = levelAt(basin, V, seg[0], seg);
        tau += frac * (1 - tau);
      }
      mode = ops.next[mode];
      switches++;
      if (ops.generate[mode] !== 0) genPeriods++;
    }
    energy += stepEnergy;
    turbVol += stepTurb;
    sluiceVol += stepSluice;
    if (series) {
      series.basinLevel[i + 1] = z;
      series.power[i] = stepEnergy / dt;
      series.turbineFlow[i] = stepTurb / dt;
      series.sluiceFlow[i] = stepSluice / dt;
    }
  }
  if (series && n > 0) series.mode[n - 1] = mode;

  return {
    energy,
    generatingTime: genTime,
    generatingPeriods: genPeriods,
    turbineVolume: turbVol,
    sluiceVolume: sluiceVol,
    initialVolume: V0,
    finalVolume: V,
    finalLevel: z,
    finalMode: mode,
    steps: n > 0 ? n - 1 : 0,
    switches,
  };
}
