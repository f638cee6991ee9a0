// The tide commands, run on a fresh commander program.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerTideCommands } from '../../src/cli/tide.js';
import { loadSite, predictSeaLevel, readSeriesCsv } from '../../src/tide/index.js';
import { runCli, scratch, tidePredictArgs } from '../fixtures.js';

const OBSERVED = fileURLToPath(new URL('../../data/liverpool-gladstone-dock-2018-observed.csv', import.meta.url));
const dir = scratch()();

async function run(args: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const program = new Command();
  program.exitOverride();
  program.configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  registerTideCommands(program, { out: (s) => (out += s), err: (s) => (err += s) });
  await program.parseAsync(args, { from: 'user' });
  return { out, err };
}

describe('tide predict', () => {
  it('writes the CSV to --out, which reads back as the predicted series, and lists high and low waters', async () => {
    const file = join(dir, 'pred.csv');
    const { out } = await run(tidePredictArgs('--out', file));
    const series = readSeriesCsv(file);
    expect(series.time.length).toBe(145);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('time_utc,level_m_ODN');
    const t0 = Date.UTC(2018, 0, 1) / 1000;
    expect(series.time[0]).toBe(t0);
    expect(series.time[144]).toBe(t0 + 86400);
    const direct = predictSeaLevel(loadSite('liverpool'), t0, 600, 145);
    for (let i = 0; i < 145; i++) expect(Math.abs(series.level[i] - direct.level[i])).toBeLessThanOrEqual(5e-5);
    // About two high and two low waters a day, each on its own line with a time and a height.
    const highs = out.split('\n').filter((l) => /^\s+2018-01-0[12]T\d\d:\d\dZ\s+high\s+-?\d+\.\d\d m$/.test(l));
    const lows = out.split('\n').filter((l) => /^\s+2018-01-0[12]T\d\d:\d\dZ\s+low\s+-?\d+\.\d\d m$/.test(l));
    expect(highs.length).toBeGreaterThanOrEqual(1);
    expect(highs.length + lows.length).toBeGreaterThanOrEqual(3);
    expect(highs.length + lows.length).toBeLessThanOrEqual(4);
    expect(out).toMatch(/m above ODN/);
  });

  it('puts the CSV on stdout and the table on stderr without --out, in the datum asked for', async () => {
    const { out, err } = await run([
      'tide',
      'predict',
      '--site',
      'liverpool',
      '--from',
      '2018-06-01T00:00Z',
      '--to',
      '2018-06-01T01:00Z',
      '--step',
      '1800',
      '--datum',
      'CD',
    ]);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('time_utc,level_m_CD');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^2018-06-01T00:00:00Z,-?\d+\.\d{4}$/);
    expect(err).toMatch(/m above CD/);
  });

  // An unknown site name is looked up in the station database (a second or more to load).
  it('rejects bad arguments with messages that name them', { timeout: 60_000 }, async () => {
    await expect(
      run(['tide', 'predict', '--site', 'liverpool', '--from', 'yesterday', '--to', '2018-01-02', '--step', '60']),
    ).rejects.toThrow(/--from: expected an ISO 8601 time/);
    await expect(
      run(['tide', 'predict', '--site', 'liverpool', '--from', '2018-01-02', '--to', '2018-01-01', '--step', '60']),
    ).rejects.toThrow(/--to \(2018-01-01T00:00:00Z\) must be after --from \(2018-01-02T00:00:00Z\)/);
    await expect(
      run(['tide', 'predict', '--site', 'liverpool', '--from', '2018-01-01', '--to', '2018-01-02', '--step', '-5']),
    ).rejects.toThrow(/--step: expected a positive number/);
    // Every missing option at once.
    await expect(run(['tide', 'predict', '--to', '2018-01-02'])).rejects.toThrow(
      /tide predict needs --site <site> or --near LAT,LON .*, --from <ISO>, --step <seconds>$/,
    );
    await expect(
      run(['tide', 'predict', '--site', 'atlantis', '--from', '2018-01-01', '--to', '2018-01-02', '--step', '60']),
    ).rejects.toThrow(/unknown site "atlantis".*"liverpool"/);
    await expect(
      run([
        'tide',
        'predict',
        '--site',
        'liverpool',
        '--from',
        '2018-01-01',
        '--to',
        '2018-01-02',
        '--step',
        '60',
        '--datum',
        'XYZ',
      ]),
    ).rejects.toThrow(/no datum "XYZ"/);
  });

  it('prints the errors found after parsing too, exiting 2 (the whole command line)', async () => {
    const r = await runCli([
      'tide',
      'predict',
      '--site',
      'liverpool',
      '--from',
      '2018-01-02',
      '--to',
      '2018-01-01',
      '--step',
      '60',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: --to \(2018-01-01T00:00:00Z\) must be after --from/);
  });
});

