/** The scenario's period in seconds since the epoch. */

import { InputError } from '../errors.js';
import { parseIsoSeconds } from '../time.js';
import type { Scenario } from './types.js';

/** Start and end (s since the epoch) of the scenario's period; `fallback` gives the series' own ends. */
export function periodBounds(s: Scenario, fallback?: [number, number]): [number, number] {
  const p = s.period;
  if (p.year !== undefined) return [Date.UTC(p.year, 0, 1) / 1000, Date.UTC(p.year + 1, 0, 1) / 1000];
  const t0 = p.start !== undefined ? parseIsoSeconds(p.start) : fallback?.[0];
  const t1 = p.end !== undefined ? parseIsoSeconds(p.end) : fallback?.[1];
  if (t0 === undefined || t1 === undefined) {
    throw new InputError(
      `${s.file}: period: a harmonic tide needs a period: give "year" or both "start" and "end" (ISO 8601 UTC)`,
    );
  }
  return [t0, t1];
}
