/** Time stamps at the edges: seconds since 1970-01-01T00:00Z to ISO 8601 UTC text. */

import { DAY_S } from './physics.js';

/** ISO 8601 UTC text of a time in seconds since the epoch, to the second ("2018-01-01T00:00:00Z"); non-finite times as they are. */
export function isoTime(t: number): string {
  return Number.isFinite(t) ? new Date(Math.round(t) * 1000).toISOString().replace('.000Z', 'Z') : String(t);
}

/** Parses an ISO 8601 time to seconds since the epoch; NaN when it is not one. */
export function parseIsoSeconds(text: string): number {
  const s = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(s)) return NaN;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(s) || s.length === 10 ? s : `${s}Z`;
  return Date.parse(withZone.replace(' ', 'T')) / 1000;
}

/** A duration in words: "45 s", "15 min", "6.5 h", "3.2 days" (to 0.1 of the unit). */
export function durationText(s: number): string {
  const r = (x: number) => String(Math.round(x * 10) / 10);
  if (s < 120) return `${r(s)} s`;
  if (s < 7200) return `${r(s / 60)} min`;
  if (s < 172800) return `${r(s / 3600)} h`;
  return `${r(s / DAY_S)} days`;
}
