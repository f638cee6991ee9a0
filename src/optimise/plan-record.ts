/**
 * A flexible run's plan as summary.json records it: the fixed heads in force before the first
 * decision, and each decision's sample, direction and heads. With the scenario it is all a rerun
 * needs (`mersey-tidal report` replays it and checks the energy against the summary).
 */
import { InputError } from '../errors.js';
import { isJsonObject } from '../json.js';
import type { HalfControls } from '../operation/cycle.js';
import type { SeaLevel } from '../tide/sea-level.js';
import { isoTime } from '../time.js';
import type { Controls } from './fixed.js';
import type { Decisions } from './horizon.js';

/** One half tide's heads (m). */
export interface RecordedHeads {
  start_head_m: number;
  end_head_m: number;
  /** 0 where the direction does not pump. */
  pump_to_head_m: number;
}

export interface RecordedDecision extends RecordedHeads {
  /** Sample of the sea-level grid the decision is made at (0 = the period's start). */
  step: number;
  /** Its time, for people (the step is what a replay uses). */
  time_utc: string;
  direction: 'ebb' | 'flood';
}

export interface RecordedPlan {
  /** Heads in force before the first decision of each direction; null where the cycle does not generate. */
  reference: { ebb: RecordedHeads | null; flood: RecordedHeads | null };
  decisions: RecordedDecision[];
}

/** Controls of one half tide as recorded (summary.json, optimise.json). */
export const recordHeads = (c: HalfControls): RecordedHeads => ({
  start_head_m: c.start,
  end_head_m: c.end,
  pump_to_head_m: c.pump,
});

export function recordPlan(
  decisions: Decisions,
  controls: readonly HalfControls[],
  reference: Controls,
  sea: SeaLevel,
): RecordedPlan {
  return {
    reference: { ebb: reference[0] && recordHeads(reference[0]), flood: reference[1] && recordHeads(reference[1]) },
    decisions: Array.from(decisions.index, (step, j) => ({
      step,
      time_utc: isoTime(sea.t0 + step * sea.dt),
      direction: decisions.dir[j] > 0 ? 'ebb' : 'flood',
      ...recordHeads(controls[j]),
    })),
  };
}

/**
 * The plan a record holds, for applyPlan on a run of `samples` samples whose cycle generates on
 * the ebb and on the flood as `generates` says; every problem is listed, naming its field.
 */
export function planFromRecord(
  x: unknown,
  where: string,
  samples: number,
  generates: readonly [boolean, boolean],
): { decisions: Decisions; controls: HalfControls[]; reference: Controls } {
  const problems: string[] = [];
  const heads = (h: unknown, at: string): HalfControls | null => {
    if (!isJsonObject(h)) {
      problems.push(`${at}: expected an object with start_head_m, end_head_m and pump_to_head_m`);
      return null;
    }
    const out: number[] = [];
    for (const key of ['start_head_m', 'end_head_m', 'pump_to_head_m']) {
      const v = h[key];
      if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v))
        problems.push(`${at}.${key}: expected a head >= 0 m, got ${JSON.stringify(v)}`);
      out.push(v as number);
    }
    return { start: out[0], end: out[1], pump: out[2] };
  };
  if (!isJsonObject(x) || !isJsonObject(x.reference) || !Array.isArray(x.decisions)) {
    throw new InputError(`${where}: expected an object with "reference" (ebb and flood heads) and "decisions" (an array)`);
  }
  const reference: Controls = [null, null];
  const recorded = x.reference;
  (['ebb', 'flood'] as const).forEach((half, k) => {
    const h = recorded[half];
    const at = `${where}.reference.${half}`;
    if (!generates[k]) {
      if (h !== null) problems.push(`${at}: the scheme does not generate on the ${half}, so it must be null`);
    } else if (h === null) {
      problems.push(`${at}: the scheme generates on the ${half}, so its heads must be given`);
    } else {
      reference[k] = heads(h, at);
    }
  });
  const n = x.decisions.length;
  const index = new Int32Array(n);
  const dir = new Int8Array(n);
  const controls: HalfControls[] = [];
  let previous = -1;
  x.decisions.forEach((d: unknown, j: number) => {
    const at = `${where}.decisions[${j}]`;
    const c = heads(d, at);
    if (!isJsonObject(d) || !c) return;
    const step = d.step;
    if (Number.isInteger(step) && (step as number) > previous && (step as number) < samples) previous = step as number;
    else
      problems.push(
        `${at}.step: expected a whole sample number after the previous decision's (${previous}) and below ${samples}, got ${JSON.stringify(step)}`,
      );
    index[j] = step as number;
    if (d.direction !== 'ebb' && d.direction !== 'flood')
      problems.push(`${at}.direction: expected "ebb" or "flood", got ${JSON.stringify(d.direction)}`);
    else if (!generates[d.direction === 'ebb' ? 0 : 1])
      problems.push(`${at}.direction: the scheme does not generate on the ${d.direction}`);
    dir[j] = d.direction === 'ebb' ? 1 : -1;
    controls.push(c);
  });
  if (problems.length > 0) throw InputError.of(problems);
  return { decisions: { index, dir }, controls, reference };
}