describe('tide fit', () => {
  // Thirty days of the 2018 record keeps this quick; the one-year fit is in test/tide/fit.test.ts.
  const month = join(dir, 'month.csv');
  writeFileSync(
    month,
    `${readFileSync(OBSERVED, 'utf8')
      .split('\n')
      .slice(0, 1 + 30 * 96)
      .join('\n')}\n`,
  );

  it('writes a site file that loads back, and reports constants, rms residual and Rayleigh exclusions', async () => {
    const file = join(dir, 'fitted.json');
    const { out } = await run([
      'tide',
      'fit',
      month,
      '--out',
      file,
      '--name',
      'Liverpool, January 2018',
      '--constituents',
      'M2,S2,N2,K2,K1,O1,M4',
    ]);
    const site = loadSite(file);
    expect(site.name).toBe('Liverpool, January 2018');
    expect(site.datum).toBe('ODN');
    // K2 is 0.0821 deg/h from S2: separating them needs 183 days, so 30 days exclude it.
    expect(site.constituents.map((c) => c.name)).toEqual(['M2', 'S2', 'N2', 'K1', 'O1', 'M4']);
    expect(out).toMatch(/K2\s+0\.\d{4} cycles from S2 over the record; needs 182\.\d days/);
    expect(out).toMatch(/rms residual 0\.\d{4} m/);
    expect(out).toMatch(/^M2\s+28\.9841042\s+\d\.\d{4}\s+\d+\.\d\d$/m);
    // Within 10 cm of TICON's 19-year M2 amplitude.
    const m2 = site.constituents[0];
    const ticonM2 = loadSite('liverpool').constituents.find((c) => c.name === 'M2')!;
    expect(Math.abs(m2.amplitude - ticonM2.amplitude)).toBeLessThan(0.1);
  });

  it("by default analyses the reference's constituents and then the standard list's", async () => {
    const { out, err } = await run(['tide', 'fit', month, '--reference', 'liverpool']);
    // 2MN6 and MK4 are not in TICON's Liverpool set; the standard list brings them. Over 30 days
    // 2MN6 is kept, and MK4 gives way to MS4, which is in the set and so ranks first.
    expect(err).toMatch(/^2MN6\s+86\.4079380\s+\d\.\d{4}\s+\d+\.\d\d$/m);
    expect(err).toMatch(/MK4\s+0\.1642 cycles from MS4 over the record; needs 182\.6 days/);
    const names = (JSON.parse(out) as { constituents: { name: string }[] }).constituents.map((c) => c.name);
    expect(names[0]).toBe('M2');
    expect(names).toContain('2MN6');
    expect(names).not.toContain('MK4');
  });

  it('reports an unknown constituent and a gap by name and line', async () => {
    await expect(run(['tide', 'fit', month, '--constituents', 'M2,X9'])).rejects.toThrow(/unknown tidal constituent "X9"/);
    const gappy = join(dir, 'gappy.csv');
    const rows = readFileSync(month, 'utf8').trim().split('\n');
    writeFileSync(gappy, `${[...rows.slice(0, 101), ...rows.slice(113)].join('\n')}\n`);
    await expect(run(['tide', 'fit', gappy, '--constituents', 'M2,S2'])).rejects.toThrow(
      /gappy\.csv:102: gap of 3\.25 h from 2018-01-02T00:45:00Z to 2018-01-02T04:00:00Z \(12 samples missing/,
    );
    const { err } = await run(['tide', 'fit', gappy, '--constituents', 'M2,S2', '--allow-gaps']);
    expect(err).toMatch(/gap \(not filled, not fitted\): .*gappy\.csv:102/);
  });
});
