/**
 * The less travelled inputs (issue 15): impossible dates, files that are not regular or not
 * UTF-8, every problem of a data file listed at once, sea-level headers, prices with missing rows,
 * site files, bounds on every physical field, runs too large for memory, degenerate schemes, and
 * a summary.json edited by hand. Each case fails with a message naming the file or field.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { csvRecords, readNumericTable } from '../../src/io/csv-read.js';
import { csvText } from '../../src/io/csv-write.js';
import { readText } from '../../src/io/text.js';
import { rerunProblems, summaryDocument } from '../../src/report/summary-file.js';
import { checkDataFiles } from '../../src/scenario/data-checks.js';
import { scenarioFromObject } from '../../src/scenario/load.js';
import { readPriceCsv } from '../../src/scenario/prices.js';
import { buildSea } from '../../src/scenario/tide-source.js';
import { simulate } from '../../src/simulate.js';
import { loadSite } from '../../src/tide/index.js';
import { readSeriesCsv } from '../../src/tide/series.js';
import { isoTime, isoTimeProblem, parseIsoSeconds } from '../../src/time.js';
import { LIBAUX, MERSEY, scenarioProblems, scratch, thrown } from '../fixtures.js';

const DATA = fileURLToPath(new URL('../../data', import.meta.url));
const tmp = scratch();
let dir: string;
beforeAll(() => {
  dir = tmp();
});

function write(name: string, text: string | Buffer): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

const inputError = (fn: () => unknown) => thrown(fn, InputError);

/** The default barrage (harmonic tide) as an object, over `days` from 2018-03-01, edited by `edit`. */
// biome-ignore lint/suspicious/noExplicitAny: a scenario file's parsed JSON, edited freely by each test
function harmonic(days: number, edit: (o: any) => void = () => {}): any {
  const o = JSON.parse(readFileSync(MERSEY, 'utf8'));
  o.period = { start: '2018-03-01T00:00:00Z', end: isoTime(Date.UTC(2018, 2, 1 + days) / 1000) };
  edit(o);
  return o;
}

describe('dates', () => {
  it('an impossible day, hour, minute or month is refused, not rolled over into the next', () => {
    for (const [text, why] of [
      ['2018-02-30T00:00:00Z', 'no day 30 in February 2018 (it has 28 days)'],
      ['2018-06-31', 'no day 31 in June 2018 (it has 30 days)'],
      ['2100-02-29', 'no day 29 in February 2100 (it has 28 days)'],
      ['2018-13-01', 'no month 13'],
      ['2018-01-01T25:00Z', 'no hour 25'],
      ['2018-01-01T10:60Z', 'no minute 60'],
    ]) {
      expect(parseIsoSeconds(text), text).toBeNaN();
      expect(isoTimeProblem(text), text).toMatch(why);
    }
    expect(parseIsoSeconds('2016-02-29')).toBe(Date.UTC(2016, 1, 29) / 1000);
    expect(parseIsoSeconds('2000-02-29T12:00')).toBe(Date.UTC(2000, 1, 29, 12) / 1000);
  });

  it('every real time reads as Date.parse reads it, with or without a zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: -14, max: 14 }),
        (d, zoneH) => {
          const iso = d.toISOString().slice(0, 19);
          expect(parseIsoSeconds(`${iso}Z`)).toBe(Math.floor(d.getTime() / 1000));
          expect(parseIsoSeconds(iso)).toBe(Math.floor(d.getTime() / 1000));
          const zone = `${zoneH < 0 ? '-' : '+'}${String(Math.abs(zoneH)).padStart(2, '0')}:30`;
          expect(parseIsoSeconds(`${iso}${zone}`)).toBe(Date.parse(`${iso}${zone}`) / 1000);
        },
      ),
      { seed: 15, numRuns: 500 },
    );
  });

  it('a scenario period on an impossible date names the field and the reason', () => {
    const p = scenarioProblems(harmonic(2, (o) => (o.period.start = '2018-02-30T00:00:00Z')));
    expect(p).toEqual([expect.stringMatching(/period\.start: .*got "2018-02-30T00:00:00Z": no day 30 in February 2018/)]);
  });

  it('a sea-level row on an impossible date names the line and the reason', () => {
    const f = write('feb30.csv', 'time_utc,level_m\n2018-02-28T00:00:00Z,1\n2018-02-30T00:00:00Z,2\n2018-03-01T00:00:00Z,3\n');
    expect(inputError(() => readSeriesCsv(f)).message).toMatch(`${f}:3: expected an ISO 8601 time`);
    expect(inputError(() => readSeriesCsv(f)).message).toMatch('no day 30 in February 2018');
  });

  it('a harmonic prediction outside 1900-2100 (where the engine is checked) is refused', () => {
    const p = scenarioProblems(harmonic(2, (o) => (o.period = { start: '2200-01-01T00:00:00Z', end: '2200-01-03T00:00:00Z' })));
    expect(p).toEqual([expect.stringMatching(/: period: a tide prediction from 2200-01-01.* leaves the years 1900-2100/)]);
  });
});

