/**
 * High and low waters: the turning points of the predicted level, found as the roots of its
 * rate, to within a second.
 */
import type { HarmonicModel } from './harmonic.js';
import { TideEvaluator } from './harmonic.js';

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
