/** One design of a sweep: the base scenario object with the swept fields set to the design's values. */
import { type PathKey, parsePath, setAt } from '../json-path.js';

/** The design's values as "path = value" pairs, for messages. */
export function designLabel(paths: readonly string[], values: ArrayLike<number>, i: number): string {
  const P = paths.length;
  return `design ${i} (${paths.map((p, j) => `${p} = ${values[i * P + j]}`).join(', ')})`;
}

/** Keys of each swept path (the paths were checked when the sweep was loaded). */
export function pathKeys(paths: readonly string[]): PathKey[][] {
  return paths.map((p) => parsePath(p)!);
}

/** A fresh copy of `base` with design i's values set. */
export function designObject(
  base: object,
  keys: readonly (readonly PathKey[])[],
  values: ArrayLike<number>,
  i: number,
): Record<string, unknown> {
  const obj = structuredClone(base) as Record<string, unknown>;
  const P = keys.length;
  for (let j = 0; j < P; j++) setAt(obj, keys[j], values[i * P + j]);
  return obj;
}
