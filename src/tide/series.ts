/**
 * Observed sea-level series: reading a CSV of (time, level) and putting it on the solver's
 * uniform grid.
 */

import { InputError, suggest } from '../errors.js';
import { readTimeValueCsv, type TimeValueFormat } from '../io/time-value-csv.js';
import { isoTime } from '../time.js';
import type { SeaLevel } from './sea-level.js';

export interface ObservedSeries {
  /** Sample times (s since 1970-01-01T00:00Z), strictly increasing. */
  readonly time: Float64Array;
  /** Level at each sample (m). */
  readonly level: Float64Array;
  /** The file it came from. */
  readonly file: string;
  /** Line of the file each sample came from (1-based), when read from a file. */
  readonly line?: Int32Array;
}

/** Names the time column of a sea-level series may have. */
const TIME_NAMES = ['time_utc', 'time'];
/** Names the level column may have: level_m, sea_level_m, or either with a datum (level_m_ODN, as `tide predict` writes). */
const LEVEL_NAME = /^(sea_)?level_m(_[A-Za-z0-9]+)?$/;

/** What is wrong with a sea-level series' header (two columns: time, level in metres), or undefined. */
function seriesHeaderProblem(header: readonly string[]): string | undefined {
  const expected = 'expected the header time_utc,level_m (level_m_<datum> and sea_level_m are also read)';
  const got = `got "${header.join(',')}"`;
  if (header.length !== 2) return `${expected}: two columns, time then level; ${got}`;
  const [time, level] = header;
  if (!TIME_NAMES.includes(time)) {
    const near = suggest(time, TIME_NAMES);
    return `${expected}; the first column must be the time, ${got}${near ? `; did you mean "${near}"?` : ''}`;
  }
  if (!LEVEL_NAME.test(level)) {
    const unit = /^(sea_)?level_([a-z]+)/i.exec(level)?.[2];
    if (unit !== undefined && unit !== 'm')
      return `${expected}; levels must be in metres, but the column "${level}" says ${unit}: convert them to metres`;
    const near = suggest(level, ['level_m', 'sea_level_m']);
    return `${expected}; the second column must be the level in metres, ${got}${near ? `; did you mean "${near}"?` : ''}`;
  }
  return undefined;
}

/** A sea-level series: an ISO 8601 time and a level (m), under a header that says so; nothing more. */
const SERIES_FORMAT: TimeValueFormat = {
  what: 'sea-level series',
  header: 'time_utc,level_m',
  columns: (header) => seriesHeaderProblem(header) ?? { time: 0, value: 1, cells: 2, row: 'two columns (time, level)' },
  value: 'level in metres',
};

/**
 * Reads a CSV with a header row and two columns, an ISO 8601 UTC time and a level in metres.
 * Rejects unparsable rows, non-finite levels, duplicate or unsorted times, naming the line.
 */
