import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { scenarioFromObject } from '../../src/scenario/load.js';
import { buildSea } from '../../src/scenario/tide-source.js';
import { simulate } from '../../src/simulate.js';
import { LIBAUX, runCli, scratch } from '../fixtures.js';

const tmp = scratch();

const base = () => JSON.parse(readFileSync(LIBAUX, 'utf8'));
const load = (o: unknown) => scenarioFromObject(o, 'models/x.json', dirname(LIBAUX));

describe('scenario tide sources', () => {
  it('predicts the harmonic Liverpool tide for a calendar year on the solver grid', () => {
    const o = base();
    o.tide = { kind: 'harmonic', site: 'liverpool' };
    o.period = { year: 2018 };
    const sea = buildSea(load(o));
    expect(sea.t0).toBe(Date.UTC(2018, 0, 1) / 1000);
    expect(sea.level.length).toBe(365 * 288 + 1);
    let mean = 0;
    for (const z of sea.level) mean += z;
    mean /= sea.level.length;
    // Liverpool MSL is 0.446 m ODN in the TICON-4 site datums (data/sites/liverpool.json).
    expect(mean).toBeGreaterThan(0.35);
    expect(mean).toBeLessThan(0.55);
  });

  it('adds the sea-level offset to every level', () => {
    const o = base();
    o.tide = { kind: 'harmonic', site: 'liverpool' };
    o.period = { start: '2018-03-01T00:00:00Z', end: '2018-03-08T00:00:00Z' };
    const a = buildSea(load(o));
    o.tide.sea_level_offset_m = 0.3;
    const b = buildSea(load(o));
    for (let i = 0; i < a.level.length; i += 97) expect(b.level[i] - a.level[i]).toBeCloseTo(0.3, 12);
  });

  it('gives the harmonic 2018 Mersey year within 10 % of the observed 2018 year (surge and the fit residual differ)', () => {
    const obs = simulate(load(base())).summary.annual_energy_gwh;
    const o = base();
    o.tide = { kind: 'harmonic', site: 'liverpool' };
    o.period = { year: 2018 };
    const harm = simulate(load(o)).summary.annual_energy_gwh;
    expect(Math.abs(harm - obs) / obs).toBeLessThan(0.1);
  });

  it('requires a period for a harmonic tide, and refuses year with start/end', () => {
    const o = base();
    o.tide = { kind: 'harmonic', site: 'liverpool' };
    delete o.period;
    expect(() => load(o)).toThrow(InputError);
    expect(() => load(o)).toThrow(/period: a harmonic tide needs a period/);
    o.period = { year: 2018, start: '2018-01-01T00:00:00Z' };
    expect(() => load(o)).toThrow(/either "year" or "start"\/"end"/);
  });

  // An unknown site name is looked up in the station database (a second or more to load).
  it('names an unknown site and lists the built-in ones', { timeout: 60_000 }, () => {
    const o = base();
    o.tide = { kind: 'harmonic', site: 'liverpol' };
    o.period = { year: 2018 };
    expect(() => buildSea(load(o))).toThrow(/unknown site "liverpol": not a built-in site \("liverpool"/);
  });
});

describe('a harmonic scenario through the command line', () => {
  it('simulates and records the built-in site file among the data files, with its hash', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = tmp();
    const o = base();
    o.tide = { kind: 'harmonic', site: 'liverpool' };
    o.period = { start: '2018-03-01T00:00:00Z', end: '2018-03-15T00:00:00Z' };
    o.scheme.basin.area_curve_file = join(dirname(LIBAUX), o.scheme.basin.area_curve_file);
    o.scheme.turbines.curve.file = join(dirname(LIBAUX), o.scheme.turbines.curve.file);
    const f = join(dir, 'harm.json');
    writeFileSync(f, JSON.stringify(o));
    expect((await runCli(['simulate', f, '--out', join(dir, 'r')])).code).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'r', 'summary.json'), 'utf8'));
    const site = Object.keys(summary.data_sha256).find((k) => k.endsWith('data/sites/liverpool.json'));
    expect(site).toBeDefined();
    expect(summary.data_sha256[site!]).toMatch(/^[0-9a-f]{64}$/);
  });
});
