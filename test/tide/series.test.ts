// Observed series: errors naming file and line, gap detection, and the opt-in, reported fill.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPriceCsv } from '../../src/scenario/prices.js';
import { describeGaps, fillGaps, findGaps, loadSite, readSeriesCsv, requireNoGaps } from '../../src/tide/index.js';
import { scratch } from '../fixtures.js';

const dir = scratch()();
function csv(name: string, rows: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${['time_utc,level_m', ...rows].join('\n')}\n`);
  return file;
}
const quarterHours = (from: number, to: number) =>
  Array.from(
    { length: to - from },
    (_, k) => `${new Date(Date.UTC(2018, 0, 1) + (from + k) * 900000).toISOString()},${((from + k) % 7) / 10}`,
  );

describe('reading', () => {
  it('names the line of a duplicate, an unsorted time, a bad time or level', () => {
    const rows = quarterHours(0, 6);
    expect(() => readSeriesCsv(csv('dup.csv', [...rows.slice(0, 3), rows[2], ...rows.slice(3)]))).toThrow(
      /dup\.csv:5: time .* is a duplicate of the row before/,
    );
    expect(() => readSeriesCsv(csv('unsorted.csv', [rows[0], rows[2], rows[1]]))).toThrow(
      /unsorted\.csv:4: time .* is earlier than the row before/,
    );
    expect(() => readSeriesCsv(csv('time.csv', [rows[0], 'noon,1.0']))).toThrow(/time\.csv:3: expected an ISO 8601 time/);
    expect(() => readSeriesCsv(csv('level.csv', [rows[0], '2018-01-01T00:15:00Z,NaN']))).toThrow(
      /level\.csv:3: expected a finite level/,
    );
  });

  it('reads only plain decimals: no hexadecimal, no decimal comma taken as two columns', () => {
    const rows = quarterHours(0, 2);
    expect(() => readSeriesCsv(csv('hex.csv', [rows[0], '2018-01-01T00:15:00Z,0x1f']))).toThrow(
      /hex\.csv:3: expected a finite level in metres .*got "0x1f"/,
    );
    expect(() => readSeriesCsv(csv('comma.csv', [rows[0], '2018-01-01T00:15:00Z,1,5']))).toThrow(
      /comma\.csv:3: expected two columns \(time, level\), got 3; a decimal comma\?/,
    );
    expect(readSeriesCsv(csv('plain.csv', [rows[0], '2018-01-01T00:15:00Z,-1.25e0'])).level[1]).toBe(-1.25);
  });

  it('keeps the line of every sample', () => {
    const s = readSeriesCsv(csv('lines.csv', ['# a comment', ...quarterHours(0, 3)]));
    expect(Array.from(s.line ?? [])).toEqual([3, 4, 5]);
  });
});

describe('the same reader for prices, and byte-order marks', () => {
  const prices = (name: string, rows: string[], header = 'price_gbp_per_mwh,time_utc') => {
    const file = join(dir, name);
    writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
    return file;
  };

  it('reads prices by column name, with the series rules: plain decimals, one value per column, sorted times', () => {
    const p = readPriceCsv(prices('ok.csv', ['55.5,2018-01-01T00:00:00Z', '-3,2018-01-01T00:30:00Z']));
    expect(Array.from(p.price)).toEqual([55.5, -3]);
    expect(() => readPriceCsv(prices('hex.csv', ['55,2018-01-01T00:00:00Z', '0x10,2018-01-01T00:30:00Z']))).toThrow(
      /hex\.csv:3: expected a finite price in GBP\/MWh in column price_gbp_per_mwh .*got "0x10"/,
    );
    // A decimal comma makes a third cell: an error, not the price 50.
    expect(() => readPriceCsv(prices('comma.csv', ['55,2018-01-01T00:00:00Z', '50,5,2018-01-01T00:30:00Z']))).toThrow(
      /comma\.csv:3: .*got 3; a decimal comma\?/,
    );
    expect(() => readPriceCsv(prices('order.csv', ['1,2018-01-01T00:30:00Z', '2,2018-01-01T00:00:00Z']))).toThrow(
      /order\.csv:3: time 2018-01-01T00:00:00Z is earlier than the row before/,
    );
    expect(() => readPriceCsv(prices('header.csv', ['1,2018-01-01T00:00:00Z'], 'gbp,time'))).toThrow(
      /header\.csv:1: expected the columns time_utc and price_gbp_per_mwh/,
    );
  });

  it('reads series and site files saved with a byte-order mark', () => {
    const file = join(dir, 'bom.csv');
    writeFileSync(file, '\ufefftime_utc,level_m\n2018-01-01T00:00:00Z,1\n2018-01-01T00:15:00Z,2\n');
    expect(Array.from(readSeriesCsv(file).level)).toEqual([1, 2]);
    const site = join(dir, 'bom-site.json');
    writeFileSync(
      site,
      `\ufeff${readFileSync(fileURLToPath(new URL('../../data/sites/liverpool.json', import.meta.url)), 'utf8')}`,
    );
    expect(loadSite(site).constituents.length).toBe(loadSite('liverpool').constituents.length);
  });
});

describe('gaps', () => {
  const file = csv('gappy.csv', [...quarterHours(0, 10), ...quarterHours(14, 20), ...quarterHours(21, 30)]);
  const s = readSeriesCsv(file);

  it('are found against the most common step, with the line after each', () => {
    const r = findGaps(s);
    expect(r.step).toBe(900);
    expect(r.gaps.map((g) => [g.after, g.missing])).toEqual([
      [9, 4],
      [15, 1],
    ]);
    expect(describeGaps(s, r)[0]).toBe(
      `${file}:12: gap of 1.25 h from 2018-01-01T02:15:00Z to 2018-01-01T03:30:00Z (4 samples missing at the 900 s step)`,
    );
    expect(() => requireNoGaps(s)).toThrow(
      /gappy\.csv: the series has 2 gap\(s\) in its 900 s sampling:\n {2}.*gappy\.csv:12: gap of 1\.25 h/,
    );
  });

  it('are found against the most common step even when over half the samples are missing (the median would miss them)', () => {
    // Each 11-step block keeps steps 0, 1, 2, 4 and 7: spacings 1, 1, 2, 3 and 4 steps, so the
    // median spacing is 2 steps (1800 s), the most common 1 step (900 s).
    const kept = Array.from({ length: 20 }, (_, b) => [0, 1, 2, 4, 7].map((k) => 11 * b + k)).flat();
    const all = quarterHours(0, 11 * 20);
    const holey = readSeriesCsv(
      csv(
        'holey.csv',
        kept.map((k) => all[k]),
      ),
    );
    const r = findGaps(holey);
    expect(r.step).toBe(900);
    expect(r.gaps).toHaveLength(3 * 20 - 1);
    expect(r.gaps.slice(0, 3).map((g) => g.missing)).toEqual([1, 2, 3]);
  });

  it('are filled only on request, linearly, and the filling is reported', () => {
    const { series, report } = fillGaps(s);
    expect(report.gaps).toHaveLength(2);
    expect(series.time.length).toBe(s.time.length + 5);
    expect(findGaps(series).gaps).toEqual([]);
    for (let i = 1; i < series.time.length; i++) expect(series.time[i] - series.time[i - 1]).toBe(900);
    // The first filled sample lies a fifth of the way from the sample before the gap to the one after.
    const before = s.level[9];
    const after = s.level[10];
    expect(series.level[10]).toBeCloseTo(before + (after - before) / 5, 12);
    expect(series.line?.[10]).toBe(0);
    expect(series.line?.[14]).toBe(s.line?.[10]);
    // A series without gaps comes back as it is.
    expect(fillGaps(series).series).toBe(series);
  });
});
