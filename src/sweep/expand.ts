/**
 * Expanding a sweep's parameters into designs: the cartesian product of their values ("grid"),
 * or a seeded random Latin hypercube of N points ("lhs"). A design is a row of numbers, one per
 * swept path; the designs are numbered 0..N-1 in the order given here.
 */

import type { PathKey } from '../json-path.js';
import { mulberry32 } from '../random.js';

/** The values a parameter may take: a list, or a range from min to max by step. */
export type Domain =
  | { kind: 'list'; values: readonly number[] }
  | { kind: 'range'; min: number; max: number; step: number | null };

export interface Parameter {
  /** Dotted JSON path of the field in the scenario. */
  path: string;
  keys: readonly PathKey[];
  domain: Domain;
}

export interface DesignTable {
  readonly paths: readonly string[];
  readonly count: number;
  /** Row-major: parameter p of design i is values[i * paths.length + p]. */
  readonly values: Float64Array;
}

/** min + k*step for k = 0, 1, ... while <= max, rounded to 12 significant digits (0.1 steps give 7.3, not 7.300000000000001). */
export function gridPoints(min: number, max: number, step: number): number[] {
  const n = Math.floor((max - min) / step + 1e-9) + 1;
  return Array.from({ length: n }, (_, k) => Number((min + k * step).toPrecision(12)));
}

/** The discrete values of a domain; undefined for a range without a step (continuous). */
function discreteValues(d: Domain): readonly number[] | undefined {
  if (d.kind === 'list') return d.values;
  return d.step === null ? undefined : gridPoints(d.min, d.max, d.step);
}

/** Number of grid designs (the product of the value counts); Infinity if a range has no step. */
export function gridCount(params: readonly Parameter[]): number {
  return params.reduce((n, p) => n * (discreteValues(p.domain)?.length ?? Infinity), 1);
}

/** Cartesian product, the first parameter varying slowest (row-major, in the file's order). */
export function gridDesigns(params: readonly Parameter[]): DesignTable {
  const lists = params.map((p) => {
    const v = discreteValues(p.domain);
    if (!v) throw new Error(`${p.path}: a grid needs discrete values (a list, or a range with a step)`);
    return v;
  });
  const P = params.length;
  const count = lists.reduce((n, l) => n * l.length, 1);
  const values = new Float64Array(count * P);
  for (let i = 0; i < count; i++) {
    let rest = i;
    for (let p = P - 1; p >= 0; p--) {
      const l = lists[p];
      values[i * P + p] = l[rest % l.length];
      rest = Math.floor(rest / l.length);
    }
  }
  return { paths: params.map((p) => p.path), count, values };
}

/**
 * Latin hypercube of `samples` points: each parameter's [0, 1) is cut into `samples` equal
 * strata and every stratum is used exactly once. For each parameter in order, the generator
 * draws a Fisher-Yates shuffle of the strata, then one uniform position inside each stratum.
 * The point u in [0, 1) maps to min + u*(max - min) for a range without a step, and to the
 * floor(u*K)-th of the K values of a list or a stepped range (each value equally likely).
 */
export function lhsDesigns(params: readonly Parameter[], samples: number, seed: number): DesignTable {
  const rand = mulberry32(seed);
  const P = params.length;
  const values = new Float64Array(samples * P);
  const strata = new Int32Array(samples);
  params.forEach((p, j) => {
    for (let i = 0; i < samples; i++) strata[i] = i;
    for (let i = samples - 1; i > 0; i--) {
      const k = Math.floor(rand() * (i + 1));
      const t = strata[i];
      strata[i] = strata[k];
      strata[k] = t;
    }
    const list = discreteValues(p.domain);
    const [lo, span] = p.domain.kind === 'range' ? [p.domain.min, p.domain.max - p.domain.min] : [0, 0];
    for (let i = 0; i < samples; i++) {
      const u = (strata[i] + rand()) / samples;
      values[i * P + j] = list ? list[Math.min(list.length - 1, Math.floor(u * list.length))] : lo + u * span;
    }
  });
  return { paths: params.map((p) => p.path), count: samples, values };
}
