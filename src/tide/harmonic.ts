/**
 * The harmonic model of the tide at a site and its exact evaluation.
 *
 *   h(t) = z0 + sum_i f_i(t) A_i cos(V0_i(t) + u_i(t) - g_i)
 *
 * The astronomy (V0, f, u) is evaluated exactly at every UTC midnight T_k. Writing each term as
 * Re[c_i(t) exp(i w_i (t - T_k))] with the complex amplitude c_i = f_i A_i exp(i(V0_i + u_i - g_i))
 * taken at T_k, c_i is interpolated linearly across the day, in the frame that turns at the
 * constituent's speed w_i, between its values at T_k and T_k+1. The level is then continuous, and
 * exact at every midnight; within the day the interpolation error is of the order of A times the
 * square of the daily change of u (1e-9 m), far below anything else.
 */

import { DAY_S } from '../physics.js';
import type { ConstituentSet } from './constituents.js';
import { equilibriumArguments, resolveConstituents } from './constituents.js';
import type { Site } from './site.js';
import { datumOffset } from './site.js';

const D2R = Math.PI / 180;

export interface HarmonicModel {
  readonly constituents: ConstituentSet;
  /** A_i cos g_i and -A_i sin g_i: the complex amplitude A exp(-i g) (m). */
  readonly ampRe: Float64Array;
  readonly ampIm: Float64Array;
  /** Mean level in the output datum (m). */
  readonly z0: number;
  /** Datum of the output levels. */
  readonly datum: string;
}

/** The site's model with levels in `datum` (default: the site's own datum). */
export function harmonicModel(site: Site, datum: string = site.datum): HarmonicModel {
  const where = site.file || site.name;
  const set = resolveConstituents(
    site.constituents.map((c) => c.name),
    (i) => `${where}: constituents[${i}].name`,
  );
  const n = site.constituents.length;
  const ampRe = new Float64Array(n);
  const ampIm = new Float64Array(n);
  site.constituents.forEach((c, i) => {
    ampRe[i] = c.amplitude * Math.cos(D2R * c.phase);
    ampIm[i] = -c.amplitude * Math.sin(D2R * c.phase);
  });
  return { constituents: set, ampRe, ampIm, z0: site.z0 - datumOffset(site, datum), datum };
}

/** Unit amplitudes and zero phases: the columns of a harmonic analysis. */
export function unitModel(set: ConstituentSet): HarmonicModel {
  const n = set.omega.length;
  return { constituents: set, ampRe: new Float64Array(n).fill(1), ampIm: new Float64Array(n), z0: 0, datum: '' };
}

/**
 * The complex amplitudes at the two ends of one day: `a` at T_k and `b` at T_k+1 turned back by
 * one day of the constituent's rotation, so that over the day each term is
 * Re[((1 - tau) a + tau b) exp(i w (t - T_k))], tau = (t - T_k) / day.
 */
export class DayAnchors {
  /** The day k (T_k = k * 86400 s); NaN before the first seek. */
  day = NaN;
  readonly aRe: Float64Array;
  readonly aIm: Float64Array;
  readonly bRe: Float64Array;
  readonly bIm: Float64Array;
  private readonly nextRe: Float64Array;
  private readonly nextIm: Float64Array;
  private readonly vu: Float64Array;
  private readonly f: Float64Array;
  /** exp(-i w day) per constituent. */
  private readonly backRe: Float64Array;
  private readonly backIm: Float64Array;

  constructor(readonly model: HarmonicModel) {
    const n = model.constituents.omega.length;
    this.aRe = new Float64Array(n);
    this.aIm = new Float64Array(n);
    this.bRe = new Float64Array(n);
    this.bIm = new Float64Array(n);
    this.nextRe = new Float64Array(n);
    this.nextIm = new Float64Array(n);
    this.vu = new Float64Array(n);
    this.f = new Float64Array(n);
    this.backRe = new Float64Array(n);
    this.backIm = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const phi = model.constituents.omega[i] * DAY_S;
      this.backRe[i] = Math.cos(phi);
      this.backIm[i] = -Math.sin(phi);
    }
  }

  /** Complex amplitude at midnight of day k into (re, im). */
  private amplitudesAt(k: number, re: Float64Array, im: Float64Array): void {
    const m = this.model;
    equilibriumArguments(m.constituents, k * DAY_S, this.vu, this.f);
    for (let i = 0; i < re.length; i++) {
      const ph = D2R * this.vu[i];
      const nr = this.f[i] * Math.cos(ph);
      const ni = this.f[i] * Math.sin(ph);
      re[i] = nr * m.ampRe[i] - ni * m.ampIm[i];
      im[i] = nr * m.ampIm[i] + ni * m.ampRe[i];
    }
  }

  /** Makes day k current. Moving to the next day reuses its midnight values. */
  seek(k: number): void {
    if (k === this.day) return;
    if (k === this.day + 1) {
      this.aRe.set(this.nextRe);
      this.aIm.set(this.nextIm);
    } else {
      this.amplitudesAt(k, this.aRe, this.aIm);
    }
    this.amplitudesAt(k + 1, this.nextRe, this.nextIm);
    for (let i = 0; i < this.aRe.length; i++) {
      this.bRe[i] = this.nextRe[i] * this.backRe[i] - this.nextIm[i] * this.backIm[i];
      this.bIm[i] = this.nextRe[i] * this.backIm[i] + this.nextIm[i] * this.backRe[i];
    }
    this.day = k;
  }
}

/**
 * Direct evaluation of the model, one time at a time, with cos() and sin() of every term: the
 * reference the fast synthesis is checked against, and the evaluator for high and low waters.
 */
export class TideEvaluator {
  private readonly anchors: DayAnchors;
  /** Level (m) and its rate (m/s) at the last evaluated time. */
  level = NaN;
  slope = NaN;

  constructor(readonly model: HarmonicModel) {
    this.anchors = new DayAnchors(model);
  }

  /**
   * Evaluates at t (s since the epoch, UTC): sets level and slope; if re and im are given, also
   * writes each term's complex value (its real part is the term's contribution to the level).
   */
  at(t: number, re?: Float64Array, im?: Float64Array): void {
    const a = this.anchors;
    const k = Math.floor(t / DAY_S);
    a.seek(k);
    const s = t - k * DAY_S;
    const tau = s / DAY_S;
    const omega = this.model.constituents.omega;
    let h = 0;
    let dh = 0;
    for (let i = 0; i < omega.length; i++) {
      const phi = omega[i] * s;
      const c = Math.cos(phi);
      const sn = Math.sin(phi);
      const xr = a.aRe[i] + tau * (a.bRe[i] - a.aRe[i]);
      const xi = a.aIm[i] + tau * (a.bIm[i] - a.aIm[i]);
      const vr = xr * c - xi * sn;
      const vi = xr * sn + xi * c;
      const dr = a.bRe[i] - a.aRe[i];
      const di = a.bIm[i] - a.aIm[i];
      h += vr;
      dh += (dr * c - di * sn) / DAY_S - omega[i] * vi;
      if (re && im) {
        re[i] = vr;
        im[i] = vi;
      }
    }
    this.level = this.model.z0 + h;
    this.slope = dh;
  }
}
