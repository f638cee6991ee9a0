/**
 * Checks on the data a scenario reads, made once when the data is loaded and before the solver
 * sees it: every data file readable, area curves strictly increasing in level with non-negative
 * areas, turbine charts sorted in head with finite non-negative values, sea-level series sorted,
 * without duplicate times, finite, covering the period, and without gaps (unless the scenario
 * asks for gaps to be filled). Each failure is an InputError naming the file and line.
 */
import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../errors.js';
import type { Columns, NumericTable } from '../io/csv-read.js';
import { failureReason, notRegular } from '../io/text.js';
import { TABLE_DH } from '../scheme/turbine.js';
import { fillGaps, findGaps, type ObservedSeries, sampleProblems, sampleWhere } from '../tide/series.js';
import { durationText, isoTime as iso } from '../time.js';
import { dataFileFields } from './file-fields.js';
import { periodBounds } from './period.js';
import type { Scenario } from './types.js';

/** Throws one InputError for the problems of `what` (a file or a scenario), when there are any. */
function throwIfAny(what: string, problems: string[]): void {
  if (problems.length > 0) throw InputError.of(problems, what);
}

/**
 * Every data file of the scenario can be read: lists all the unreadable ones at once, each with
 * its field, the absolute path tried and why it failed.
 */
export function checkDataFiles(s: Scenario): void {
  const problems: string[] = [];
  for (const { path, file } of dataFileFields(s)) {
    let why: string | undefined;
    try {
      why = notRegular(file);
      if (why === undefined) accessSync(file, constants.R_OK);
    } catch (err) {
      why = failureReason(err);
    }
    if (why !== undefined) {
      const from = s.file === '<inline>' ? '' : ` (${dirname(s.file)})`;
      problems.push(
        `${s.file}: ${path}: ${file}: cannot read the file ${why}; relative paths are resolved from the scenario file's folder${from}`,
      );
    }
  }
  throwIfAny(s.file, problems);
}

/** Problems with a column that must increase strictly down the table. */
function notIncreasing(t: NumericTable, name: string, unit: string, what: string): string[] {
  const x = t.cols[name];
  const out: string[] = [];
  for (let r = 1; r < x.length; r++) {
    if (!(x[r] > x[r - 1])) {
      const how = x[r] === x[r - 1] ? 'repeats' : 'is below';
      out.push(
        `${t.file}:${t.line[r]}: column "${name}": ${x[r]} ${unit} ${how} ${x[r - 1]} ${unit} on line ${t.line[r - 1]}; ${what}`,
      );
    }
  }
  return out;
}

/** Problems with a column that must not be negative. */
function negative(t: NumericTable, name: string, unit: string): string[] {
  const x = t.cols[name];
  const out: string[] = [];
  for (let r = 0; r < x.length; r++)
    if (x[r] < 0) out.push(`${t.file}:${t.line[r]}: column "${name}": expected a value >= 0 ${unit}, got ${x[r]} ${unit}`);
  return out;
}

/**
 * A basin's area-level curve (columns level_m, area_m2): at least two rows, levels strictly
 * increasing, an area >= 0 at the lowest level and > 0 above it (the stored volume must grow
 * with level for the level to follow from the volume). Returns the columns.
 */
export function checkAreaCurve(t: NumericTable): Columns {
  const problems: string[] = [];
  const a = t.cols.area_m2;
  if (a.length < 2) problems.push(`${t.file}: an area curve needs at least two rows of (level_m, area_m2), found ${a.length}`);
  problems.push(...notIncreasing(t, 'level_m', 'm', 'levels must increase strictly down the file'));
  if (a.length > 0 && a[0] < 0)
    problems.push(`${t.file}:${t.line[0]}: column "area_m2": expected an area >= 0 m2 at the lowest level, got ${a[0]} m2`);
  for (let r = 1; r < a.length; r++) {
    if (!(a[r] > 0))
      problems.push(
        `${t.file}:${t.line[r]}: column "area_m2": expected an area > 0 m2 above the lowest level (the volume must grow with level), got ${a[r]} m2`,
      );
  }
  throwIfAny(t.file, problems);
  return t.cols;
}

/**
 * A chart whose first column `key` is a head (m) and whose other columns are powers and flows:
 * at least two rows, heads >= 0 and strictly increasing up to at least two steps of the solver's
 * head table (TABLE_DH), every other column finite and >= 0. Returns the columns.
 */
