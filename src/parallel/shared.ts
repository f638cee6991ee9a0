/**
 * Arrays shared with worker threads without copying: the data is moved once into a
 * SharedArrayBuffer and every worker reads it through its own Float64Array view. Workers treat
 * shared arrays as read-only.
 */
import type { SeaLevel } from '../tide/sea-level.js';

/** A copy of `a` backed by a SharedArrayBuffer. */
export function shareFloat64(a: ArrayLike<number>): SharedArrayBuffer {
  const buf = new SharedArrayBuffer(a.length * Float64Array.BYTES_PER_ELEMENT);
  new Float64Array(buf).set(a);
  return buf;
}

/** A sea level whose samples live in shared memory (what a job's init carries). */
export interface SharedSeaLevel {
  readonly t0: number;
  readonly dt: number;
  readonly level: SharedArrayBuffer;
}

export function shareSeaLevel(sea: SeaLevel): SharedSeaLevel {
  return { t0: sea.t0, dt: sea.dt, level: shareFloat64(sea.level) };
}

/** The solver's view of a shared sea level (no copy). */
export function seaLevelView(s: SharedSeaLevel): SeaLevel {
  return { t0: s.t0, dt: s.dt, level: new Float64Array(s.level) };
}