export function readSeriesCsv(file: string): ObservedSeries {
  const rows = readTimeValueCsv(file, SERIES_FORMAT);
  return { time: rows.time, level: rows.value, file, line: rows.line };
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
      `${s.file}: the series covers ${isoTime(tt[0])} to ${isoTime(tt[tt.length - 1])}, ` +
        `not the requested ${isoTime(t0)} to ${isoTime(tEnd)}`,
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

export interface SeriesGap {
  /** Index of the sample before the gap. */
  readonly after: number;
  /** Times either side (s since the epoch). */
  readonly from: number;
  readonly to: number;
  /** Samples missing at the nominal step. */
  readonly missing: number;
}

export interface GapReport {
  /** The nominal step: the most common spacing (s). */
  readonly step: number;
  /** In time order. */
  readonly gaps: readonly SeriesGap[];
}

/** Where sample i (0-based) is: "file:line" when known, else "file, sample i+1". */
export function sampleWhere(s: ObservedSeries, i: number): string {
  return s.line && s.line[i] > 0 ? `${s.file}:${s.line[i]}` : `${s.file}, sample ${i + 1}`;
}

/**
 * What is wrong with a series' samples, one entry each, naming the line or sample: levels and
 * times that are not finite, times that repeat or go back. Empty for a usable series.
 */
export function sampleProblems(series: ObservedSeries): string[] {
  const { time, level } = series;
  if (time.length !== level.length) return [`${series.file}: ${time.length} times but ${level.length} levels`];
  const problems: string[] = [];
  for (let k = 0; k < time.length; k++) {
    if (!Number.isFinite(time[k]) || !Number.isFinite(level[k]))
      problems.push(
        `${sampleWhere(series, k)} (time ${isoTime(time[k])}): expected a finite time and level in metres, got level ${level[k]}`,
      );
    else if (k > 0 && !(time[k] > time[k - 1])) {
      problems.push(
        `${sampleWhere(series, k)}: time ${isoTime(time[k])} ${time[k] === time[k - 1] ? 'repeats the sample before' : 'is earlier than the sample before'}; sort the series and remove duplicate times`,
      );
    }
  }
  return problems;
}

/**
 * The nominal step and every spacing longer than 1.5 steps, for a series with strictly
 * increasing times. The step is the most common spacing (to the millisecond), not the median: a
 * gauge samples on a fixed step, and the mode recovers it exactly even when over half the samples
 * are missing (the median then lands on a gap), and it is always a spacing the file has (the
 * median of an even count can fall between two).
 */
export function findGaps(s: ObservedSeries): GapReport {
  const t = s.time;
  const counts = new Map<number, number>();
  for (let i = 1; i < t.length; i++) {
    const d = Math.round((t[i] - t[i - 1]) * 1000) / 1000;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let step = 0;
  let best = 0;
  for (const [d, c] of counts) {
    if (c > best || (c === best && d < step)) {
      step = d;
      best = c;
    }
  }
  const gaps: SeriesGap[] = [];
  for (let i = 1; i < t.length; i++) {
    const d = t[i] - t[i - 1];
    if (d > 1.5 * step) gaps.push({ after: i - 1, from: t[i - 1], to: t[i], missing: Math.round(d / step) - 1 });
  }
  return { step, gaps };
}

/** One line per gap: where it is, how long, how many samples are missing. */
export function describeGaps(s: ObservedSeries, report: GapReport): string[] {
  return report.gaps.map(
    (g) =>
      `${sampleWhere(s, g.after + 1)}: gap of ${((g.to - g.from) / 3600).toFixed(2)} h from ${isoTime(g.from)} to ${isoTime(g.to)} (${g.missing} samples missing at the ${report.step} s step)`,
  );
}

/** Throws, naming the first gaps by file and line, unless the series is evenly spaced. */
export function requireNoGaps(s: ObservedSeries): GapReport {
  const report = findGaps(s);
  if (report.gaps.length > 0) {
    const lines = describeGaps(s, report);
    const more = lines.length > 3 ? `\n  ... and ${lines.length - 3} more` : '';
    throw new InputError(
      `${s.file}: the series has ${lines.length} gap(s) in its ${report.step} s sampling:\n  ${lines.slice(0, 3).join('\n  ')}${more}\n` +
        'a harmonic analysis can use the samples present (tide fit --allow-gaps); filling by linear interpolation (fillGaps) is done only on request, and reported',
    );
  }
  return report;
}

/**
 * The series with the gaps of `report` (by default every gap findGaps finds; a caller may pass a
 * subset, in time order) filled by linear interpolation between the samples either side, each
 * gap's missing samples spread evenly across it (at the nominal step when the gap is a whole
 * number of steps). Returns the report it filled. Filled samples have line 0; a series without
 * gaps to fill comes back as it is.
 */
export function fillGaps(s: ObservedSeries, report: GapReport = findGaps(s)): { series: ObservedSeries; report: GapReport } {
  if (report.gaps.length === 0) return { series: s, report };
  const added = report.gaps.reduce((k, g) => k + g.missing, 0);
  const n = s.time.length + added;
  const time = new Float64Array(n);
  const level = new Float64Array(n);
  const line = new Int32Array(n);
  let out = 0;
  let g = 0;
  for (let i = 0; i < s.time.length; i++) {
    time[out] = s.time[i];
    level[out] = s.level[i];
    line[out] = s.line ? s.line[i] : 0;
    out++;
    const gap = report.gaps[g];
    if (gap && gap.after === i) {
      for (let k = 1; k <= gap.missing; k++) {
        const t = gap.from + ((gap.to - gap.from) * k) / (gap.missing + 1);
        const f = (t - gap.from) / (gap.to - gap.from);
        time[out] = t;
        level[out] = s.level[i] + f * (s.level[i + 1] - s.level[i]);
        out++;
      }
      g++;
    }
  }
  return { series: { time, level, file: s.file, line }, report };
}
