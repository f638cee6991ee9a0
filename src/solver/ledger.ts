/**
 * The per-tide ledger: the run cut into half tides, each with its mode sequence, the energy it
 * generated and spent pumping, and its peak powers. A half tide is a maximal run of modes on one
 * side of the cycle (ModeTable.half): the ebb side is the basin above the sea (pumping at high
 * water, holding, ebb generation, then draining or holding), the flood side its mirror. Cutting
 * at the state machine's own switches, not at turning points of the sea level, keeps every
 * generating period whole inside one half tide and is immune to surge wiggles.
 */
import type { ModeTable } from '../operation/modes.js';
import type { SeaLevel } from '../tide/sea-level.js';
import type { ModeLog } from './mode-log.js';
import type { StepSeries } from './types.js';

export interface HalfTide {
  /** Start and end (s since 1970-01-01T00:00Z). */
  start: number;
  end: number;
  half: 'ebb' | 'flood';
  /** Names of the modes in force, in order (modes that ended the instant they began are left out). */
  modes: string[];
  /** Energy generated (J), exact: summed by the solver over the half tide's own time. */
  generated: number;
  /** Energy drawn pumping (J), exact likewise. */
  pumped: number;
  /** Peak generated power (W): the highest mean power of the solver steps that overlap the half tide. */
  peakPower: number;
  /** Peak power drawn pumping (W), likewise. */
  peakPumpPower: number;
  /** True for the first and last half tides, cut by the start or end of the run. */
  partial: boolean;
}

/** Highest value of xs over the steps overlapping [start, end). */
function peakOver(sea: SeaLevel, xs: Float64Array, start: number, end: number): number {
  const steps = sea.level.length - 1;
  let k = Math.max(0, Math.floor((start - sea.t0) / sea.dt));
  let peak = 0;
  for (; k < steps && sea.t0 + k * sea.dt < end; k++) if (xs[k] > peak) peak = xs[k];
  return peak;
}

/** Groups the logged mode segments into half tides, with peak powers from the per-step series. */
export function halfTideLedger(log: ModeLog, ops: ModeTable, sea: SeaLevel, series: StepSeries): HalfTide[] {
  const out: HalfTide[] = [];
  let cur: HalfTide | undefined;
  for (let k = 0; k < log.count; k++) {
    const start = log.start[k];
    const end = k + 1 < log.count ? log.start[k + 1] : log.end;
    if (!(end > start)) continue;
    const m = log.mode[k];
    const half = ops.half[m] > 0 ? 'ebb' : 'flood';
    if (cur === undefined || cur.half !== half) {
      cur = { start, end, half, modes: [], generated: 0, pumped: 0, peakPower: 0, peakPumpPower: 0, partial: out.length === 0 };
      out.push(cur);
    }
    cur.end = end;
    cur.modes.push(ops.names[m]);
    cur.generated += log.generated[k];
    cur.pumped += log.pumped[k];
  }
  if (out.length > 0) out[out.length - 1].partial = true;
  for (const h of out) {
    h.peakPower = peakOver(sea, series.power, h.start, h.end);
    h.peakPumpPower = peakOver(sea, series.pumpPower, h.start, h.end);
  }
  return out;
}
