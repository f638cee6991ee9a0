/**
 * Whether a scenario pumps before a generating direction: one rule for the loader's checks, the
 * mode table and the summary.
 */

import { type DirectionSpec, MODE_DIRECTIONS, type Scenario } from './types.js';

/** Whether a direction's heads ask for pumping before it: a target head above 0 (absent or 0: none). */
export function asksToPump(d: DirectionSpec | undefined): boolean {
  return (d?.pump_to_head_m ?? 0) > 0;
}

/**
 * The head the scenario pumps to before direction `dir` (m), or undefined when it does not pump
 * there: the mode generates on it, its target is above 0, some pumping time is allowed and the
 * turbines can pump.
 */
export function pumpTarget(s: Scenario, dir: 'ebb' | 'flood'): number | undefined {
  const o = s.operation;
  const d = o[dir];
  const pumps =
    MODE_DIRECTIONS[o.mode].includes(dir) &&
    asksToPump(d) &&
    o.max_pump_duration_s > 0 &&
    s.scheme.turbines.pumping !== undefined;
  return pumps ? d?.pump_to_head_m : undefined;
}

/** The directions the scenario pumps before, in the mode's order. */
export function pumpingDirections(s: Scenario): ('ebb' | 'flood')[] {
  return MODE_DIRECTIONS[s.operation.mode].filter((d) => pumpTarget(s, d) !== undefined);
}
