/**
 * Lost tides: falls (ebb) or rises (flood) of the sea on a side the scheme generates on, complete
 * within the period, in which it generated nothing on that side. On neap tides a fixed-head
 * scheme may never see its start head and hold the basin through whole tides; these are the tides
 * the summary's energy leaves out, which an engineer asks about first.
 */

import type { ModeTable } from '../operation/modes.js';
import type { Result } from '../simulate.js';
import { generatingHalves, type Half } from './report-run.js';
import { type SeaExcursion, seaExcursions } from './tide-ranges.js';

export interface LostTides {
  /** The lost excursions of the sea, in time order. */
  lost: SeaExcursion[];
  /** Excursions of the generating sides complete within the period (the lost ones among them). */
  of: number;
  /** Longest stretch of consecutive lost excursions of one side, from the first one's start to the last one's end (s). */
  longest_s: number;
}

/** Energy generated on side `half` (J) over the steps overlapping [start, end). */
function generatedOn(r: Result, ops: ModeTable, half: Half, start: number, end: number): number {
  const { sea, series } = r;
  const steps = sea.level.length - 1;
  const sign = half === 'ebb' ? 1 : -1;
  let e = 0;
  for (let k = Math.max(0, Math.floor((start - sea.t0) / sea.dt)); k < steps && sea.t0 + k * sea.dt < end; k++)
    if (Math.sign(ops.generate[series.mode[k]]) === sign) e += series.power[k] * sea.dt;
  return e;
}

export function lostTides(r: Result, ops: ModeTable): LostTides {
  const halves = generatingHalves(ops);
  const lost: SeaExcursion[] = [];
  let of = 0;
  let longest = 0;
  for (const half of halves) {
    let first: SeaExcursion | undefined;
    for (const e of seaExcursions(r.sea)) {
      if (e.half !== half) continue;
      of++;
      if (generatedOn(r, ops, half, e.start, e.end) > 0) {
        first = undefined;
        continue;
      }
      lost.push(e);
      first ??= e;
      longest = Math.max(longest, e.end - first.start);
    }
  }
  lost.sort((a, b) => a.start - b.start);
  return { lost, of, longest_s: longest };
}
