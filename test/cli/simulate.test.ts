import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    // no temporary folders left beside the result
    expect(readdirSync(join(dir, '..'))).toEqual(['run']);
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