describe('files that are not regular text files', () => {
  it('a named pipe is refused at once (reading it would wait for ever), as a data file and directly', () => {
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    expect(inputError(() => readText(fifo, 'sea-level series')).message).toBe(
      `${fifo}: cannot read the sea-level series : this is a named pipe, not a regular file (reading it could wait for ever); give a file`,
    );
    const s = scenarioFromObject(
      harmonic(2, (o) => (o.scheme.basin.area_curve_file = fifo)),
      join(dir, 'x.json'),
      dir,
    );
    expect(inputError(() => checkDataFiles(s)).message).toMatch(
      `scheme.basin.area_curve_file: ${fifo}: cannot read the file : this is a named pipe`,
    );
  }, 10_000);

  it('a UTF-16 file is named as such with how to save it, without printing its NUL bytes', () => {
    const utf16 = write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('time_utc,level_m\r\n', 'utf16le')]));
    const e = inputError(() => readSeriesCsv(utf16));
    expect(e.message).toBe(
      `${utf16}: cannot read the sea-level series: the file is UTF-16; save it as UTF-8 text (in a spreadsheet: "CSV UTF-8")`,
    );
    const bare = write('utf16-bare.csv', Buffer.from('level_m,area_m2\n', 'utf16le'));
    const b = inputError(() => readNumericTable(bare, ['level_m', 'area_m2']));
    expect(b.message).toMatch(/holds NUL bytes; UTF-16 without a byte-order mark\?/);
    expect(b.message).not.toMatch(/\0/);
  });

  it('bytes that are not UTF-8 (Latin-1) are named with their line', () => {
    const f = write(
      'latin1.csv',
      Buffer.concat([Buffer.from('level_m,area_m2\n# '), Buffer.from([0xb0]), Buffer.from(' C\n0,1\n')]),
    );
    expect(inputError(() => readNumericTable(f, ['level_m', 'area_m2'])).message).toBe(
      `${f}:2: cannot read the file: bytes that are not UTF-8 text (Latin-1 or Windows-1252?); save the file as UTF-8`,
    );
  });
});

describe('data files list every problem, at most 12 in the message', () => {
  it('an area curve', () => {
    const f = write('area.csv', 'level_m,area_m2\n-5,1e6\nx,2e6\n0,\n1,NaN\n2,3e6\n');
    const e = inputError(() => readNumericTable(f, ['level_m', 'area_m2']));
    expect(e.problems).toEqual([
      `${f}:3: column "level_m": expected a finite number, got "x"`,
      `${f}:4: column "area_m2": expected a finite number, got an empty cell`,
      `${f}:5: column "area_m2": expected a finite number, got "NaN"; NaN and Infinity are not allowed: give a finite number or remove the row`,
    ]);
    expect(e.message).toMatch(/^3 problems in /);
  });

  it('a sea-level series, capped at 12 listed with a count of the rest', () => {
    const rows = Array.from({ length: 20 }, (_, k) => `${isoTime(1.52e9 + k * 900)},${k % 2 ? 'bad' : '1.0'}`);
    const f = write('levels.csv', `time_utc,level_m\n${rows.join('\n')}\n`);
    const e = inputError(() => readSeriesCsv(f));
    expect(e.problems).toHaveLength(10);
    const many = write('levels-many.csv', `time_utc,level_m\n${rows.map((r) => r.replace(',1.0', ',x')).join('\n')}\n`);
    const m = inputError(() => readSeriesCsv(many));
    expect(m.problems).toHaveLength(20);
    expect(m.message.split('\n')).toHaveLength(1 + 12 + 1);
    expect(m.message).toMatch(/\.\.\. and 8 more$/);
  });

  it('a price series', () => {
    const f = write(
      'prices.csv',
      'time_utc,price_gbp_per_mwh\n2018-01-01T00:00Z,50\n2018-01-01T00:30Z,5O\n2018-01-01T01:00Z,\n2018-01-01T01:30Z,1,5\n',
    );
    const e = inputError(() => readPriceCsv(f));
    expect(e.problems.map((p) => p.slice(f.length))).toEqual([
      ':3: expected a finite price in GBP/MWh in column price_gbp_per_mwh (a decimal number such as -1.25), got "5O"',
      ':4: expected a finite price in GBP/MWh in column price_gbp_per_mwh (a decimal number such as -1.25), got an empty cell',
      ':5: expected 2 columns (time_utc, price_gbp_per_mwh), got 3; a decimal comma? write 1.5, not 1,5',
    ]);
  });

  it('a site file, where a missing field says it is missing', () => {
    const site = JSON.parse(readFileSync(join(DATA, 'sites', 'liverpool.json'), 'utf8'));
    delete site.z0;
    site.constituents[1].phase = 400;
    const f = write('site.json', JSON.stringify(site));
    const e = inputError(() => loadSite(f));
    expect(e.problems).toEqual([
      `${f}: z0: expected a finite number (the mean sea level, m above the datum), got nothing (the field is missing)`,
      `${f}: constituents[1].phase: 400 is out of range: Greenwich phase lags are degrees in [0, 360)`,
    ]);
  });
});

