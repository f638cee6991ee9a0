/**
 * Observed sea-level series: reading a CSV of (time, level) and putting it on the solver's
 * uniform grid.
 */
import { readFileSync } from 'node:fs';
import type { SeaLevel } from '../solver/integrate.js';

export interface ObservedSeries {
  /** Sample times (s since 1970-01-01T00:00Z), strictly increasing. */
  readonly time: Float64Array;
  /** Level at each sample (m). */
  readonly level: Float64Array;
  /** The file it came from. */
  readonly file: string;
}

/** Parses an ISO 8601 time to seconds since the epoch; NaN when it is not one. */
export function parseIsoSeconds(text: string): number {
  const s = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(s)) return NaN;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(s) || s.length === 10 ? s : `${s}Z`;
  return Date.parse(withZone.replace(' ', 'T')) / 1000;
}

/**
 * Reads a CSV with a header row and two columns, an ISO 8601 UTC time and a level in metres.
 * Rejects unparsable rows, non-finite levels, duplicate or unsorted times, naming the line.
 */
export function readSeriesCsv(file: string): ObservedSeries {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read the sea-level series (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  const lines = text.split(/\r?\n/);
  const time: number[] = [];
  const level: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const [ts, ls] = line.split(',');
    const t = parseIsoSeconds(ts ?? '');
    const z = Number(ls);
    if (!Number.isFinite(t)) throw new Error(`${file}:${i + 1}: expected an ISO 8601 time in the first column, got "${ts}"`);
    if (ls === undefined || ls.trim() === '' || !Number.isFinite(z)) {
      throw new Error(`${file}:${i + 1}: expected a finite level in metres in the second column, got "${ls ?? ''}"`);
    }
    const prev = time[time.length - 1];
    if (prev !== undefined && t <= prev) {
      throw new Error(`${file}:${i + 1}: time ${ts.trim()} is ${t === prev ? 'a duplicate of' : 'earlier than'} the row before; sort the series and remove duplicates`);
    }
    time.push(t);
    level.push(z);
  }
  if (time.length < 2) throw new Error(`${file}: a sea-level series needs at least two rows of (time, level)`);
  return { time: Float64Array.from(time), level: Float64Array.from(level), file };
}

/**
 * Interpolates a series linearly onto the grid t0 + k*dt, k = 0..n-1. The grid must lie inside
 * the series.
 */
export function resampleSeries(s: ObservedSeries, t0: number, dt: number, n: number): SeaLevel {
  const tt = s.time;
  const zz = s.level;
  const tEnd = t0 + (n - 1) * dt;
  if (t0 < tt[0] || tEnd > tt[tt.length - 1]) {
    throw new Error(
      `${s.file}: the series covers ${new Date(tt[0] * 1000).toISOString()} to ${new Date(tt[tt.length - 1] * 1000).toISOString()}, ` +
        `not the requested ${new Date(t0 * 1000).toISOString()} to ${new Date(tEnd * 1000).toISOString()}`,
    );
  }
  const out = new Float64Array(n);
  let j = 0;
  for (let k = 0; k < n; k++) {
    const t = t0 + k * dt;
    while (j < tt.length - 2 && tt[j + 1] <= t) j++;
    const f = (t - tt[j]) / (tt[j + 1] - tt[j]);
    out[k] = zz[j] + f * (zz[j + 1] - zz[j]);
  }
  return { t0, dt, level: out };
}
