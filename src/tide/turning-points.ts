/**
 * Turning points of the sea: high and low waters. One home, three finders, each for the input it
 * reads and the question it answers:
 *
 * - `highLowWaters` (a harmonic model, continuous in time): the roots of the level's rate, bisected
 *   to half a second; pairs of turning points closer in level than `minRange` (stands and ripples
 *   from the shallow-water constituents) are dropped. The times a tide table prints.
 * - `slackWaters` (a sampled series), the RETREAT rule: a running extreme becomes a high (low)
 *   water once the level has moved back from it by `band`, so wiggles smaller than the band
 *   (surge, gauge noise) are not turning points; the time is refined by a parabola through the
 *   extreme sample and its neighbours. Every turn larger than the band counts, wherever it lies
 *   relative to the mean: flexible operation decides a half tide at each of them, including the
 *   smaller tide of a day with a strong diurnal inequality.
 * - `tideTurns` (a sampled series), the MEAN-CROSSING rule: a high water is the highest sample of
 *   each excursion above mean + band that follows one below mean - band (a Schmitt trigger on the
 *   mean), a low water the lowest sample between two high waters. It counts tides: one high water
 *   per excursion however it is shaped (a double high water or a stand counts once), and the
 *   per-tide ranges of the report are read between these points.
 *
 * The two series rules agree on a semidiurnal tide whose every high and low water passes the mean
 * by more than the band; they differ on purpose where a turn stays on one side of the mean.
 */
import { type HarmonicModel, TideEvaluator } from './harmonic.js';
import type { SeaLevel } from './sea-level.js';

// High and low waters of a harmonic model.

export interface TideExtreme {
  /** s since 1970-01-01T00:00Z. */
  readonly time: number;
  /** m above the model's datum. */
  readonly level: number;
  readonly kind: 'high' | 'low';
}

export interface ExtremeOptions {
  /**
   * Turning points closer in level than this to a neighbour are dropped in pairs (m): stands and
   * ripples from the shallow-water constituents are not high or low waters. Default 0.01 m.
   */
  minRange?: number;
}

/** Scan step (s): a quarter period of the fastest constituent, and never more than 10 minutes. */
function scanStep(model: HarmonicModel): number {
  let wMax = 0;
  for (const w of model.constituents.omega) wMax = Math.max(wMax, w);
  return Math.min(600, wMax > 0 ? Math.PI / (2 * wMax) : 600);
}

/** Drops, smallest first, adjacent pairs of turning points less than minRange apart in level. */
function dropRipples(ex: TideExtreme[], minRange: number): TideExtreme[] {
  const out = ex.slice();
  for (;;) {
    let best = -1;
    let bestRange = minRange;
    for (let i = 0; i + 1 < out.length; i++) {
      const r = Math.abs(out[i + 1].level - out[i].level);
      if (r < bestRange) {
        bestRange = r;
        best = i;
      }
    }
    if (best < 0) return out;
    out.splice(best, 2);
  }
}

/** High and low waters of the model between `from` and `to` (s since the epoch), in time order. */
export function highLowWaters(model: HarmonicModel, from: number, to: number, options: ExtremeOptions = {}): TideExtreme[] {
  if (!(to > from)) throw new Error(`the end time must be after the start time`);
  const minRange = options.minRange ?? 0.01;
  const ev = new TideEvaluator(model);
  const step = scanStep(model);
  const found: TideExtreme[] = [];
  let t0 = from;
  ev.at(t0);
  let d0 = ev.slope;
  while (t0 < to) {
    const t1 = Math.min(t0 + step, to);
    ev.at(t1);
    const d1 = ev.slope;
    if ((d0 > 0 && d1 <= 0) || (d0 < 0 && d1 >= 0)) {
      // Bisect the sign change of the rate to within half a second.
      let a = t0;
      let b = t1;
      while (b - a > 0.5) {
        const m = 0.5 * (a + b);
        ev.at(m);
        if (ev.slope > 0 === d0 > 0) a = m;
        else b = m;
      }
      const t = 0.5 * (a + b);
      ev.at(t);
      found.push({ time: t, level: ev.level, kind: d0 > 0 ? 'high' : 'low' });
    }
    t0 = t1;
    d0 = d1;
  }
  return dropRipples(found, minRange);
}

// The retreat rule on a sampled series.

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

// The mean-crossing rule on a sampled series.

export interface TideTurns {
  /** Sample index of each high water, ascending. */
  high: number[];
  /** Sample index of the lowest level between high water k and high water k+1 (length high.length - 1). */
  low: number[];
  /** The series ends in an excursion above mean + band, whose high water is not known yet. */
  open: boolean;
}

/**
 * High waters: the highest sample of each excursion above mean + band that follows an excursion
 * below mean - band (a hysteresis, so surge wiggles of less than `band` metres do not make
 * extra tides). Low waters: the lowest sample between two
 * successive high waters.
 */
export function tideTurns(level: ArrayLike<number>, band = 0.5): TideTurns {
  const n = level.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += level[i];
  mean /= n;
  const high: number[] = [];
  let below = false;
  let peak = -1; // index of the running maximum of the current excursion above mean + band
  for (let i = 0; i < n; i++) {
    const z = level[i];
    if (peak >= 0) {
      if (z > level[peak]) peak = i;
      if (z < mean - band) {
        high.push(peak);
        peak = -1;
        below = true;
      }
    } else if (z < mean - band) below = true;
    else if (below && z > mean + band) peak = i;
  }
  // An excursion still open at the end has an unknown maximum (the series may stop on the rise): drop it.
  const low: number[] = [];
  for (let k = 0; k + 1 < high.length; k++) {
    let lo = high[k];
    for (let i = high[k] + 1; i < high[k + 1]; i++) if (level[i] < level[lo]) lo = i;
    low.push(lo);
  }
  return { high, low, open: peak >= 0 };
}

/**
 * Number of high waters in a sea-level series: the excursions above mean + band (0.5 m) that
 * follow one below mean - band, the last counted even when the series ends in it.
 */
export function countTides(level: Float64Array, band = 0.5): number {
  const t = tideTurns(level, band);
  return t.high.length + (t.open ? 1 : 0);
}
