/**
 * Basin hypsometry: wetted area A(z) as a piecewise-linear table, and its integral, the stored
 * volume V(z), which is piecewise quadratic. The solver's state is the volume; the level comes
 * from inverting V(z) exactly, so mass is conserved over drying flats.
 */
import { interpolate, intervalOf } from './piecewise-linear.js';

export interface Basin {
  /** Breakpoint levels (m, strictly increasing). */
  readonly levels: Float64Array;
  /** Wetted area at each breakpoint (m^2, >= 0). */
  readonly areas: Float64Array;
  /** Volume stored below each breakpoint level, measured from the lowest breakpoint (m^3). */
  readonly volumes: Float64Array;
}

/** Builds the basin tables from an area-level curve. Areas outside the table are held constant. */
export function makeBasin(levels: ArrayLike<number>, areas: ArrayLike<number>): Basin {
  const n = levels.length;
  if (n < 2 || areas.length !== n) throw new Error('basin curve needs at least two (level, area) rows of equal length');
  const z = Float64Array.from(levels);
  const a = Float64Array.from(areas);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = `basin curve row ${i + 1}`;
    if (!Number.isFinite(z[i]) || !Number.isFinite(a[i]))
      throw new Error(`${row}: expected a finite level and area, got ${z[i]} m and ${a[i]} m2`);
    if (i === 0 ? a[i] < 0 : !(a[i] > 0))
      throw new Error(
        `${row}: expected an area ${i === 0 ? '>= 0' : '> 0 above the lowest row (the volume must grow with level)'}, got ${a[i]} m2`,
      );
    if (i === 0) continue;
    if (!(z[i] > z[i - 1]))
      throw new Error(`basin curve levels must increase strictly (row ${i + 1}: ${z[i]} m after ${z[i - 1]} m)`);
    v[i] = v[i - 1] + 0.5 * (a[i] + a[i - 1]) * (z[i] - z[i - 1]);
  }
  return { levels: z, areas: a, volumes: v };
}

/** A basin of constant plan area (m^2): a lagoon for a quick study. */
export function constantAreaBasin(area: number, zMin: number, zMax: number): Basin {
  return makeBasin([zMin, zMax], [area, area]);
}

/** Wetted area at level z (m^2). */
export function areaAt(b: Basin, z: number): number {
  return interpolate(b.levels, b.areas, z);
}

/** Volume stored at level z (m^3), measured from the lowest breakpoint; extrapolated at constant area. */
export function volumeAt(b: Basin, z: number): number {
  const L = b.levels;
  const n = L.length;
  if (z <= L[0]) return b.areas[0] * (z - L[0]);
  if (z >= L[n - 1]) return b.volumes[n - 1] + b.areas[n - 1] * (z - L[n - 1]);
  const i = intervalOf(L, z);
  const dz = z - L[i];
  const slope = (b.areas[i + 1] - b.areas[i]) / (L[i + 1] - L[i]);
  return b.volumes[i] + dz * (b.areas[i] + 0.5 * slope * dz);
}

/**
 * What inverting V(z) needs, per segment i of the area table. In a segment the area is linear,
 * A(z) = A_i + s_i*(z - z_i), so the volume above z_i is dv = A_i*dz + s_i/2*dz^2 and the area at
 * volume v is a = sqrt(A_i^2 + 2*s_i*dv): the level follows from the area with no division,
 * dz = (a - A_i)/s_i, where the area changes along the segment. Where it barely does, the
 * cancellation in a - A_i would cost digits, and the stable form dz = 2*dv/(A_i + a) is used.
 */
export interface VolumeInverse {
  readonly levels: Float64Array;
  readonly volumes: Float64Array;
  readonly areas: Float64Array;
  /** A_i^2 (m^4). */
  readonly areaSq: Float64Array;
  /** 2*s_i (m). */
  readonly slope2: Float64Array;
  /** 1/s_i (1/m) where the area changes by at least FLAT_SEGMENT of itself along the segment, else 0. */
  readonly invSlope: Float64Array;
  /** Index of the last breakpoint. */
  readonly last: number;
}

/** Relative change of area along a segment below which the segment is inverted in the stable form. */
const FLAT_SEGMENT = 1e-3;

export function volumeInverse(b: Basin): VolumeInverse {
  const L = b.levels;
  const A = b.areas;
  const last = L.length - 1;
  const areaSq = new Float64Array(last + 1);
  const slope2 = new Float64Array(last + 1);
  const invSlope = new Float64Array(last + 1);
  for (let i = 0; i <= last; i++) {
    areaSq[i] = A[i] * A[i];
    if (i === last) continue;
    const dA = A[i + 1] - A[i];
    const slope = dA / (L[i + 1] - L[i]);
    slope2[i] = 2 * slope;
    invSlope[i] = Math.abs(dA) >= FLAT_SEGMENT * Math.max(A[i], A[i + 1]) ? 1 / slope : 0;
  }
  return { levels: L, volumes: b.volumes, areas: A, areaSq, slope2, invSlope, last };
}

/**
 * Index of the segment holding volume v, walking from segment `hint` (O(1) when v moved little);
 * `top` is the last segment's index. Array arguments, so that a hot loop passes them hoisted.
 */
export function segmentOfVolume(volumes: Float64Array, top: number, v: number, hint: number): number {
  let i = hint;
  while (i > 0 && v < volumes[i]) i--;
  while (i < top && v >= volumes[i + 1]) i++;
  return i;
}

/** Wetted area (m^2) at volume v in segment i, continued along the segment's line beyond it (never negative). */
export function areaOfVolume(areaSq: Float64Array, slope2: Float64Array, volumes: Float64Array, v: number, i: number): number {
  const disc = areaSq[i] + slope2[i] * (v - volumes[i]);
  return Math.sqrt(Math.max(disc, 0));
}

/** Level (m) at volume v in segment i, given the area a there (areaOfVolume). */
export function levelOfArea(
  levels: Float64Array,
  areas: Float64Array,
  volumes: Float64Array,
  invSlope: Float64Array,
  v: number,
  i: number,
  a: number,
): number {
  const inv = invSlope[i];
  if (inv !== 0) return levels[i] + (a - areas[i]) * inv;
  const sum = areas[i] + a;
  return sum > 0 ? levels[i] + (2 * (v - volumes[i])) / sum : levels[i];
}

/** Index of the segment of the inverse `t` holding volume v, walking from segment `hint`. */
function volumeSegment(t: VolumeInverse, v: number, hint: number): number {
  return segmentOfVolume(t.volumes, t.last - 1, v, hint);
}

/** Level at volume v (m) in segment i; beyond the table, the level at constant area. */
function levelInSegment(t: VolumeInverse, v: number, i: number): number {
  const L = t.levels;
  const V = t.volumes;
  const A = t.areas;
  const last = t.last;
  if (v <= 0) return A[0] > 0 ? L[0] + v / A[0] : L[0];
  if (v >= V[last]) return L[last] + (v - V[last]) / A[last];
  return levelOfArea(L, A, V, t.invSlope, v, i, areaOfVolume(t.areaSq, t.slope2, V, v, i));
}

const inverses = new WeakMap<Basin, VolumeInverse>();

/** Level at stored volume v (m): the exact inverse of volumeAt. `hint` is a segment index to start from. */
export function levelAt(b: Basin, v: number, hint = 0): number {
  let t = inverses.get(b);
  if (t === undefined) {
    t = volumeInverse(b);
    inverses.set(b, t);
  }
  return levelInSegment(t, v, volumeSegment(t, v, hint < 0 ? 0 : hint >= t.last ? t.last - 1 : hint));
}
