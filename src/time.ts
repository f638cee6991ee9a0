/** Time stamps at the edges: seconds since 1970-01-01T00:00Z to ISO 8601 UTC text. */

import { DAY_S } from './physics.js';

/** ISO 8601 UTC text of a time in seconds since the epoch, to the second ("2018-01-01T00:00:00Z"); non-finite times as they are. */
export function isoTime(t: number): string {
  return Number.isFinite(t) ? new Date(Math.round(t) * 1000).toISOString().replace('.000Z', 'Z') : String(t);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|([+-])(\d{2}):?(\d{2}))?$/;
const NOT_ISO = 'not an ISO 8601 time such as 2018-01-01T00:00:00Z';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days in a month (1-12) of the proleptic Gregorian calendar. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why `text` is not an ISO 8601 time this tool reads ("2018-01-01", "2018-01-01T00:30Z",
 * "2018-01-01 00:30:00+01:00"; UTC without a zone), or undefined when it is one. A date that does
 * not exist (2018-02-30, 25:00) is refused here rather than rolled over into the next month.
 */
export function isoTimeProblem(text: string): string | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return NOT_ISO;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `no month ${m[2]} (months are 01 to 12)`;
  if (day < 1 || day > daysIn(year, month))
    return `no day ${m[3]} in ${MONTHS[month - 1]} ${m[1]} (it has ${daysIn(year, month)} days)`;
  if (m[4] !== undefined && Number(m[4]) > 23) return `no hour ${m[4]} (hours are 00 to 23)`;
  if (m[5] !== undefined && Number(m[5]) > 59) return `no minute ${m[5]} (minutes are 00 to 59)`;
  if (m[6] !== undefined && Number(m[6]) > 59) return `no second ${m[6]} (seconds are 00 to 59)`;
  if (m[9] !== undefined && (Number(m[10]) > 23 || Number(m[11]) > 59)) return `no time zone offset ${m[8]}`;
  return undefined;
}

/** Text that failed as a time, quoted, with why when it has the form but names no real time: '"2018-02-30": no day 30 in ...'. */
export function quotedTime(text: string): string {
  const why = isoTimeProblem(text);
  return why === undefined || why === NOT_ISO ? `"${text}"` : `"${text}": ${why}`;
}

/** Parses an ISO 8601 time (see isoTimeProblem) to seconds since the epoch; NaN when it is not one. */
export function parseIsoSeconds(text: string): number {
  if (isoTimeProblem(text) !== undefined) return NaN;
  const m = ISO.exec(text.trim())!;
  const d = new Date(0); // not Date.UTC, which reads years 0-99 as 1900-1999
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  d.setUTCHours(Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), m[7] ? Number(m[7]) * 1000 : 0);
  const utc = d.getTime();
  const offset = m[9] === undefined ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) * 60000;
  return (utc - offset) / 1000;
}

/** A duration in words: "45 s", "15 min", "6.5 h", "3.2 days" (to 0.1 of the unit). */
export function durationText(s: number): string {
  const r = (x: number) => String(Math.round(x * 10) / 10);
  if (s < 120) return `${r(s)} s`;
  if (s < 7200) return `${r(s / 60)} min`;
  if (s < 172800) return `${r(s / 3600)} h`;
  return `${r(s / DAY_S)} days`;
}