describe('sea-level headers', () => {
  const body = '2018-01-01T00:00:00Z,1\n2018-01-01T00:15:00Z,2\n';
  it('are checked by name and unit, and a missing header is not taken from the first row', () => {
    const cases: [string, RegExp][] = [
      ['time_utc,levl_m', /the second column must be the level in metres, got "time_utc,levl_m"; did you mean "level_m"\?/],
      ['foo,bar', /the first column must be the time, got "foo,bar"/],
      ['time_utc,level_ft', /levels must be in metres, but the column "level_ft" says ft: convert them to metres/],
      ['time_utc,level_m,extra', /two columns, time then level/],
    ];
    for (const [header, message] of cases) {
      const f = write('h.csv', `${header}\n${body}`);
      expect(inputError(() => readSeriesCsv(f)).message, header).toMatch(new RegExp(`^${f}:1: .*${message.source}`));
    }
    const f = write('no-header.csv', body);
    expect(inputError(() => readSeriesCsv(f)).message).toBe(
      `${f}:1: the first line is data, not a header; add the header row time_utc,level_m above it`,
    );
  });

  it('accept what tide predict writes (level_m_<datum>) and sea_level_m', () => {
    for (const header of ['time_utc,level_m', 'time_utc,level_m_ODN', 'time,sea_level_m']) {
      expect(readSeriesCsv(write('ok.csv', `${header}\n${body}`)).level).toEqual(Float64Array.from([1, 2]));
    }
  });
});

describe('prices with missing rows', () => {
  const half = (k: number) => `${isoTime(Date.UTC(2018, 0, 1) / 1000 + k * 1800)},${40 + (k % 7)}`;
  it('a regular series with rows missing is refused, naming the gap, since the price before would be held', () => {
    const rows = Array.from({ length: 96 }, (_, k) => k).filter((k) => k !== 20 && k !== 21 && k !== 50);
    const f = write('gappy-prices.csv', `time_utc,price_gbp_per_mwh\n${rows.map(half).join('\n')}\n`);
    const e = inputError(() => readPriceCsv(f));
    expect(e.problems).toEqual([
      `${f}:22: 2 prices missing from 2018-01-01T09:30:00Z to 2018-01-01T11:00:00Z (the series is every 30 min); the price before would be held across the gap: fill the missing rows`,
      `${f}:50: 1 price missing from 2018-01-02T00:30:00Z to 2018-01-02T01:30:00Z (the series is every 30 min); the price before would be held across the gap: fill the missing rows`,
    ]);
  });

  it('a tariff given only where it changes is read as it is', () => {
    const f = write(
      'tariff.csv',
      'time_utc,price_gbp_per_mwh\n2018-01-01T00:00:00Z,50\n2018-04-01T00:00:00Z,60\n2018-10-01T00:00:00Z,55\n2019-01-01T00:00:00Z,55\n',
    );
    expect(readPriceCsv(f).price).toEqual(Float64Array.from([50, 60, 55, 55]));
  });
});

