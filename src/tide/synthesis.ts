/**
 * Sea level on a uniform time grid from a harmonic model: the fast synthesis the simulator
 * uses, and the direct evaluation it is checked against.
 *
 * Fast synthesis: the level and its first two time derivatives are computed at coarse nodes
 * every m steps by phasor rotation (each term's phasor is set exactly from the day's anchors at
 * the first node of every day, then advanced node to node by one complex multiplication, so
 * rounding cannot build up), and the steps between nodes are filled by quintic Hermite
 * interpolation. Its error is at most Delta^6 / 46080 * max|h^(6)| (Delta = m dt), and max|h^(6)|
 * is bounded from the amplitudes, the largest nodal factors and the speeds, so m follows from
 * the requested tolerance: not tuned.
 */

import { InputError } from '../errors.js';
import { DAY_S } from '../physics.js';
import { isoTime } from '../time.js';
import { nodalFactorBounds } from './constituents.js';
import type { HarmonicModel } from './harmonic.js';
import { DayAnchors, harmonicModel, TideEvaluator } from './harmonic.js';
import type { SeaLevel } from './sea-level.js';
import type { Site } from './site.js';

export interface SynthesisOptions {
  /**
   * Largest interpolation error allowed between nodes (m); default 1e-4. 0 puts a node on every
   * step (pure phasor rotation).
   */
  tolerance?: number;
}

export const DEFAULT_TOLERANCE = 1e-4;

/** The span (s since the epoch) over which the engine's astronomy and nodal corrections are checked: 1900-01-01 to 2101-01-01 UTC. */
export const CHECKED_FROM = Date.UTC(1900, 0, 1) / 1000;
export const CHECKED_TO = Date.UTC(2101, 0, 1) / 1000;

/**
 * Why a prediction from t0 to t1 is refused, or undefined: the engine is checked against
 * @neaps/tide-predictor's evaluation over 1900-2100 only, and the Meeus polynomials of the
 * arguments drift outside centuries near J2000.
 */
export function outsideCheckedYears(t0: number, t1: number): string | undefined {
  if (t0 >= CHECKED_FROM && t1 <= CHECKED_TO) return undefined;
  return `a tide prediction from ${isoTime(t0)} to ${isoTime(t1)} leaves the years 1900-2100 that the tide engine is checked for; give times inside them`;
}

function checkGrid(t0: number, dt: number, n: number): void {
  if (!Number.isFinite(t0)) throw new Error(`start time must be a finite number of seconds since 1970-01-01T00:00Z, got ${t0}`);
  if (!(dt > 0) || !Number.isFinite(dt)) throw new Error(`time step must be a positive number of seconds, got ${dt}`);
  if (!Number.isInteger(n) || n < 0) throw new Error(`number of samples must be a whole number >= 0, got ${n}`);
}

/** Level at t0 + j*dt, j = 0..n-1, by direct evaluation of every term (slow; for checking). */
export function predictDirect(model: HarmonicModel, t0: number, dt: number, n: number): SeaLevel {
  checkGrid(t0, dt, n);
  const ev = new TideEvaluator(model);
  const level = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    ev.at(t0 + j * dt);
    level[j] = ev.level;
  }
  return { t0, dt, level };
}

/**
 * Bound on the relative rate of change of a term's complex amplitude (1/s). The fastest nodal
 * modulation, in 2p - N, has a period of 3.6 years (6e-8 rad/s) and no formula turns u or f
 * more than a few times faster than its argument, so 1e-6 is a wide margin.
 */
const NODAL_RATE_MAX = 1e-6;

/**
 * Upper bound of the sixth derivative of the level at any time: each term behaves locally as
 * c exp(kappa t) with |c| <= f_max A and |kappa| <= w + NODAL_RATE_MAX.
 */
function sixthDerivativeBound(model: HarmonicModel): number {
  const fMax = nodalFactorBounds(model.constituents);
  const omega = model.constituents.omega;
  let bound = 0;
  for (let i = 0; i < omega.length; i++) {
    const k = omega[i] + NODAL_RATE_MAX;
    const k2 = k * k;
    bound += fMax[i] * Math.hypot(model.ampRe[i], model.ampIm[i]) * k2 * k2 * k2;
  }
  return bound;
}

/** Per-term state of the node pass, interleaved: phasor, step factor, kappa, kappa^2 (re, im). */
const STATE = 8;

/**
 * Level and its first two derivatives at the nodes t0 + j*Delta, j = 0..nodes-1. Each term's
 * phasor P is set exactly at the first node of every day and then advanced node to node by
 * dP/dt = kappa P, with kappa = i w + g and g = (b - a) / (a * day): a turn plus the day's small
 * drift of the amplitude, taken as geometric rather than linear across the day, which differs
 * from the direct evaluation by about |b - a|^2 / |a| (1e-9 m).
 */
