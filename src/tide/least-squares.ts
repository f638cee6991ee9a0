/**
 * Linear least squares by normal equations: accumulate X^T X and X^T y row by row, then solve by
 * Cholesky factorisation. Enough for harmonic analysis, whose columns are near-orthogonal
 * sinusoids once the Rayleigh criterion has kept unresolvable pairs out.
 */

import { InputError } from '../errors.js';

export interface NormalEquations {
  /** Number of unknowns. */
  readonly p: number;
  /** X^T X, row-major, upper triangle filled. */
  readonly xtx: Float64Array;
  readonly xty: Float64Array;
  /** y^T y and rows added. */
  yty: number;
  rows: number;
}

export function normalEquations(p: number): NormalEquations {
  return { p, xtx: new Float64Array(p * p), xty: new Float64Array(p), yty: 0, rows: 0 };
}

/** Adds one observation y with design row x (length p). */
export function addRow(ne: NormalEquations, x: Float64Array, y: number): void {
  const p = ne.p;
  const a = ne.xtx;
  for (let i = 0; i < p; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const row = i * p;
    for (let j = i; j < p; j++) a[row + j] += xi * x[j];
    ne.xty[i] += xi * y;
  }
  ne.yty += y * y;
  ne.rows++;
}

/**
 * Solves X^T X beta = X^T y. Throws, naming the unknown, when X^T X is not positive definite
 * (a column that is a combination of the others).
 */
export function solveNormalEquations(ne: NormalEquations, unknownName: (i: number) => string): Float64Array {
  const p = ne.p;
  const l = new Float64Array(p * p); // lower-triangular factor, row-major
  for (let j = 0; j < p; j++) {
    let d = ne.xtx[j * p + j];
    for (let k = 0; k < j; k++) d -= l[j * p + k] * l[j * p + k];
    // Relative to the column's own size: round-off below 1e-12 of it means dependence.
    if (!(d > 1e-12 * ne.xtx[j * p + j])) {
      throw new InputError(`the record cannot separate ${unknownName(j)} from the other unknowns (singular normal equations)`);
    }
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = ne.xtx[j * p + i]; // (i, j) of the symmetric matrix, stored in the upper triangle
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
      l[i * p + j] = s / ljj;
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = ne.xty[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * z[k];
    z[i] = s / l[i * p + i];
  }
  const beta = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * beta[k];
    beta[i] = s / l[i * p + i];
  }
  return beta;
}