function checkChart(t: NumericTable, key: string, what: string): Columns {
  const problems: string[] = [];
  const h = t.cols[key];
  if (h.length < 2) problems.push(`${t.file}: a ${what} needs at least two rows, found ${h.length}`);
  else if (!(h[h.length - 1] >= 2 * TABLE_DH)) {
    problems.push(
      `${t.file}:${t.line[h.length - 1]}: column "${key}": the chart ends at ${h[h.length - 1]} m of head; it must reach at least ${2 * TABLE_DH} m (charts span metres: check the unit)`,
    );
  }
  problems.push(...negative(t, key, 'm'));
  problems.push(...notIncreasing(t, key, 'm', 'a chart must be sorted by head, each head once'));
  for (const name of Object.keys(t.cols)) {
    if (name !== key) problems.push(...negative(t, name, name.endsWith('_mw') ? 'MW' : name.endsWith('_m3s') ? 'm3/s' : ''));
  }
  throwIfAny(t.file, problems);
  return t.cols;
}

/** A turbine chart: head_m, power_mw, flow_m3s (see checkChart). */
export function checkTurbineChart(t: NumericTable): Columns {
  return checkChart(t, 'head_m', 'turbine chart');
}

/** A pump chart: lift_m, flow_m3s, power_mw (see checkChart). */
export function checkPumpChart(t: NumericTable): Columns {
  return checkChart(t, 'lift_m', 'pump chart');
}

/**
 * An observed sea-level series for scenario `s`: finite, strictly increasing in time, covering
 * the simulated period by at least one time step, and without gaps inside that period (gaps as
 * the tide module finds them: a spacing over 1.5 times the most common one). Gaps up to
 * `tide.fill_gaps_max_s` (when the scenario sets it) are filled by linear interpolation and
 * described in `notes`; any other gap is an error naming its times and line. Returns the series,
 * filled where asked.
 */
export function checkSeries(series: ObservedSeries, s: Scenario, notes: string[]): ObservedSeries {
  const { time, file } = series;
  const n = time.length;
  if (n < 2) throwIfAny(file, [`${file}: a sea-level series needs at least two rows of (time, level), found ${n}`]);
  throwIfAny(file, sampleProblems(series));

  const [t0, t1] = periodBounds(s, [time[0], time[n - 1]]);
  if (t0 < time[0] || t1 > time[n - 1]) {
    throwIfAny(file, [
      `${file}: the series covers ${iso(time[0])} to ${iso(time[n - 1])}, not the scenario's period ${iso(t0)} to ${iso(t1)}; ` +
        `set the period (year, or start and end) inside the series, or give a longer series`,
    ]);
  }
  if (t1 - t0 < s.time_step_s) {
    throwIfAny(file, [
      `${file}: the period ${iso(t0)} to ${iso(t1)} (${durationText(t1 - t0)}) is shorter than one time step (${s.time_step_s} s); give a longer series or period`,
    ]);
  }

  const { step, gaps: all } = findGaps(series);
  const gaps = all.filter((g) => g.to > t0 && g.from < t1);
  if (gaps.length === 0) return series;
  const maxFill = s.tide.kind === 'observed' ? s.tide.fill_gaps_max_s : undefined;
  const tooLong = gaps.filter((g) => maxFill === undefined || g.to - g.from > maxFill);
  const fix =
    maxFill === undefined
      ? `fill the gap in the file, or set tide.fill_gaps_max_s (s) to bridge gaps by linear interpolation`
      : `tide.fill_gaps_max_s is ${maxFill} s; raise it to bridge this gap, or fill the gap in the file`;
  throwIfAny(
    file,
    tooLong.map(
      (g) =>
        `${sampleWhere(series, g.after)}: gap in the series: no sample from ${iso(g.from)} to ${iso(g.to)} ` +
        `(${durationText(g.to - g.from)}, ${g.to - g.from} s; the usual spacing is ${durationText(step)}); ${fix}`,
    ),
  );
  const filled = fillGaps(series, { step, gaps }).series;
  const longest = gaps.reduce((a, b) => (b.to - b.from > a.to - a.from ? b : a));
  notes.push(
    `tide: filled ${gaps.length} gap${gaps.length > 1 ? 's' : ''} in ${file} by linear interpolation ` +
      `(${filled.time.length - n} samples added at ${durationText(step)}; longest ${durationText(longest.to - longest.from)}, ${iso(longest.from)} to ${iso(longest.to)})`,
  );
  return filled;
}
