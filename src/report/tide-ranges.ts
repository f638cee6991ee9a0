/**
 * Tidal ranges for the per-tide figure: the high and low waters of the sea level, the falls and
 * rises of the sea between them, and for each half tide of the solver's ledger the fall (ebb) or
 * rise (flood) of the sea it belongs to.
 */

import type { HalfTide } from '../solver/ledger.js';
import type { SeaLevel } from '../tide/sea-level.js';
import { tideTurns } from '../tide/turning-points.js';

/** A fall of the sea from a high water to the next low water ('ebb'), or a rise from a low water to the next high water ('flood'). */
export interface SeaExcursion {
  half: 'ebb' | 'flood';
  /** Times of the turning points that bound it (s since the epoch). */
  start: number;
  end: number;
  /** Its height: the fall or the rise (m, > 0). */
  range_m: number;
}

/**
 * The falls and rises of the sea between the turning points of tideTurns (tide/turning-points.ts), in time order: fall,
 * rise, fall, ..., from the first high water to the last. The parts before the first and after the
 * last high water have an unknown turning point and are left out.
 */
export function seaExcursions(sea: SeaLevel, band = 0.5): SeaExcursion[] {
  const z = sea.level;
  const { high, low } = tideTurns(z, band);
  const t = (i: number) => sea.t0 + i * sea.dt;
  const out: SeaExcursion[] = [];
  for (let k = 0; k < low.length; k++) {
    out.push({ half: 'ebb', start: t(high[k]), end: t(low[k]), range_m: z[high[k]] - z[low[k]] });
    out.push({ half: 'flood', start: t(low[k]), end: t(high[k + 1]), range_m: z[high[k + 1]] - z[low[k]] });
  }
  return out;
}

/** A half tide of the ledger with the sea's fall (ebb) or rise (flood) it belongs to. */
export interface RangedHalfTide {
  tide: HalfTide;
  excursion: SeaExcursion;
}

/**
 * Each complete half tide (not cut by the period) paired with the sea's excursion of its own side
 * (a fall for an ebb half tide, a rise for a flood one) that overlaps it longest. A half tide that
 * overlaps no excursion of its side (at the ends of the period, beyond the first or last high
 * water) is left out. `excursions` are in time order, as seaExcursions gives them; so are the
 * ledger's half tides.
 */
export function rangeHalfTides(halfTides: readonly HalfTide[], excursions: readonly SeaExcursion[]): RangedHalfTide[] {
  const out: RangedHalfTide[] = [];
  let j = 0;
  for (const h of halfTides) {
    if (h.partial) continue;
    while (j < excursions.length && excursions[j].end <= h.start) j++;
    let best: SeaExcursion | undefined;
    let bestOverlap = 0;
    for (let k = j; k < excursions.length && excursions[k].start < h.end; k++) {
      const e = excursions[k];
      const overlap = Math.min(e.end, h.end) - Math.max(e.start, h.start);
      if (e.half === h.half && overlap > bestOverlap) {
        best = e;
        bestOverlap = overlap;
      }
    }
    if (best) out.push({ tide: h, excursion: best });
  }
  return out;
}
