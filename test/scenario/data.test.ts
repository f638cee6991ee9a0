/**
 * Data files are checked on load: area curves, turbine charts and sea-level series, each failure
 * naming the file and line; gaps in a series are errors unless the scenario opts in to filling.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { summaryText } from '../../src/report/summary-text.js';
import { buildRun } from '../../src/scenario/build.js';
import { checkSeries } from '../../src/scenario/data-checks.js';
import { scenarioFromObject } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import { simulate } from '../../src/simulate.js';
import { isoTime } from '../../src/time.js';
import { type ChartScenarioFile, LIBAUX, readChartScenario, scratch, thrown } from '../fixtures.js';

const DATA = fileURLToPath(new URL('../../data', import.meta.url));
const T0 = Date.parse('2018-03-01T00:00:00Z') / 1000;

const tmp = scratch();
let dir: string;
beforeAll(() => {
  dir = tmp();
});

/** A semi-diurnal sea level (m) sampled every `spacing` s for `hours`, minus the samples in `drop`. */
function seriesText(hours: number, spacing = 900, drop: (k: number) => boolean = () => false): string {
  const rows = ['time_utc,level_m'];
  for (let k = 0; k * spacing <= hours * 3600; k++) {
    if (!drop(k)) rows.push(`${isoTime(T0 + k * spacing)},${(4 * Math.cos((2 * Math.PI * k * spacing) / 44714)).toFixed(4)}`);
  }
  return `${rows.join('\n')}\n`;
}

