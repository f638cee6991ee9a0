/**
 * `mersey-tidal optimise`: the comparison it prints, the files it writes, and a clear error (exit
 * code 2, nothing written) for each bad combination of inputs.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { scratch } from './robust-support.js';
import { runCli as cli } from './support.js';

const tmp = scratch();
const FLEXIBLE = join(PACKAGE_ROOT, 'models', 'mersey-barrage-flexible.json');
const PRICES = join(PACKAGE_ROOT, 'data', 'gb-system-sell-price-2018.csv');


/** The flexible Mersey scenario over four days at 10-minute steps, with `flexible` fields changed; absolute paths. */
function shortScenario(dir: string, flexible: Record<string, unknown> = {}, drop: string[] = []): string {
  const s = JSON.parse(readFileSync(FLEXIBLE, 'utf8'));
  const abs = (p: string) => join(PACKAGE_ROOT, 'models', p);
  s.tide.file = abs(s.tide.file);
  s.scheme.basin.area_curve_file = abs(s.scheme.basin.area_curve_file);
  s.scheme.turbines.curve.file = abs(s.scheme.turbines.curve.file);
  s.operation.flexible.prices_file = abs(s.operation.flexible.prices_file);
  Object.assign(s.operation.flexible, flexible);
  for (const k of drop) delete s.operation.flexible[k];
  s.period = { start: '2018-03-05T00:00:00Z', end: '2018-03-09T00:00:00Z' };
  s.time_step_s = 600;
  delete s.$schema;
  const file = join(dir, `short-${Object.keys(flexible).join('-')}-${drop.join('-')}.json`);
  writeFileSync(file, JSON.stringify(s));
  return file;
}

describe('mersey-tidal optimise', () => {
  it('prints flexible against the best fixed heads with units, and writes the flexible run, decisions.csv and optimise.json', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const r = await cli(['optimise', shortScenario(dir), '--out', out, '--workers', '2', '--quiet']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/best fixed heads\s+[\d,.]+\s+[\d,.]+\s+[\d,.]+\s+[\d,]+/);
    expect(r.out).toMatch(/GWh\/yr/);
    expect(r.out).toMatch(/GBP\/yr/);
    expect(r.out).toMatch(/gain over the best fixed heads\s+[+-][\d.]+ %/);
    expect(r.out).toMatch(/harmonic forecast at liverpool/);
    for (const f of ['summary.json', 'monthly.csv', 'tides.csv', 'decisions.csv', 'optimise.json']) expect(existsSync(join(out, f)), f).toBe(true);
    const doc = JSON.parse(readFileSync(join(out, 'optimise.json'), 'utf8'));
    expect(doc.settings).toMatchObject({ objective: 'energy', forecast: 'harmonic', lookahead_half_tides: 1, head_step_m: 0.1 });
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).summary;
    expect(summary.operation).toMatch(/flexible heads per half tide/);
    // optimise.json, summary.json and the table agree.
    expect(doc.flexible.annual_energy_gwh).toBe(summary.annual_energy_gwh);
    expect(doc.gain_energy_percent).toBeCloseTo((doc.flexible.annual_energy_gwh / doc.best_fixed.annual_energy_gwh - 1) * 100, 9);
    // One row per decision, heads on the 0.1 m lattice, the net energy of the half tides adding up to the ledger's.
    const rows = readFileSync(join(out, 'decisions.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('time_utc,slack,direction,start_head_m,end_head_m,pump_to_head_m,half_tide_start_utc,half_tide_end_utc,generated_mwh,pumping_mwh,net_mwh,revenue_gbp');
    expect(rows.length - 1).toBe(doc.flexible.decisions);
    let net = 0;
    for (const row of rows.slice(1)) {
      const c = row.split(',');
      expect(c[1] === 'high' ? 'ebb' : 'flood').toBe(c[2]);
      for (const k of [3, 4, 5]) expect(Math.abs(Number(c[k]) * 10 - Math.round(Number(c[k]) * 10))).toBeLessThan(1e-9);
      expect(Number(c[4])).toBeLessThan(Number(c[3]));
      net += Number(c[10] || 0);
    }
    const ledger = readFileSync(join(out, 'tides.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const governed = ledger.filter((l) => rows.some((r) => r.includes(`,${l[0]},${l[1]},`)));
    expect(net).toBeCloseTo(governed.reduce((a, l) => a + Number(l[6]), 0), 1);
  }, 60_000);

  it('refuses the revenue objective without prices, a harmonic forecast without a site, and bad options, writing nothing', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const noPrices = shortScenario(dir, {}, ['prices_file']);
    const r1 = await cli(['optimise', noPrices, '--objective', 'revenue', '--out', out, '--quiet']);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/operation\.flexible\.prices_file: the revenue objective needs prices; give prices_file in the scenario or --prices FILE/);
    const noSite = shortScenario(dir, {}, ['forecast_site']);
    const r2 = await cli(['optimise', noSite, '--out', out, '--quiet']);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/forecast_site: a harmonic forecast of an observed tide needs the site to predict at/);
    const r3 = await cli(['optimise', noSite, '--lookahead', '3', '--out', out]);
    expect(r3.code).toBe(2);
    expect(r3.err).toMatch(/--lookahead.*expected 1 or 2 half tides, got "3"/);
    const r4 = await cli(['optimise', noSite, '--workers', '0', '--out', out]);
    expect(r4.code).toBe(2);
    expect(r4.err).toMatch(/expected a whole number of worker threads >= 1/);
    const r5 = await cli(['optimise', noPrices, '--prices', join(dir, 'missing.csv'), '--objective', 'revenue', '--out', out, '--quiet']);
    expect(r5.code).toBe(2);
    expect(r5.err).toMatch(/missing\.csv: cannot read the price series/);
    expect(existsSync(out)).toBe(false);
  });

  it('takes --objective, --prices, --forecast and --lookahead over the scenario', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const r = await cli(['optimise', shortScenario(dir, {}, ['prices_file']), '--objective', 'revenue', '--prices', PRICES, '--forecast', 'perfect', '--lookahead', '2', '--out', out, '--workers', '1', '--json', '--quiet']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.settings).toMatchObject({ objective: 'revenue', forecast: 'perfect', forecast_site: null, lookahead_half_tides: 2, prices_file: PRICES });
    expect(doc.fixed_on_forecast).toBe(null);
    expect(doc.flexible.revenue_gbp_per_yr).toBeGreaterThan(doc.best_fixed.revenue_gbp_per_yr);
  }, 60_000);
});
