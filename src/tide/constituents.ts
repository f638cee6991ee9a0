/**
 * Tidal constituents: names resolved to speeds, equilibrium-argument coefficients and nodal
 * rules, flattened into arrays for fast evaluation.
 *
 * The constituent definitions (speed, Doodson-style coefficients of tau, s, h, p, N', p' and 90
 * degrees, and for compound constituents their members with factors) are read from the table of
 * @neaps/tide-predictor, which follows the IHO TWCWG Standard List of Tidal Constituents (2017).
 * The evaluation (astronomical arguments, nodal formulae, composition by the IHO Annex B rules:
 * u adds with the member factors, f multiplies with their absolute values) is this module's own,
 * so that it is fast and allocation-free; tests check it against that package's own evaluation.
 */

import type { Constituent } from '@neaps/tide-predictor';
import { constituents as CONSTITUENT_TABLE } from '@neaps/tide-predictor';
import { InputError } from '../errors.js';
import { ARG_COUNT, ARG_NPRIME, ARG_P, ARG_P1, ARGUMENT_RATES, fundamentalArguments } from './astronomy.js';
import { F_MAX, FUNDAMENTALS, fundamentalCorrections, isFundamental } from './nodal.js';

const D2R = Math.PI / 180;

/** A resolved list of constituents, in the caller's order. */
export interface ConstituentSet {
  /** Names as given (e.g. "MM", "LAMBDA2"). */
  readonly names: readonly string[];
  /** The table's own name for each (e.g. "Mm", "lambda2"), which may differ from an alias. */
  readonly canonical: readonly string[];
  /** Angular speed (rad/s). */
  readonly omega: Float64Array;
  /** Speed (deg/h), as tabulated. */
  readonly speedDegPerHour: Float64Array;
  /** Coefficients of tau, s, h, p, N', p', 90 deg in V0; ARG_COUNT per constituent. */
  readonly v0: Float64Array;
  /** Nodal rule: terms nodalStart[i]..nodalStart[i+1]-1 of the three arrays below. */
  readonly nodalStart: Int32Array;
  /** Index into FUNDAMENTALS. */
  readonly nodalFundamental: Int32Array;
  /** u += uFactor * u_fundamental. */
  readonly nodalUFactor: Float64Array;
  /** f *= f_fundamental ** fExponent. */
  readonly nodalFExponent: Float64Array;
}

/**
 * Largest difference (deg/h) allowed between a constituent's tabulated speed and the rate of its
 * V0. Consistent definitions agree to 1e-6; a few compound entries of the table whose members
 * are not resolved there (e.g. 4ML12) have no V0 at all and are refused.
 */
const SPEED_MISMATCH_MAX = 1e-4;

/** Looks a name up in the table; exact names and the table's aliases only. */
function lookupConstituent(name: string): Constituent | undefined {
  return Object.hasOwn(CONSTITUENT_TABLE, name) ? CONSTITUENT_TABLE[name] : undefined;
}

function unknownNameMessage(name: string, where: string): string {
  const lower = name.toLowerCase();
  const near = Object.keys(CONSTITUENT_TABLE).filter((k) => k.toLowerCase() === lower);
  const hint = near.length > 0 ? `; did you mean ${near.map((k) => `"${k}"`).join(' or ')}?` : '';
  return `${where}: unknown tidal constituent "${name}"${hint}`;
}

/** V0 coefficient vector of a constituent (compound ones: the factor-weighted sum of members'). */
function v0Coefficients(c: Constituent, out: Float64Array, offset: number, factor: number): void {
  if (c.coefficients) {
    for (let k = 0; k < ARG_COUNT; k++) out[offset + k] += factor * c.coefficients[k];
    return;
  }
  for (const m of c.members) v0Coefficients(m.constituent, out, offset, factor * m.factor);
}

/** Adds the nodal terms of c, scaled, to the map fundamental -> [uFactor, fExponent]. */
function nodalTerms(c: Constituent, uScale: number, fScale: number, terms: Map<number, [number, number]>): void {
  if (isFundamental(c.name)) {
    const j = FUNDAMENTALS.indexOf(c.name);
    const t = terms.get(j) ?? [0, 0];
    t[0] += uScale;
    t[1] += fScale;
    terms.set(j, t);
    return;
  }
  for (const m of c.members) nodalTerms(m.constituent, uScale * m.factor, fScale * Math.abs(m.factor), terms);
}

