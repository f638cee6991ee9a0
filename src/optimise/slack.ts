/**
 * Slack waters: the high and low waters of a sea-level series, where one half tide ends and the
 * next begins. Flexible operation decides a half tide's controls at the slack water before it.
 *
 * The series may be observed, with surges and gauge noise, so a turning point counts only once
 * the level has moved away from it by a band (hysteresis): a wiggle smaller than the band is not
 * a high or low water. The time of each is refined by a parabola through the extreme sample and
 * its neighbours.
 */
import type { SeaLevel } from '../tide/sea-level.js';

export interface SlackWater {
  /** Time (s since 1970-01-01T00:00Z). */
  readonly time: number;
  /** First sample at or after the time: where the half tide's decision applies. */
  readonly index: number;
  /** Level at the extreme sample (m). */
  readonly level: number;
  readonly kind: 'high' | 'low';
}

/** Default band (m): a tenth of the range of a sinusoid with the series' standard deviation, 2*sqrt(2)*std. */
function defaultBand(level: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < level.length; i++) mean += level[i];
  mean /= level.length;
  let v = 0;
  for (let i = 0; i < level.length; i++) v += (level[i] - mean) ** 2;
  return 0.1 * 2 * Math.SQRT2 * Math.sqrt(v / level.length);
}

/** Offset (in samples, within +-0.5) of the vertex of the parabola through y[i-1], y[i], y[i+1]. */
function vertexOffset(y: Float64Array, i: number): number {
  if (i <= 0 || i >= y.length - 1) return 0;
  const a = y[i - 1];
  const b = y[i];
  const c = y[i + 1];
  const curv = a - 2 * b + c;
  if (curv === 0) return 0;
  const d = (0.5 * (a - c)) / curv;
  return d > 0.5 ? 0.5 : Math.max(d, -0.5);
}

/**
 * High and low waters of `sea`, alternating, in time order. A turning point at either end of the
 * series is not one (the level may go on beyond it) and is left out.
 */
export function slackWaters(sea: SeaLevel, band = defaultBand(sea.level)): SlackWater[] {
  const y = sea.level;
  const n = y.length;
  if (!(band > 0)) throw new RangeError(`the band of the turning-point finder must be > 0 m, got ${band}`);
  const out: SlackWater[] = [];
  const push = (i: number, kind: 'high' | 'low') => {
    if (i === 0 || i === n - 1) return;
    const time = sea.t0 + (i + vertexOffset(y, i)) * sea.dt;
    out.push({ time, index: Math.ceil((time - sea.t0) / sea.dt - 1e-9), level: y[i], kind });
  };
  // 0: not yet known; +1: rising, seeking a high water; -1: falling, seeking a low water.
  let seeking = 0;
  let hi = 0;
  let lo = 0;
  for (let i = 1; i < n; i++) {
    if (y[i] > y[hi]) hi = i;
    if (y[i] < y[lo]) lo = i;
    if (seeking >= 0 && y[i] < y[hi] - band) {
      push(hi, 'high');
      seeking = -1;
      lo = i;
    } else if (seeking <= 0 && y[i] > y[lo] + band) {
      push(lo, 'low');
      seeking = 1;
      hi = i;
    }
  }
  return out;
}
