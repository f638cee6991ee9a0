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
import { acceptedBand, VALIDATION_SCHEMES } from '../src/validation/published.js';
import { runValidation, type ValidationRow, validationRow } from '../src/validation/suite.js';
import { validationCsv, validationTable } from '../src/validation/tables.js';

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

  // Sihwa Lake, about 552 GWh/yr (tethys.pnnl.gov): an operating plant, +-15 %.
  it('Sihwa Lake (flood generation, no pumping) is inside +-15 % of its published 552 GWh/yr', () => {
    const r = row('sihwa');
    expect(r.figures.annual_pumping_energy_gwh).toBe(0);
    expect(r.figures.ebb_share).toBe(0); // flood generation only
    expect(r.pass).toBe(true);
  });

  // Swansea Bay lagoon, 495-530 GWh/yr (Marine Energy Wales; developer's application): a proposal, its range +-15 %.
  it('Swansea Bay lagoon (two-way) is inside its published 495-530 GWh/yr widened by 15 %', () => {
    expect(row('swansea-bay').pass).toBe(true);
  });

  // Mersey barrage, 0.9-1.5 TWh/yr across the studies (Peel/NWDA; Mersey Tidal Power 2024): proposals, the range +-15 %.
  it('both Mersey barrages are inside the published 0.9-1.5 TWh/yr widened by 15 %', () => {
    expect(row('mersey-libaux-ebb').pass).toBe(true);
    expect(row('mersey-700mw').pass).toBe(true);
  });

  // La Rance, about 500 GWh/yr: 491 GWh in 2009, 523 GWh in 2010 (EDF, via reuk.co.uk and
  // offshore-energy.biz): an operating plant, +-15 %. DOCUMENTED, EXPECTED MISS (README,
  // "Validation"): the scenario is run two-way with pumping at the heads that maximise the
  // modelled energy, while EDF runs the plant mostly on the ebb (about 85 % of its energy) for
  // revenue under environmental limits, and the 0-D pump draws nothing at zero lift. The miss is
  // pinned to its known band: a change that moves it either way fails here and must be explained.
  it('La Rance (two-way with pumping) is a documented miss: 1.40 to 1.60 times the published 507 GWh/yr', () => {
    const r = row('la-rance');
    expect(r.pass).toBe(false);
    expect(r.ratio).toBeGreaterThan(1.4);
    expect(r.ratio).toBeLessThan(1.6);
    expect(r.figures.annual_pumping_energy_gwh).toBeGreaterThan(0);
  });

  it('every other scheme passes: the only failure is the documented one', () => {
    expect(rows.filter((r) => !r.pass).map((r) => r.scheme.id)).toEqual(['la-rance']);
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