function write(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

/** The Libaux ebb-only barrage on synthetic data in the temp folder (relative paths), over a short period. */
function scenario(
  files: { tide?: string; area?: string; chart?: string },
  edit: (o: ChartScenarioFile) => void = () => {},
): Scenario {
  const o = readChartScenario(LIBAUX);
  o.tide.file = files.tide ?? write('tide.csv', seriesText(48));
  o.scheme.basin.area_curve_file = files.area ?? join(DATA, 'mersey-basin-area.csv');
  o.scheme.turbines.curve.file = files.chart ?? join(DATA, 'bulb-turbine-9m-hill-chart.csv');
  o.period = { start: isoTime(T0), end: isoTime(T0 + 48 * 3600) };
  edit(o);
  return scenarioFromObject(o, join(dir, 'scenario.json'), dir);
}

const inputError = (fn: () => unknown) => thrown(fn, InputError);

describe('area curves', () => {
  it('must increase strictly in level with areas > 0 above the bottom; every problem is listed with its line', () => {
    const f = write('area-bad.csv', 'level_m,area_m2\n-5,0\n-2,1e6\n-2,2e6\n# a comment\n-3,3e6\n0,-4\n5,6e6\n');
    const err = inputError(() => buildRun(scenario({ area: 'area-bad.csv' })));
    expect(err.problems).toEqual([
      `${f}:4: column "level_m": -2 m repeats -2 m on line 3; levels must increase strictly down the file`,
      `${f}:6: column "level_m": -3 m is below -2 m on line 4; levels must increase strictly down the file`,
      `${f}:7: column "area_m2": expected an area > 0 m2 above the lowest level (the volume must grow with level), got -4 m2`,
    ]);
    expect(err.message).toMatch(/^3 problems in .*area-bad\.csv:\n {2}/);
  });

  it('needs a positive area above its lowest level, and no negative area at the bottom', () => {
    const f = write('area-top.csv', 'level_m,area_m2\n-5,1e6\n5,0\n');
    expect(inputError(() => buildRun(scenario({ area: f }))).message).toBe(
      `${f}:3: column "area_m2": expected an area > 0 m2 above the lowest level (the volume must grow with level), got 0 m2`,
    );
    const g = write('area-bottom.csv', 'level_m,area_m2\n-5,-1\n5,1e6\n');
    expect(inputError(() => buildRun(scenario({ area: g }))).message).toBe(
      `${g}:2: column "area_m2": expected an area >= 0 m2 at the lowest level, got -1 m2`,
    );
  });

  it.each([
    ['NaN', 'got "NaN"; NaN and Infinity are not allowed: give a finite number or remove the row'],
    ['inf', 'got "inf"; NaN and Infinity are not allowed: give a finite number or remove the row'],
    ['-Infinity', 'got "-Infinity"; NaN and Infinity are not allowed: give a finite number or remove the row'],
    ['0x10', 'got "0x10"'],
    ['1e999', 'got "1e999" (out of range)'],
    ['', 'got an empty cell'],
    ['12 m', 'got "12 m"'],
  ])('rejects the area %j as not a finite number, naming file, line and column', (cell, found) => {
    const f = write('area-nan.csv', `level_m,area_m2\n-5,1e6\n0,${cell}\n5,2e6\n`);
    expect(inputError(() => buildRun(scenario({ area: f }))).message).toBe(
      `${f}:3: column "area_m2": expected a finite number, ${found}`,
    );
  });

  it('names a missing column with the closest header', () => {
    const f = write('area-col.csv', 'level,area_m2\n-5,1e6\n5,2e6\n');
    expect(inputError(() => buildRun(scenario({ area: f }))).message).toBe(
      `${f}:1: missing column "level_m" (the header has: level, area_m2); did you mean "level"?`,
    );
  });

  it('names a row with more values than the header has columns (a decimal comma)', () => {
    const f = write('area-comma.csv', 'level_m,area_m2\n-5,1e6\n5,2,5e6\n');
    expect(inputError(() => buildRun(scenario({ area: f }))).message).toBe(
      `${f}:3: 3 values on the line, but the header names 2 columns; a decimal comma? write 1.5, not 1,5`,
    );
  });

  it('names a short row', () => {
    const f = write('area-short.csv', 'level_m,area_m2\n-5,1e6\n5\n');
    expect(inputError(() => buildRun(scenario({ area: f }))).message).toBe(
      `${f}:3: column "area_m2": expected a finite number, got only 1 column on the line`,
    );
  });

  it('needs a data row', () => {
    const f = write('area-empty.csv', 'level_m,area_m2\n\n');
    expect(inputError(() => buildRun(scenario({ area: f }))).message).toBe(
      `${f}: expected a header row (level_m,area_m2) and at least one data row, found only one line`,
    );
  });
});

describe('turbine charts', () => {
  it('must be sorted in head, each head once, with heads, power and flow >= 0', () => {
    const f = write('chart-bad.csv', 'head_m,power_mw,flow_m3s\n0,0,0\n2,5,300\n1,3,-200\n1,-1,250\n4,20,400\n');
    expect(inputError(() => buildRun(scenario({ chart: f }))).problems).toEqual([
      `${f}:4: column "head_m": 1 m is below 2 m on line 3; a chart must be sorted by head, each head once`,
      `${f}:5: column "head_m": 1 m repeats 1 m on line 4; a chart must be sorted by head, each head once`,
      `${f}:5: column "power_mw": expected a value >= 0 MW, got -1 MW`,
      `${f}:4: column "flow_m3s": expected a value >= 0 m3/s, got -200 m3/s`,
    ]);
  });

  it('must reach a head the 1 cm head table of the solver can represent', () => {
    const f = write('chart-tiny.csv', 'head_m,power_mw,flow_m3s\n0,0,0\n0.004,1,10\n');
    expect(inputError(() => buildRun(scenario({ chart: f }))).message).toBe(
      `${f}:3: column "head_m": the chart ends at 0.004 m of head; it must reach at least 0.02 m (charts span metres: check the unit)`,
    );
  });

  it('rejects a non-finite value', () => {
    const f = write('chart-nan.csv', 'head_m,power_mw,flow_m3s\n0,0,0\n2,Infinity,300\n');
    expect(inputError(() => buildRun(scenario({ chart: f }))).message).toMatch(
      /chart-nan\.csv:3: column "power_mw": expected a finite number, got "Infinity"; NaN and Infinity are not allowed/,
    );
  });
});

describe('sea-level series', () => {
  const ser = (t: number[], z: number[]) => ({ time: Float64Array.from(t), level: Float64Array.from(z), file: 'tide.csv' });

  it('are sorted, without duplicate times, finite', () => {
    const s = scenario({}, (o) => (o.period = {}));
    expect(inputError(() => checkSeries(ser([0, 900, 900, 2700], [0, 1, 2, 3]), s, [])).message).toMatch(
      /time 1970-01-01T00:15:00Z repeats the sample before; sort the series/,
    );
    expect(inputError(() => checkSeries(ser([0, 900, 600, 2700], [0, 1, 2, 3]), s, [])).message).toMatch(
      /time 1970-01-01T00:10:00Z is earlier than the sample before/,
    );
    expect(inputError(() => checkSeries(ser([0, 900, 1800], [0, NaN, 3]), s, [])).message).toMatch(
      /sample 2 \(time 1970-01-01T00:15:00Z\): expected a finite time and level in metres, got level NaN/,
    );
  });

  it('must cover the period however it is given, a year included; gaps outside it do not matter', () => {
    // Hourly samples from 2017-12-20 to 2018-01-03, with 2018-01-02 06:00-12:00 missing.
    const t0 = Date.UTC(2017, 11, 20) / 1000;
    const t = Array.from({ length: 14 * 24 + 1 }, (_, k) => t0 + 3600 * k).filter(
      (x) => x < Date.UTC(2018, 0, 2, 6) / 1000 || x > Date.UTC(2018, 0, 2, 12) / 1000,
    );
    const series = ser(
      t,
      t.map(() => 0),
    );
    expect(
      inputError(() =>
        checkSeries(
          series,
          scenario({}, (o) => (o.period = { year: 2018 })),
          [],
        ),
      ).message,
    ).toMatch(
      /tide\.csv: the series covers 2017-12-20T00:00:00Z to 2018-01-03T00:00:00Z, not the scenario's period 2018-01-01T00:00:00Z to 2019-01-01T00:00:00Z; set the period \(year, or start and end\) inside the series/,
    );
    const december = scenario({}, (o) => (o.period = { start: '2017-12-21T00:00:00Z', end: '2017-12-31T00:00:00Z' }));
    expect(checkSeries(series, december, [])).toBe(series);
  });

  it('a duplicate or unsorted time in a file is an input error naming the line', () => {
    const f = write('tide-dup.csv', seriesText(48).replace(/\n(2018-03-01T01:00:00Z,[^\n]*)\n/, '\n$1\n$1\n'));
    expect(inputError(() => buildRun(scenario({ tide: f }))).message).toMatch(new RegExp(`${f}:7: .*2018-03-01T01:00:00Z`));
  });

  it('a non-finite level in a file is an input error naming the line', () => {
    const f = write('tide-nan.csv', seriesText(48).replace(/\n(2018-03-01T01:00:00Z),[^\n]*\n/, '\n$1,NaN\n'));
    expect(inputError(() => buildRun(scenario({ tide: f }))).message).toMatch(new RegExp(`${f}:6: .*NaN`));
  });

  // Samples 20..31 (05:00 to 07:45) missing: a gap from 04:45 (line 21) to 08:00, 3.25 h.
  const gappy = () =>
    write(
      'tide-gap.csv',
      seriesText(48, 900, (k) => k >= 20 && k <= 31),
    );

  it('a gap (a spacing over 1.5 times the most common one) is an error naming its times and line', () => {
    const f = gappy();
    expect(inputError(() => buildRun(scenario({ tide: f }))).message).toBe(
      `${f}:21: gap in the series: no sample from 2018-03-01T04:45:00Z to 2018-03-01T08:00:00Z (3.3 h, 11700 s; the usual spacing is 15 min); ` +
        'fill the gap in the file, or set tide.fill_gaps_max_s (s) to bridge gaps by linear interpolation',
    );
  });

  it('a gap outside the simulated period does not matter', () => {
    const s = scenario({ tide: gappy() }, (o) => (o.period = { start: isoTime(T0 + 9 * 3600), end: isoTime(T0 + 40 * 3600) }));
    expect(() => buildRun(s)).not.toThrow();
  });

  it('a gap longer than tide.fill_gaps_max_s is still an error, saying so', () => {
    const s = scenario({ tide: gappy() }, (o) => (o.tide.fill_gaps_max_s = 3600));
    expect(inputError(() => buildRun(s)).message).toMatch(
      /\(3\.3 h, 11700 s; the usual spacing is 15 min\); tide\.fill_gaps_max_s is 3600 s; raise it to bridge this gap/,
    );
  });

  it('with tide.fill_gaps_max_s, gaps are filled linearly at the usual spacing and reported', () => {
    const s = scenario({ tide: gappy() }, (o) => (o.tide.fill_gaps_max_s = 4 * 3600));
    const notes: string[] = [];
    const { time, level } = checkSeries(ser([0, 900, 1800, 6300, 7200], [1, 2, 3, 0, 1]), { ...s, period: {} }, notes);
    expect(Array.from(time)).toEqual([0, 900, 1800, 2700, 3600, 4500, 5400, 6300, 7200]);
    // On the line from (1800 s, 3 m) to (6300 s, 0 m): -1 m per 1500 s.
    expect(Array.from(level).map((z) => Math.round(z * 1e12) / 1e12)).toEqual([1, 2, 3, 2.4, 1.8, 1.2, 0.6, 0, 1]);
    expect(notes).toEqual([
      'tide: filled 1 gap in tide.csv by linear interpolation (4 samples added at 15 min; longest 75 min, 1970-01-01T00:30:00Z to 1970-01-01T01:45:00Z)',
    ]);

    const r = simulate(s);
    expect(r.summary.data_notes).toEqual([
      expect.stringMatching(
        /^tide: filled 1 gap in .*tide-gap\.csv by linear interpolation \(12 samples added at 15 min; longest 3\.3 h, 2018-03-01T04:45:00Z to 2018-03-01T08:00:00Z\)$/,
      ),
    ]);
    expect(summaryText(r.summary, 'scenario.json', '')).toMatch(/\n {2}note: tide: filled 1 gap in /);
    expect(Number.isFinite(r.summary.energy_gwh)).toBe(true);
  });

  it('a gap-free series is returned as it is, with no note', () => {
    const s = scenario({});
    const series = ser([0, 900, 1800], [0, 1, 0]);
    const notes: string[] = [];
    expect(checkSeries(series, { ...s, period: {} }, notes)).toBe(series);
    expect(notes).toEqual([]);
  });

  it('the period must lie inside the series', () => {
    const s = scenario({}, (o) => (o.period = { start: '2018-02-28T00:00:00Z', end: '2018-03-02T00:00:00Z' }));
    expect(inputError(() => buildRun(s)).message).toMatch(
      /tide\.csv: the series covers 2018-03-01T00:00:00Z to 2018-03-03T00:00:00Z, not the scenario's period 2018-02-28T00:00:00Z to 2018-03-02T00:00:00Z; set the period \(year, or start and end\) inside the series/,
    );
  });

  it('the series must span at least one time step', () => {
    const f = write('tide-short.csv', 'time_utc,level_m\n2018-03-01T00:00:00Z,1\n2018-03-01T00:01:00Z,1.1\n');
    const s = scenario({ tide: f }, (o) => (o.period = {}));
    expect(inputError(() => buildRun(s)).message).toMatch(
      /tide-short\.csv: the period 2018-03-01T00:00:00Z to 2018-03-01T00:01:00Z \(60 s\) is shorter than one time step \(300 s\)/,
    );
  });
});
