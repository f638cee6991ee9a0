/**
 * Fields of a scenario named by JSON path in dotted form, as the validation messages print them:
 * "scheme.turbines.diameter_m", "operation.ebb.start_head_m", "a.list[2].x".
 */

export type PathKey = string | number;

/** The keys of a dotted path; undefined when it is not one. */
export function parsePath(path: string): PathKey[] | undefined {
  if (!/^[A-Za-z_$][\w$]*(\[\d+\])*(\.[A-Za-z_$][\w$]*(\[\d+\])*)*$/.test(path)) return undefined;
  const keys: PathKey[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part)!;
    keys.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(idx[1]));
  }
  return keys;
}

const isContainer = (x: unknown): x is Record<PathKey, unknown> => typeof x === 'object' && x !== null;

/** The value at `keys`, or undefined when the path does not exist. */
export function getAt(obj: unknown, keys: readonly PathKey[]): unknown {
  let x = obj;
  for (const k of keys) {
    if (!isContainer(x) || !Object.hasOwn(x, k)) return undefined;
    x = x[k];
  }
  return x;
}

/** Sets the value at `keys`, creating missing objects on the way. */
export function setAt(obj: Record<string, unknown>, keys: readonly PathKey[], value: unknown): void {
  let x: Record<PathKey, unknown> = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (!isContainer(x[k])) x[k] = typeof keys[i + 1] === 'number' ? [] : {};
    x = x[k] as Record<PathKey, unknown>;
  }
  x[keys[keys.length - 1]] = value;
}

/** Dotted paths of every numeric leaf of `obj` (for "did you mean" hints). */
export function numericPaths(obj: unknown, prefix = ''): string[] {
  if (typeof obj === 'number') return [prefix];
  if (Array.isArray(obj)) return obj.flatMap((v, i) => numericPaths(v, `${prefix}[${i}]`));
  if (isContainer(obj)) return Object.entries(obj).flatMap(([k, v]) => numericPaths(v, prefix === '' ? k : `${prefix}.${k}`));
  return [];
}