describe('the CSV writer and reader', () => {
  it('quote what must be quoted, and read it back cell for cell', () => {
    const rows = [
      ['plain', 1.5, null],
      ['a, b', 'say "hi"', true],
    ];
    const text = csvText(['name', 'value', 'flag'], rows);
    expect(text).toBe('name,value,flag\nplain,1.5,\n"a, b","say ""hi""",true\n');
    expect(csvRecords(text).map((r) => r.cells)).toEqual([
      ['name', 'value', 'flag'],
      ['plain', '1.5', ''],
      ['a, b', 'say "hi"', 'true'],
    ]);
  });
});

describe('bounds on physical fields', () => {
  it('a value beyond any real scheme is refused naming the field, its bound and unit, not by the solver', () => {
    const p = scenarioProblems(
      harmonic(2, (o) => {
        o.scheme.turbines.curve.rated_power_mw = 1e308;
        o.scheme.turbines.diameter_m = 1e308;
        o.scheme.turbines.count = 1e9;
        o.scheme.sluices.area_m2 = 1e308;
      }),
    );
    expect(p).toEqual([
      expect.stringMatching(/scheme\.turbines\.count: expected a whole number >= 0 and <= 10000 \(turbines\), got 1000000000$/),
      expect.stringMatching(/scheme\.turbines\.diameter_m: expected a number > 0 and <= 20 \(metres\), got 1e\+308$/),
      expect.stringMatching(
        /scheme\.turbines\.curve\.rated_power_mw: expected a number > 0 and <= 1000 \(megawatts\), got 1e\+308$/,
      ),
      expect.stringMatching(/scheme\.sluices\.area_m2: expected a number >= 0 and <= 1000000 \(square metres\), got 1e\+308$/),
    ]);
  });

  it('a basin area beyond any real basin is refused', () => {
    const lagoon = harmonic(2, (o) => {
      delete o.scheme.basin.area_curve_file;
      o.scheme.basin.area_m2 = 1e300;
    });
    expect(scenarioProblems(lagoon)).toEqual([
      expect.stringMatching(/scheme\.basin\.area_m2: expected a number > 0 and <= 10000000000 \(square metres\), got 1e\+300$/),
    ]);
  });
});

describe('runs too large for memory', () => {
  it('are refused before the sea level is built, with the steps and the size they would need', () => {
    const s = scenarioFromObject(
      harmonic(0, (o) => {
        o.period = { start: '1950-01-01T00:00:00Z', end: '2090-01-01T00:00:00Z' };
        o.time_step_s = 1;
      }),
      MERSEY,
      join(MERSEY, '..'),
    );
    expect(inputError(() => buildSea(s)).message).toMatch(
      /^.*mersey-barrage\.json: time_step_s: 1 s over 51135 days is 4,418,064,001 steps, about 565\.5 GB of memory \(128 bytes a step\), more than half of this machine's .* GB; give a larger time_step_s/,
    );
  });
});

describe('degenerate schemes', () => {
  it('no turbines: the run finishes with a warning that it never generates', () => {
    const s = scenarioFromObject(
      harmonic(2, (o) => (o.scheme.turbines.count = 0)),
      MERSEY,
      join(MERSEY, '..'),
    );
    const r = simulate(s);
    expect(r.summary.energy_gwh).toBe(0);
    expect(r.summary.warnings).toEqual([expect.stringMatching(/^scheme\.turbines\.count is 0: the scheme has no turbines/)]);
  });

  it('a sound run has no warning', () => {
    const s = scenarioFromObject(harmonic(2), MERSEY, join(MERSEY, '..'));
    expect(simulate(s).summary.warnings).toEqual([]);
  });
});

describe('a summary.json edited by hand', () => {
  it('fails the rerun check on any figure, the annual energy included, naming it', () => {
    const o = JSON.parse(readFileSync(LIBAUX, 'utf8'));
    o.period = { start: '2018-03-01T00:00:00Z', end: '2018-03-03T00:00:00Z' };
    const s = scenarioFromObject(o, LIBAUX, join(LIBAUX, '..'));
    const r = simulate(s);
    const doc = summaryDocument(r, 'test');
    expect(rerunProblems(doc, r.summary, 'test', 'summary.json')).toEqual([]);
    const edited = JSON.parse(JSON.stringify(doc));
    edited.summary.annual_energy_gwh *= 1.5;
    edited.summary.monthly[0].generated_gwh += 1;
    expect(rerunProblems(edited, r.summary, 'test', 'summary.json')).toEqual([
      expect.stringMatching(/the summary differs in annual_energy_gwh, monthly\[0\]\.generated_gwh: it was edited/),
    ]);
  });
});
