import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { J_PER_MWH } from '../../src/physics.js';
import { scenarioFromObject } from '../../src/scenario/load.js';
import { simulate } from '../../src/simulate.js';
import { designObject, pathKeys } from '../../src/sweep/design.js';
import { allIndices, type DesignRow, runSweep } from '../../src/sweep/run.js';
import { checkDesigns, type LoadedSweep, loadSweep } from '../../src/sweep/spec.js';
import { PRICES, sweepFiles } from '../fixtures.js';

const FAILING_TASK = pathToFileURL(new URL('./failing-task.js', import.meta.url).pathname).href;
const { tmp, sweepFile, januaryExample } = sweepFiles();

/** Design i simulated in this thread from its own sea level: an independent path to the same figures. */
function simulateDesign(s: LoadedSweep, i: number) {
  const obj = designObject(s.baseObject, pathKeys(s.designs.paths), s.designs.values, i);
  return simulate(scenarioFromObject(obj, s.spec.baseFile, dirname(s.spec.baseFile)));
}

/** Revenue written the plain way: half-hourly prices by time stamp, each step paid at its start's half hour. */
function plainRevenue(r: ReturnType<typeof simulate>, pricesCsv: string): number {
  const price = new Map<number, number>();
  for (const line of readFileSync(pricesCsv, 'utf8').trim().split('\n').slice(1)) {
    const [t, p] = line.split(',');
    price.set(Date.parse(t) / 1000, Number(p));
  }
  let gbp = 0;
  for (let i = 0; i + 1 < r.sea.level.length; i++) {
    const t = r.sea.t0 + i * r.sea.dt;
    gbp += (((r.series.power[i] - r.series.pumpPower[i]) * r.sea.dt) / J_PER_MWH) * price.get(Math.floor(t / 1800) * 1800)!;
  }
  return gbp;
}

const numbers = (rows: DesignRow[]) =>
  rows.flatMap((r) => [
    r.design,
    ...r.inputs,
    r.installed_capacity_mw,
    r.annual_energy_gwh,
    r.capacity_factor,
    r.revenue_gbp_per_yr ?? NaN,
    r.captured_price_gbp_per_mwh ?? NaN,
  ]);

// Worker tests get a generous timeout: the machine may be busy (not a speed test).
const SLOW = 60_000;

