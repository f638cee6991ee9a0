/**
 * The Mersey default across the 18.6-year nodal cycle and with sea-level rise: what physics says
 * the annual energy must do, not recorded values.
 *
 * The nodal factor f of M2 comes from the tide engine's own IHO Annex A corrections
 * (f = 1.0007 - 0.0373 cos N + ..., N the longitude of the Moon's ascending node): it is largest
 * when N = 180 deg and smallest when N = 0 deg, 9.3 years apart. The annual energy must follow it:
 * strongly correlated, largest and smallest within a year of f's extremes. f(M2) spans
 * 0.964-1.038 (7.4 % of its mean); the range follows it with an elasticity of 0.75-1 (M2 is
 * 75-100 % of the range), and the energy of a tidal-range scheme grows between linearly (turbines
 * at their rating) and with the square (potential energy) of the range. So the energy's
 * elasticity to f(M2) lies between 0.75 * 1 = 0.75 and 1 * 2 = 2, and it swings across the cycle
 * by 0.75 * 7.4 = 5.5 % to 2 * 7.4 = 15 % (asserted above 5 %: a least-squares slope and two
 * single years are not exactly that product).
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { ARG_COUNT, ARG_NPRIME, fundamentalArguments } from '../../src/tide/astronomy.js';
import { validationHtml } from '../../src/validation/plot.js';
import { annualMeanNodalFactor, DEFAULT_YEARS, runSensitivity, type Sensitivity } from '../../src/validation/sensitivity.js';
import { nodalSummary, sensitivityCsv, sensitivityTable } from '../../src/validation/tables.js';
import { scratch } from '../fixtures.js';

const tmp = scratch();

let sens: Sensitivity;

beforeAll(async () => {
  // Every year of the cycle at the scenario's settings but 10-minute steps (0.1-0.2 % from 5-minute ones).
  sens = await runSensitivity({ offsets_m: [0], time_step_s: 600 });
}, 120_000);

/** Longitude of the Moon's ascending node (deg) at the middle of a year, from the astronomy module. */
function nodeLongitude(year: number): number {
  const a = new Float64Array(ARG_COUNT);
  fundamentalArguments((Date.UTC(year, 0, 1) + Date.UTC(year + 1, 0, 1)) / 2000, a);
  return (360 - a[ARG_NPRIME]) % 360;
}

describe('nodal factor of M2', () => {
  it('is largest in the year the node passes 180 deg and smallest in the year it passes 0 deg', () => {
    const years = Array.from({ length: 19 }, (_, i) => 2020 + i);
    const f = years.map((y) => annualMeanNodalFactor(y));
    const at = (pick: (a: number, b: number) => boolean) => years[f.reduce((b, x, i) => (pick(x, f[b]) ? i : b), 0)];
    const nearest = (deg: number) =>
      years.reduce((b, y) =>
        Math.abs(((nodeLongitude(y) - deg + 540) % 360) - 180) < Math.abs(((nodeLongitude(b) - deg + 540) % 360) - 180) ? y : b,
      );
    expect(at((a, b) => a > b)).toBe(nearest(180));
    expect(at((a, b) => a < b)).toBe(nearest(0));
    // The IHO amplitude of the modulation: 1.0007 +- 0.0373.
    expect(Math.max(...f)).toBeGreaterThan(1.03);
    expect(Math.max(...f)).toBeLessThan(1.0007 + 0.0373 + 0.0002);
    expect(Math.min(...f)).toBeLessThan(0.97);
    expect(Math.min(...f)).toBeGreaterThan(1.0007 - 0.0373 - 0.0002);
  });
});

describe('annual energy of the Mersey default across the nodal cycle (2020-2038, harmonic Liverpool tide)', () => {
  it('runs one whole year for each year of the cycle', () => {
    expect(sens.years.map((y) => y.year)).toEqual([...DEFAULT_YEARS]);
    expect(sens.scenario).toBe('mersey-barrage');
    expect(sens.site).toBe('liverpool');
    for (const y of sens.years) expect(y.energy_gwh[0]).toBeGreaterThan(0);
  });

  it('follows the M2 nodal factor: correlation above 0.95', () => {
    expect(nodalSummary(sens).correlation).toBeGreaterThan(0.95);
  });

  it('is largest and smallest within a year of the largest and smallest nodal factor', () => {
    const n = nodalSummary(sens);
    expect(Math.abs(n.max_year - n.f_max_year)).toBeLessThanOrEqual(1);
    expect(Math.abs(n.min_year - n.f_min_year)).toBeLessThanOrEqual(1);
  });

  it('moves by 5-15 %, with an elasticity to f(M2) between 0.75 and 2', () => {
    // Measured: a swing of 13.4 % and an elasticity of 1.65.
    const n = nodalSummary(sens);
    expect(n.peak_to_trough).toBeGreaterThan(0.05);
    expect(n.peak_to_trough).toBeLessThan(0.15);
    expect(n.elasticity).toBeGreaterThan(0.75);
    expect(n.elasticity).toBeLessThan(2);
  });

  it('tables, CSV and the self-contained page carry every year', () => {
    const csv = sensitivityCsv(sens).trim().split('\n');
    expect(csv).toHaveLength(1 + sens.years.length);
    expect(csv[0]).toBe('year,m2_nodal_factor,energy_gwh_offset_0_m');
    expect(sensitivityTable(sens, 'markdown')).toMatch(/^\| year \| f\(M2\) \|/);
    const html = validationHtml([], sens, { toolVersion: 'test' });
    expect(html).toContain('id="nodal-energy"');
    expect(html).toContain('id="nodal-factor"');
    expect(html).toContain('2038');
    expect(html).not.toMatch(/<script[^>]+src=/); // plotly inlined, nothing fetched
  });
});

describe('sea-level rise', () => {
  it('leaves a constant-area lagoon without level limits unchanged: only the area-level curve feels it', async () => {
    // Sharp switches (ramp_s 0): the invariance is then exact to round-off. With ramps the
    // integrator's adaptive sub-steps (halving at LEVEL_TOL) turn round-off into a difference of
    // about 5e-7 (measured), well inside the step error, so the check is made where it is exact.
    const dir = tmp();
    const file = join(dir, 'swansea-sharp.json');
    const obj = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'models/validation/swansea-bay.json'), 'utf8'));
    obj.operation.ramp_s = 0;
    delete obj.$schema;
    writeFileSync(file, JSON.stringify(obj));
    const s = await runSensitivity({
      scenario: file,
      site: 'mumbles',
      datum: 'CD',
      years: [2020],
      offsets_m: [0, 1],
      time_step_s: 600,
    });
    const [e0, e1] = s.years[0].energy_gwh;
    expect(Math.abs(e1 / e0 - 1)).toBeLessThan(1e-9);
  });

  it('raises the energy of the ebb-only Libaux barrage: the water held at high tide stands over a larger area', async () => {
    // The Mersey wetted area grows with level up to 5.07 m ODN; ebb-only generation uses the
    // upper part of the tide, so an offset puts the held water over more area at the same heads.
    const s = await runSensitivity({
      scenario: join(PACKAGE_ROOT, 'models/mersey-barrage-libaux-ebb.json'),
      years: [2020],
      offsets_m: [0, 0.3, 1],
      time_step_s: 600,
    });
    const [e0, e3, e10] = s.years[0].energy_gwh;
    expect(e3).toBeGreaterThan(e0);
    expect(e10).toBeGreaterThan(e3);
  });
});
