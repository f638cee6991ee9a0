/**
 * A run as the report pages see it: its result, the scheme curves and the mode table it used,
 * its label, and what a flexible or priced run adds (the plan's heads per tide, the prices).
 * The facts every plot asks of a run live here.
 */

import type { ModeTable } from '../operation/modes.js';
import type { RecordedPlan } from '../optimise/plan-record.js';
import type { Result } from '../simulate.js';
import type { SchemeModel } from '../solver/types.js';
import { type SeaExcursion, seaExcursions } from './tide-ranges.js';

export interface ReportRun {
  result: Result;
  scheme: SchemeModel;
  ops: ModeTable;
  label: string;
  /** A flexible run's plan: the heads of each half tide (the scenario's fixed heads are then not what ran). */
  plan?: RecordedPlan;
  /** The heads that ran, in words, when they are not the scenario's (a flexible run, the best fixed heads). */
  operation?: string;
  /** Price in force over each step (GBP/MWh, one per step), when the run has prices. */
  prices?: Float64Array;
}

/** Mean spring-neap period (s): the beat of the M2 and S2 constituents, 14.77 days. */
export const SPRING_NEAP_S = 1 / (1 / 43200 - 1 / 44714.1644);

/** Whether the run drew power pumping. */
export const pumps = (r: Result) => r.summary.pumping_energy_gwh > 0;

/** " ODN" (the tide's datum, with a space) or "". */
export function datumOf(r: Result): string {
  const tide = r.scenario.tide as { datum?: unknown };
  return typeof tide.datum === 'string' && tide.datum !== '' ? ` ${tide.datum}` : '';
}

export type Half = 'ebb' | 'flood';

/** The sides of the cycle on which the mode table generates: ebb, flood or both, in that order. */
export function generatingHalves(ops: ModeTable): Half[] {
  const out: Half[] = [];
  if (ops.generate.some((g) => g > 0)) out.push('ebb');
  if (ops.generate.some((g) => g < 0)) out.push('flood');
  return out;
}

/** The time window shown first: [start, end) in s since the epoch. */
export interface TimeWindow {
  start: number;
  end: number;
}

/**
 * The spring-neap fortnight shown first: one mean spring-neap period starting at `start` (s since
 * the epoch) when given, else centred on the largest fall or rise of the sea, kept inside the
 * run's period.
 */
export function chooseWindow(r: Result, start?: number): TimeWindow {
  const { sea } = r;
  const t1 = sea.t0 + (sea.level.length - 1) * sea.dt;
  const len = Math.min(SPRING_NEAP_S, t1 - sea.t0);
  let s: number;
  if (start !== undefined) s = start;
  else {
    let best: SeaExcursion | undefined;
    for (const e of seaExcursions(sea)) if (!best || e.range_m > best.range_m) best = e;
    s = best ? Math.floor((0.5 * (best.start + best.end) - len / 2) / 3600) * 3600 : sea.t0;
  }
  s = Math.max(sea.t0, Math.min(t1 - len, s));
  return { start: s, end: s + len };
}