describe('running a sweep on worker threads', { timeout: SLOW }, () => {
  const example = loadSweep(januaryExample());

  it('gives identical numbers, to the last bit, on 1, 2 and 3 workers, equal to simulating each design alone', async () => {
    const runs = [];
    for (const workers of [1, 2, 3]) runs.push(await runSweep(example, { workers }));
    const bits = runs.map((r) => new BigUint64Array(Float64Array.from(numbers(r.rows)).buffer));
    expect(bits[1]).toEqual(bits[0]);
    expect(bits[2]).toEqual(bits[0]);
    expect(runs.map((r) => r.workers)).toEqual([1, 2, 3]);
    expect(runs[0].seaShared).toBe(true);
    expect(runs[0].rows.map((r) => r.design)).toEqual(Array.from({ length: 27 }, (_, i) => i));

    for (const i of [0, 13, 26]) {
      const alone = simulateDesign(example, i);
      const row = runs[0].rows[i];
      expect(Object.is(row.annual_energy_gwh, alone.summary.annual_energy_gwh)).toBe(true);
      expect(Object.is(row.capacity_factor, alone.summary.capacity_factor)).toBe(true);
      expect(row.installed_capacity_mw).toBe(alone.summary.installed_capacity_mw);
      const revenue = (plainRevenue(alone, PRICES) * 365.25) / alone.summary.period_days;
      expect(Math.abs(row.revenue_gbp_per_yr! - revenue) / revenue).toBeLessThan(1e-12);
      expect(row.captured_price_gbp_per_mwh).toBeCloseTo((row.revenue_gbp_per_yr! / row.annual_energy_gwh) * 1e-3, 9);
    }
    // The base design is the sweep's base, the Libaux barrage: 28 units at the 9 m chart's 38.9 MW
    // rating scaled to 8 m by (8/9)^2 (as test/scenario/turbines.test.ts), 860.6 MW.
    expect(runs[0].rows[13].installed_capacity_mw).toBeCloseTo(28 * 38.9 * (64 / 81), 1);
  });

  it('hands the rows to onRow in the order of the indices, keeping none, when workers finish out of order', async () => {
    const indices = [26, 2, 14, 0, 25, 1, 13, 3];
    const kept = await runSweep(example, { workers: 1, indices });
    const streamed: DesignRow[] = [];
    const run = await runSweep(example, { workers: 3, indices, onRow: (r) => streamed.push(r) });
    expect(run.rows).toEqual([]);
    expect(streamed.map((r) => r.design)).toEqual(indices);
    expect(streamed).toEqual(kept.rows);
  });

  it('runs a subset of designs in the order given', async () => {
    const run = await runSweep(example, { workers: 2, indices: [26, 2, 14] });
    expect(run.rows.map((r) => r.design)).toEqual([26, 2, 14]);
    expect(run.rows[1].inputs).toEqual([20, 7, 4000]);
  });

  it('pays a flat price on every MWh: revenue = price x energy', async () => {
    const dir = tmp();
    const flat = join(dir, 'flat.csv');
    writeFileSync(
      flat,
      ['time_utc,price_gbp_per_mwh', '2018-01-01T00:00:00Z,50', '2018-07-01T00:00:00Z,50', '2019-01-01T00:00:00Z,50'].join('\n'),
    );
    const s = loadSweep(
      sweepFile({
        prices_file: flat,
        overrides: { 'period.end': '2018-01-10T00:00:00Z' },
        parameters: { 'scheme.turbines.count': [20, 28] },
      }),
    );
    const { rows } = await runSweep(s, { workers: 2 });
    for (const r of rows) {
      expect(r.revenue_gbp_per_yr! / (r.annual_energy_gwh * 1000 * 50)).toBeCloseTo(1, 12);
      expect(r.captured_price_gbp_per_mwh).toBeCloseTo(50, 10);
    }
  });

  it('computes the sea level per design when the sweep changes it', async () => {
    const s = loadSweep(
      sweepFile({
        overrides: { 'period.end': '2018-01-08T00:00:00Z' },
        parameters: { time_step_s: [300, 900], 'scheme.turbines.count': [20, 28] },
      }),
    );
    expect(s.seaPaths).toEqual(['time_step_s']);
    const run = await runSweep(s, { workers: 2 });
    expect(run.seaShared).toBe(false);
    for (const i of [0, 1, 2, 3])
      expect(Object.is(run.rows[i].annual_energy_gwh, simulateDesign(s, i).summary.annual_energy_gwh)).toBe(true);
    // 15-minute steps give a different (coarser) answer than 5-minute steps: the sea really was rebuilt
    expect(run.rows[2].annual_energy_gwh).not.toBe(run.rows[0].annual_energy_gwh);
  });

  it('fails with the design whose run fails in a worker', async () => {
    // Prices up to 23:30 on 14 January: the hourly design's last step starts at 23:00 (covered),
    // the 5-minute design's at 23:55 (not covered); only the run of that design can tell.
    const dir = tmp();
    const short = join(dir, 'short.csv');
    writeFileSync(
      short,
      readFileSync(PRICES, 'utf8')
        .split('\n')
        .slice(0, 1 + 14 * 48 - 1)
        .join('\n'),
    );
    const s = loadSweep(
      sweepFile({
        prices_file: short,
        overrides: { 'period.end': '2018-01-15T00:00:00Z' },
        parameters: { time_step_s: [3600, 300] },
      }),
    );
    checkDesigns(s, allIndices(2));
    const err = await runSweep(s, { workers: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(
      /^design 1 \(time_step_s = 300\) failed in a worker: .*short\.csv: prices cover 2018-01-01T00:00:00Z to 2018-01-14T23:30:00Z, but this design runs steps from 2018-01-01T00:00:00Z to 2018-01-15T00:00:00Z$/,
    );
  });

  it('fails with the design and the error of a task that throws', async () => {
    const err = await runSweep(example, { workers: 2, task: FAILING_TASK }).catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      'design 26 (scheme.turbines.count = 36, scheme.turbines.diameter_m = 9, scheme.sluices.area_m2 = 4000) failed in a worker: fixture: this design fails at run time',
    );
    expect(((err as Error).cause as { workerStack: string }).workerStack).toMatch(/failing-task\.js/);
  });

  it('fails with the design whose worker exits', async () => {
    process.env.MT_FIXTURE_EXIT = '1'; // workers copy the environment when they start
    try {
      const err = await runSweep(example, { workers: 2, task: FAILING_TASK }).catch((e: unknown) => e);
      expect((err as Error).message).toBe(
        'design 13 (scheme.turbines.count = 28, scheme.turbines.diameter_m = 8, scheme.sluices.area_m2 = 2592): its worker exited with code 3',
      );
    } finally {
      delete process.env.MT_FIXTURE_EXIT;
    }
  });
});
