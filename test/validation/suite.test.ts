/**
 * The validation suite against the published record: every scheme simulated from its scenario
 * file over its own period (a whole year, or La Rance's two published years) at its own 5-minute
 * step, nothing shortened or extrapolated. A scheme that leaves its tolerance fails its test.
 *
 * Published figures (../shared/data/SOURCES.md of the project, quoted in src/validation/published.ts):
 * - La Rance: about 500 GWh/yr, 491 GWh in 2009 and 523 GWh in 2010 (EDF figures as reported by
 *   reuk.co.uk and offshore-energy.biz);
 * - Sihwa Lake: about 552 GWh/yr (tethys.pnnl.gov, Sihwa Tidal Power Plant);
 * - Swansea Bay lagoon: 495-530 GWh/yr (Marine Energy Wales; the developer's application);
 * - Mersey barrage: 0.9-1.5 TWh/yr across the studies (Peel/NWDA 2006-2011; Mersey Tidal Power,
 *   Liverpool City Region, 2024; Energy River, Becker, Plater & Wolf 2017).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedBand, VALIDATION_SCHEMES } from '../../src/validation/published.js';
import { pumpingCheck, runValidation, type ValidationRow, validationRow } from '../../src/validation/suite.js';
import { validationCsv, validationTable } from '../../src/validation/tables.js';

let rows: ValidationRow[];
const row = (id: string) => {
  const r = rows.find((x) => x.scheme.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};

beforeAll(async () => {
  rows = await runValidation(); // in this thread: no worker pool
}, 60_000);

describe('validation suite: modelled against published annual energy (net of pumping)', () => {
  it('runs every scheme of the published record, each over at least a whole year, with mass conserved', () => {
    expect(rows.map((r) => r.scheme.id)).toEqual(VALIDATION_SCHEMES.map((s) => s.id));
    for (const r of rows) {
      expect(r.figures.period_days).toBeGreaterThanOrEqual(364);
      expect(r.figures.time_step_s).toBe(300);
      expect(Math.abs(r.figures.mass_balance_error)).toBeLessThan(1e-9);
    }
  });

  it('models the published installed capacity where it is published (to 0.01 %)', () => {
    for (const r of rows)
      if (r.scheme.installed_mw !== null)
        expect(Math.abs(r.figures.installed_capacity_mw / r.scheme.installed_mw - 1)).toBeLessThan(1e-4);
  });

  // Sihwa Lake, about 552 GWh/yr (tethys.pnnl.gov): an operating plant, +-15 %. DOCUMENTED MISS
  // (docs/model.md, "Validation"): the model's unit turns 0.772 of the water's power into grid
  // power at the published rated point, the real one 0.900 (25.4 MW from 482.1 m3/s at 5.82 m),
  // and the availability takes 0.95 more: 0.86 x 0.95 = 0.815. Pinned to that band: a change that
  // moves it must be explained.
  it('Sihwa Lake (flood generation, no pumping) is a documented miss: 0.78 to 0.85 times the published 552 GWh/yr', () => {
    const r = row('sihwa');
    expect(r.figures.annual_pumping_energy_gwh).toBe(0);
    expect(r.figures.ebb_share).toBe(0); // flood generation only
    expect(r.pass).toBe(false);
    expect(r.ratio).toBeGreaterThan(0.78);
    expect(r.ratio).toBeLessThan(0.85);
  });

  // Swansea Bay lagoon, 495-530 GWh/yr (Marine Energy Wales; developer's application): a proposal,
  // its range +-15 %. DOCUMENTED MISS (docs/model.md): the shaft energy is within 4 % of the
  // independent 0-D estimate of Petley & Aggidis (about 480 GWh/yr two-way); the loss chain (0.847)
  // takes the exported energy below the developer's range widened by 15 %.
  it('Swansea Bay lagoon (two-way) is a documented miss: its shaft energy near the independent 0-D 480 GWh/yr, exported 0.72-0.80 of the reference', () => {
    const r = row('swansea-bay');
    expect(r.pass).toBe(false);
    expect(r.ratio).toBeGreaterThan(0.72);
    expect(r.ratio).toBeLessThan(0.8);
    const shaft = r.figures.annual_energy_gwh / (0.95 * 0.972 * 0.97 * 0.995 * 0.95);
    expect(Math.abs(shaft / 480 - 1)).toBeLessThan(0.06);
  });

  // Mersey barrage, 0.9-1.5 TWh/yr across the studies (Peel/NWDA; Mersey Tidal Power 2024): proposals, the range +-15 %.
  it('both Mersey barrages are inside the published 0.9-1.5 TWh/yr widened by 15 %', () => {
    expect(row('mersey-libaux-ebb').pass).toBe(true);
    expect(row('mersey-700mw').pass).toBe(true);
  });

  // La Rance, about 500 GWh/yr: 491 GWh in 2009, 523 GWh in 2010 (EDF, via reuk.co.uk and
  // offshore-energy.biz): an operating plant, +-15 %, run as EDF runs it (ebb generation with
  // pumping at high water; docs/model.md, "La Rance as EDF runs it").
  it('La Rance (ebb generation with pumping at high water) is inside +-15 % of its published 491-523 GWh/yr', () => {
    const r = row('la-rance');
    expect(r.pass).toBe(true);
    expect(r.figures.ebb_share).toBe(1);
    expect(r.figures.annual_pumping_energy_gwh).toBeGreaterThan(0);
  });

  it('the only failures are the documented ones', () => {
    expect(rows.filter((r) => !r.pass).map((r) => r.scheme.id)).toEqual(['sihwa', 'swansea-bay']);
  });

  // The pumping check: the Mersey default's gain from pumping in 0-12 % of the net without it
  // (Severn +3 %, Hansard 1986; "up to 10 %", Breeze; Yates et al. 2013).
  it('the pumping gain of the Mersey default is inside the literature band', () => {
    const c = pumpingCheck(rows);
    expect(c.gain_fraction).not.toBeNull();
    expect(c.gain_fraction as number).toBeGreaterThan(0);
    expect(c.pass).toBe(true);
  });
});

describe('the verdict rule', () => {
  const sihwa = VALIDATION_SCHEMES.find((s) => s.id === 'sihwa')!;
  const figures = (e: number) => ({ ...rows[1].figures, annual_energy_gwh: e });

  it('accepts the published range widened by the tolerance on both sides, edges included, and nothing outside', () => {
    const [lo, hi] = acceptedBand(sihwa);
    expect(lo).toBeCloseTo(552 * 0.85, 9);
    expect(hi).toBeCloseTo(552 * 1.15, 9);
    expect(validationRow(sihwa, '', figures(lo)).pass).toBe(true);
    expect(validationRow(sihwa, '', figures(hi)).pass).toBe(true);
    expect(validationRow(sihwa, '', figures(lo * (1 - 1e-9))).pass).toBe(false);
    expect(validationRow(sihwa, '', figures(hi * (1 + 1e-9))).pass).toBe(false);
    expect(validationRow(sihwa, '', figures(552)).ratio).toBe(1);
  });

  it('states a range as its middle for the ratio, and the accepted ratios from the band', () => {
    const r = row('swansea-bay');
    expect(r.scheme.energy.reference_gwh).toBe((495 + 530) / 2);
    expect(r.accepted_ratio[0]).toBeCloseTo((495 * 0.85) / 512.5, 12);
    expect(r.accepted_ratio[1]).toBeCloseTo((530 * 1.15) / 512.5, 12);
  });
});

describe('tables', () => {
  it('text and markdown tables list every scheme with its verdict; the CSV has one row per scheme', () => {
    const text = validationTable(rows, 'text');
    const md = validationTable(rows, 'markdown');
    for (const r of rows) {
      expect(text).toContain(r.scheme.name);
      expect(md).toContain(r.scheme.energy.source);
    }
    expect(md.split('\n')[1]).toMatch(/^\| --- \| --- \| ---: \|/);
    expect(text).toMatch(/FAIL \(outside \+-15 %\)/);
    const lines = validationCsv(rows).trim().split('\n');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[0].split(',')).toContain('annual_energy_gwh');
  });
});
