import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/paths.js';
import { seriesCsv, seriesCsvMaxBytes } from '../../src/report/csv.js';
import { buildOperation } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Result } from '../../src/simulate.js';
import { runCli, scratch } from '../fixtures.js';

const tmp = scratch();

describe('mersey-tidal CLI', () => {
  // A year with its per-step series (about 8 MB): seconds on a busy machine.
  it('simulates the built-in default and writes the result folder', { timeout: 60_000 }, async () => {
    const dir = join(tmp(), 'run');
    const { code, out } = await runCli(['simulate', '--series', '--out', dir]);
    expect(code).toBe(0);
    expect(out).toMatch(/Annual energy\s+[\d,.]+ GWh\/yr/);
    expect(out).toMatch(/Installed capacity\s+[\d,.]+ MW/);
    expect(out).toMatch(/Capacity factor\s+[\d.]+ %/);
    expect(readdirSync(dir).sort()).toEqual(['monthly.csv', 'series.csv', 'summary.json', 'tides.csv']);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.summary.monthly).toHaveLength(12);
    expect(summary.scenario.name).toBe('mersey-barrage');
    const series = readFileSync(join(dir, 'series.csv'), 'utf8').trim().split('\n');
    expect(series[0]).toBe(
      'time_utc,sea_level_m,basin_level_m,head_m,mode,turbine_flow_m3s,sluice_flow_m3s,power_mw,pump_power_mw',
    );
    expect(series).toHaveLength(1 + 365 * 288 + 1); // header, then 2018-01-01T00:00 to 2019-01-01T00:00 every 5 min
    // The free-space check asked for at least what was written, and as much for every row.
    const names = buildOperation(loadScenario(DEFAULT_SCENARIO)).names;
    const rowBound = seriesCsvMaxBytes(1, names) - seriesCsvMaxBytes(0, names);
    expect(Math.max(...series.map((l) => l.length + 1))).toBeLessThanOrEqual(rowBound);
    expect(statSync(join(dir, 'series.csv')).size).toBeLessThanOrEqual(seriesCsvMaxBytes(series.length - 1, names));
    // no temporary folders left beside the result
    expect(readdirSync(join(dir, '..'))).toEqual(['run']);
  });

  it('sizes series.csv for rows with every field at its widest within the limits it states', () => {
    const names = ['fill', 'generate-flood'];
    const W = 1e6; // W per MW
    // Levels, heads, flows and powers at the edges of the limits, each sign: the widest rows the format writes.
    const rows = [
      [-999.99994, 999.99994, -999999.994, 99999.99994 * W],
      [999.99994, -999.99994, -999999.994, 99999.99994 * W],
      [-999.99994, -999.99994, 999999.994, -1e-9],
    ];
    const column = (k: number) => Float64Array.from(rows, (r) => r[k]);
    const run = {
      sea: { t0: Date.UTC(2099, 11, 31, 23, 59, 57) / 1000, dt: 1, level: column(0) },
      series: {
        basinLevel: column(1),
        mode: Uint8Array.from(rows, () => 1),
        turbineFlow: column(2),
        sluiceFlow: column(2),
        power: column(3),
        pumpPower: column(3),
      },
      modeNames: names,
    } as unknown as Result;
    const text = [...seriesCsv(run)].join('');
    const lines = text.split('\n').slice(1, -1);
    expect(lines).toHaveLength(rows.length);
    expect(lines[1]).toContain('-1999.9999,generate-flood,-999999.99,-999999.99,99999.9999');
    expect(lines[2]).toMatch(/,-0\.0000$/);
    const rowBound = seriesCsvMaxBytes(1, names) - seriesCsvMaxBytes(0, names);
    for (const l of lines) expect(l.length + 1).toBeLessThanOrEqual(rowBound);
    expect(text.length).toBeLessThanOrEqual(seriesCsvMaxBytes(rows.length, names));
  });

  it('exits 2 with a suggestion on an unknown command', async () => {
    const { code, err } = await runCli(['simulat']);
    expect(code).toBe(2);
    expect(err).toMatch(/Did you mean simulate\?/);
  });

  it('exits 2 on an unknown option', async () => {
    const { code, err } = await runCli(['simulate', '--outt', 'x']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option '--outt'[\s\S]*Did you mean --out\?/);
  });

  it('exits 2 with the file named on a bad scenario, writing nothing', async () => {
    const dir = join(tmp(), 'run');
    const { code, err } = await runCli(['simulate', 'models/does-not-exist.json', '--out', dir]);
    expect(code).toBe(2);
    expect(err).toMatch(/does-not-exist\.json: cannot read the scenario file \(ENOENT\)/);
    expect(existsSync(dir)).toBe(false);
  });
});