function nodeValues(
  model: HarmonicModel,
  t0: number,
  delta: number,
  nodes: number,
  h: Float64Array,
  dh: Float64Array,
  ddh: Float64Array,
): void {
  const omega = model.constituents.omega;
  const n = omega.length;
  const anchors = new DayAnchors(model);
  const turnRe = new Float64Array(n);
  const turnIm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    turnRe[i] = Math.cos(omega[i] * delta);
    turnIm[i] = Math.sin(omega[i] * delta);
  }
  const st = new Float64Array(STATE * n);
  const len = STATE * n;
  const z0 = model.z0;
  let j = 0;
  while (j < nodes) {
    let t = t0 + j * delta;
    const k = Math.floor(t / DAY_S);
    const dayStart = k * DAY_S;
    const dayEnd = dayStart + DAY_S;
    anchors.seek(k);
    const { aRe, aIm, bRe, bIm } = anchors;
    const tau = (t - dayStart) / DAY_S;
    for (let i = 0, o = 0; i < n; i++, o += STATE) {
      const dr = bRe[i] - aRe[i];
      const di = bIm[i] - aIm[i];
      const a2 = aRe[i] * aRe[i] + aIm[i] * aIm[i];
      const gr = a2 > 0 ? (dr * aRe[i] + di * aIm[i]) / (a2 * DAY_S) : 0;
      const gi = a2 > 0 ? (di * aRe[i] - dr * aIm[i]) / (a2 * DAY_S) : 0;
      const phi = omega[i] * (t - dayStart);
      const c = Math.cos(phi);
      const s = Math.sin(phi);
      const xr = aRe[i] + tau * dr;
      const xi = aIm[i] + tau * di;
      st[o] = xr * c - xi * s;
      st[o + 1] = xr * s + xi * c;
      // exp(kappa delta) = turn * (1 + g delta) to first order in g delta (about 1e-5).
      const er = 1 + gr * delta;
      const ei = gi * delta;
      st[o + 2] = turnRe[i] * er - turnIm[i] * ei;
      st[o + 3] = turnRe[i] * ei + turnIm[i] * er;
      const kr = gr;
      const ki = omega[i] + gi;
      st[o + 4] = kr;
      st[o + 5] = ki;
      st[o + 6] = kr * kr - ki * ki;
      st[o + 7] = 2 * kr * ki;
    }
    while (j < nodes && t < dayEnd) {
      let sum = 0;
      let rate = 0;
      let curv = 0;
      for (let o = 0; o < len; o += STATE) {
        const pr = st[o];
        const pi = st[o + 1];
        const mr = st[o + 2];
        const mi = st[o + 3];
        sum += pr;
        rate += st[o + 4] * pr - st[o + 5] * pi;
        curv += st[o + 6] * pr - st[o + 7] * pi;
        st[o] = pr * mr - pi * mi;
        st[o + 1] = pr * mi + pi * mr;
      }
      h[j] = z0 + sum;
      dh[j] = rate;
      ddh[j] = curv;
      j++;
      t = t0 + j * delta;
    }
  }
}

/** The fast synthesis: within `tolerance` (m) of predictDirect, by the bound above. */
export function synthesize(model: HarmonicModel, t0: number, dt: number, n: number, options: SynthesisOptions = {}): SeaLevel {
  checkGrid(t0, dt, n);
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance >= 0)) throw new Error(`tolerance must be >= 0 m, got ${tolerance}`);
  const level = new Float64Array(n);
  if (n === 0) return { t0, dt, level };
  // Steps per node interval: the largest m with (m dt)^6 / 46080 * bound <= tolerance.
  let m = 1;
  if (tolerance > 0 && n > 2) {
    const bound = sixthDerivativeBound(model);
    const deltaMax = bound > 0 ? ((46080 * tolerance) / bound) ** (1 / 6) : Infinity;
    m = Math.max(1, Math.min(n - 1, Math.floor(deltaMax / dt)));
  }
  const delta = m * dt;
  const nodes = Math.ceil((n - 1) / m) + 1;
  const h = new Float64Array(nodes);
  const dh = new Float64Array(nodes);
  const ddh = new Float64Array(nodes);
  nodeValues(model, t0, delta, nodes, h, dh, ddh);
  if (m === 1) {
    level.set(h.subarray(0, n));
    return { t0, dt, level };
  }
  // Quintic Hermite on each interval, in powers of s = r/m (Horner).
  const frac = new Float64Array(m);
  for (let r = 0; r < m; r++) frac[r] = r / m;
  const d2 = delta * delta;
  for (let j = 0; j + 1 < nodes; j++) {
    const y = h[j + 1] - h[j];
    const v0 = delta * dh[j];
    const v1 = delta * dh[j + 1];
    const a0 = d2 * ddh[j];
    const a1 = d2 * ddh[j + 1];
    const c0 = h[j];
    const c2 = 0.5 * a0;
    const c3 = 10 * y - 6 * v0 - 4 * v1 - 0.5 * (3 * a0 - a1);
    const c4 = -15 * y + 8 * v0 + 7 * v1 + 0.5 * (3 * a0 - 2 * a1);
    const c5 = 6 * y - 3 * v0 - 3 * v1 - 0.5 * (a0 - a1);
    const base = j * m;
    const rEnd = Math.min(m, n - base);
    for (let r = 0; r < rEnd; r++) {
      const s = frac[r];
      level[base + r] = c0 + s * (v0 + s * (c2 + s * (c3 + s * (c4 + s * c5))));
    }
  }
  if ((nodes - 1) * m === n - 1) level[n - 1] = h[nodes - 1];
  return { t0, dt, level };
}

export interface PredictOptions extends SynthesisOptions {
  /** Datum of the levels: one of the site's datums; default the site's own (ODN for the Mersey). */
  datum?: string;
}

/**
 * Predicted sea level at t0 + j*dt, j = 0..n-1 (t0 in s since 1970-01-01T00:00Z, dt in s), in
 * metres above `options.datum`: the solver's SeaLevel.
 */
export function predictSeaLevel(site: Site, t0: number, dt: number, n: number, options: PredictOptions = {}): SeaLevel {
  const outside = outsideCheckedYears(t0, t0 + Math.max(n - 1, 0) * dt);
  if (outside !== undefined) throw new InputError(outside);
  return synthesize(harmonicModel(site, options.datum), t0, dt, n, options);
}