/**
 * Resolves names; `where(i)` names the field of the i-th name in errors, e.g.
 * "liverpool.json: constituents[3].name". Unknown and repeated names are errors.
 */
export function resolveConstituents(names: readonly string[], where: (i: number) => string): ConstituentSet {
  const n = names.length;
  const canonical: string[] = [];
  const omega = new Float64Array(n);
  const speed = new Float64Array(n);
  const v0 = new Float64Array(n * ARG_COUNT);
  const start = new Int32Array(n + 1);
  const fund: number[] = [];
  const uf: number[] = [];
  const fe: number[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = lookupConstituent(names[i]);
    if (!c) throw new InputError(unknownNameMessage(names[i], where(i)));
    const dup = seen.get(names[i]);
    if (dup !== undefined) throw new InputError(`${where(i)}: constituent "${names[i]}" is listed twice (also at ${where(dup)})`);
    seen.set(names[i], i);
    canonical.push(c.name);
    speed[i] = c.speed;
    omega[i] = (c.speed * D2R) / 3600;
    v0Coefficients(c, v0, i * ARG_COUNT, 1);
    let rate = 0;
    for (let k = 0; k < ARG_COUNT; k++) rate += v0[i * ARG_COUNT + k] * ARGUMENT_RATES[k];
    if (Math.abs(rate - c.speed) > SPEED_MISMATCH_MAX) {
      throw new InputError(
        `${where(i)}: constituent "${names[i]}" is not supported: its tabulated speed ${c.speed} deg/h does not match the rate of its equilibrium argument (${rate.toFixed(7)} deg/h) in the constituent table`,
      );
    }
    const terms = new Map<number, [number, number]>();
    nodalTerms(c, 1, 1, terms);
    for (const [j, [u, f]] of terms) {
      if (u === 0 && f === 0) continue;
      fund.push(j);
      uf.push(u);
      fe.push(f);
    }
    start[i + 1] = fund.length;
  }
  return {
    names: [...names],
    canonical,
    omega,
    speedDegPerHour: speed,
    v0,
    nodalStart: start,
    nodalFundamental: Int32Array.from(fund),
    nodalUFactor: Float64Array.from(uf),
    nodalFExponent: Float64Array.from(fe),
  };
}

// Scratch for nodalPhasors, in module scope so that it allocates nothing.
const args = new Float64Array(ARG_COUNT);
const fundF = new Float64Array(FUNDAMENTALS.length);
const fundU = new Float64Array(FUNDAMENTALS.length);

/** x ** e, by multiplication for the small whole exponents that compound constituents have. */
function power(x: number, e: number): number {
  if (e === 1) return x;
  if (e === 2) return x * x;
  if (e === 3) return x * x * x;
  if (e === 4) return x * x * (x * x);
  return x ** e;
}

/**
 * Equilibrium argument and nodal correction of each constituent at t (s since the epoch, UTC):
 * writes V0 + u (degrees, in [0, 360)) to vu[i] and f to f[i].
 */
export function equilibriumArguments(set: ConstituentSet, t: number, vu: Float64Array, f: Float64Array): void {
  fundamentalArguments(t, args);
  fundamentalCorrections(-args[ARG_NPRIME], args[ARG_P], args[ARG_P1], fundF, fundU);
  const n = set.omega.length;
  const c = set.v0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    const o = i * ARG_COUNT;
    for (let k = 0; k < ARG_COUNT; k++) v += c[o + k] * args[k];
    let ff = 1;
    for (let j = set.nodalStart[i]; j < set.nodalStart[i + 1]; j++) {
      const m = set.nodalFundamental[j];
      v += set.nodalUFactor[j] * fundU[m];
      ff *= power(fundF[m], set.nodalFExponent[j]);
    }
    const r = v % 360;
    vu[i] = r < 0 ? r + 360 : r;
    f[i] = ff;
  }
}

/** Upper bound of the nodal factor f of each constituent, at any time. */
export function nodalFactorBounds(set: ConstituentSet): Float64Array {
  const n = set.omega.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let b = 1;
    for (let j = set.nodalStart[i]; j < set.nodalStart[i + 1]; j++) b *= F_MAX[set.nodalFundamental[j]] ** set.nodalFExponent[j];
    out[i] = b;
  }
  return out;
}
