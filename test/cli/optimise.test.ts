/**
 * `mersey-tidal optimise`: the comparison it prints, the files it writes, and a clear error (exit
 * code 2, nothing written) for each bad combination of inputs.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { runCli as cli, scratch } from '../fixtures.js';

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
    // --quiet leaves only the warning that 4 days do not represent a year
    expect(r.err).toMatch(/^warning: the period \(4\.00 days\) is shorter than a spring-neap cycle[^\n]*\n$/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/best fixed heads\s+[\d,.]+\s+[\d,.]+\s+[\d,.]+\s+[\d,]+/);
    expect(r.out).toMatch(/GWh\/yr/);
    expect(r.out).toMatch(/GBP\/yr/);
    expect(r.out).toMatch(/gain over the best fixed heads\s+[+-][\d.]+ %/);
    expect(r.out).toMatch(/harmonic forecast at liverpool/);
    for (const f of ['summary.json', 'monthly.csv', 'tides.csv', 'decisions.csv', 'optimise.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const doc = JSON.parse(readFileSync(join(out, 'optimise.json'), 'utf8'));
    expect(doc.settings).toMatchObject({ objective: 'energy', forecast: 'harmonic', lookahead_half_tides: 1, head_step_m: 0.1 });
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).summary;
    expect(summary.operation).toMatch(/flexible heads per half tide/);
    // optimise.json, summary.json and the table agree.
    expect(doc.flexible.annual_energy_gwh).toBe(summary.annual_energy_gwh);
    expect(doc.gain_energy_percent).toBeCloseTo((doc.flexible.annual_energy_gwh / doc.best_fixed.annual_energy_gwh - 1) * 100, 9);
    // One row per decision, heads on the 0.1 m lattice, the net energy of the half tides adding up to the ledger's.
    const rows = readFileSync(join(out, 'decisions.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe(
      'time_utc,slack,direction,start_head_m,end_head_m,pump_to_head_m,half_tide_start_utc,half_tide_end_utc,generated_mwh,pumping_mwh,net_mwh,revenue_gbp',
    );
    expect(rows.length - 1).toBe(doc.flexible.decisions);
    let net = 0;
    for (const row of rows.slice(1)) {
      const c = row.split(',');
      expect(c[1] === 'high' ? 'ebb' : 'flood').toBe(c[2]);
      for (const k of [3, 4, 5]) expect(Math.abs(Number(c[k]) * 10 - Math.round(Number(c[k]) * 10))).toBeLessThan(1e-9);
      expect(Number(c[4])).toBeLessThan(Number(c[3]));
      net += Number(c[10] || 0);
    }
    const ledger = readFileSync(join(out, 'tides.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const governed = ledger.filter((l) => rows.some((r) => r.includes(`,${l[0]},${l[1]},`)));
    expect(net).toBeCloseTo(
      governed.reduce((a, l) => a + Number(l[6]), 0),
      1,
    );
  }, 60_000);

  it('refuses the revenue objective without prices, a harmonic forecast without a site, and bad options, writing nothing', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const noPrices = shortScenario(dir, {}, ['prices_file']);
    const r1 = await cli(['optimise', noPrices, '--objective', 'revenue', '--out', out, '--quiet']);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(
      /operation\.flexible\.prices_file: the revenue objective needs prices; give prices_file in the scenario or --prices FILE/,
    );
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
    const r5 = await cli([
      'optimise',
      noPrices,
      '--prices',
      join(dir, 'missing.csv'),
      '--objective',
      'revenue',
      '--out',
      out,
      '--quiet',
    ]);
    expect(r5.code).toBe(2);
    expect(r5.err).toMatch(/missing\.csv: cannot read the price series/);
    expect(existsSync(out)).toBe(false);
  });

  it('takes --objective, --prices, --forecast and --lookahead over the scenario', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const r = await cli([
      'optimise',
      shortScenario(dir, {}, ['prices_file']),
      '--objective',
      'revenue',
      '--prices',
      PRICES,
      '--forecast',
      'perfect',
      '--lookahead',
      '2',
      '--out',
      out,
      '--workers',
      '1',
      '--json',
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.settings).toMatchObject({
      objective: 'revenue',
      forecast: 'perfect',
      forecast_site: null,
      lookahead_half_tides: 2,
      prices_file: PRICES,
    });
    expect(doc.fixed_on_forecast).toBe(null);
    expect(doc.flexible.revenue_gbp_per_yr).toBeGreaterThan(doc.best_fixed.revenue_gbp_per_yr);
  }, 60_000);
});

describe('mersey-tidal report of a flexible run', () => {
  it('replays the plan recorded in summary.json, checks its energy, and overlays it on a fixed-head run', async () => {
    const dir = tmp();
    const out = join(dir, 'flexible');
    // Settings from the command line, not the scenario: the replay needs only the recorded plan.
    const file = shortScenario(dir, {}, ['prices_file']);
    expect(
      (
        await cli([
          'optimise',
          file,
          '--objective',
          'revenue',
          '--prices',
          PRICES,
          '--lookahead',
          '2',
          '--out',
          out,
          '--workers',
          '1',
          '--quiet',
        ])
      ).code,
    ).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const decisions = readFileSync(join(out, 'decisions.csv'), 'utf8').trim().split('\n').slice(1);
    expect(doc.plan.decisions.length).toBe(decisions.length);
    expect(doc.plan.decisions[0]).toMatchObject({
      direction: decisions[0].split(',')[2],
      start_head_m: Number(decisions[0].split(',')[3]),
    });
    // Each decision is made at the first sample at or after its slack water.
    const slackTime = Date.parse(decisions[0].split(',')[0]);
    const stepTime = Date.parse(doc.plan.decisions[0].time_utc);
    expect(stepTime - slackTime).toBeGreaterThanOrEqual(0);
    expect(stepTime - slackTime).toBeLessThan(doc.scenario.time_step_s * 1000);
    expect(stepTime).toBe(Date.parse(doc.summary.period_start) + doc.plan.decisions[0].step * doc.scenario.time_step_s * 1000);

    const r = await cli(['report', join(out, 'summary.json')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const page = readFileSync(join(out, 'report.html'), 'utf8');
    expect(page).toContain(`${doc.scenario.name} (flexible)`);

    // Beside the same scenario at its fixed heads, on one comparison page.
    const fixed = join(dir, 'fixed');
    expect((await cli(['simulate', file, '--out', fixed])).code).toBe(0);
    const both = join(dir, 'both.html');
    expect((await cli(['report', join(out, 'summary.json'), join(fixed, 'summary.json'), '--out', both])).code).toBe(0);
    expect(readFileSync(both, 'utf8')).toMatch(/Comparison: .* \(flexible\) vs /);
  }, 60_000);

  it('refuses an edited plan: a changed head by the energy it no longer reproduces, a bad field by name', async () => {
    const dir = tmp();
    const out = join(dir, 'flexible');
    expect((await cli(['optimise', shortScenario(dir), '--out', out, '--workers', '1', '--quiet'])).code).toBe(0);
    const summary = join(out, 'summary.json');
    const doc = JSON.parse(readFileSync(summary, 'utf8'));
    const edited = (change: (d: typeof doc) => void) => {
      const copy = structuredClone(doc);
      change(copy);
      const f = join(dir, `edited-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(f, JSON.stringify(copy));
      return f;
    };
    let r = await cli(['report', edited((d) => (d.plan.decisions[0].start_head_m += 0.5)), '--out', join(dir, 'x.html')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/rerunning the recorded scenario gives [\d.]+ GWh .* run `mersey-tidal optimise` again/);
    r = await cli([
      'report',
      edited((d) => {
        d.plan.decisions[1].direction = 'sideways';
        d.plan.decisions[2].step = 10 ** 9;
      }),
      '--out',
      join(dir, 'x.html'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/2 problems/);
    expect(r.err).toMatch(/\.json: plan\.decisions\[1\]\.direction: expected "ebb" or "flood", got "sideways"/);
    expect(r.err).toMatch(
      /plan\.decisions\[2\]\.step: expected a whole sample number after the previous decision's \(\d+\) and below \d+, got 1000000000/,
    );
    r = await cli(['report', edited((d) => (d.scenario.time_step_s = 300)), '--out', join(dir, 'x.html')]);
    expect(r.err).toMatch(/the scenario does not match its recorded hash .* run `mersey-tidal optimise` again/);
    r = await cli(['report', edited((d) => (d.plan.reference.flood = null)), '--out', join(dir, 'x.html')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/plan\.reference\.flood: the scheme generates on the flood, so its heads must be given/);
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  }, 60_000);
});
