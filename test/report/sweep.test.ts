import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  energyCapacityFigures,
  heatmapFigure,
  heatmapGrid,
  paretoFront,
  sweepReportHtml,
  topDesignsTable,
} from '../../src/report/sweep.js';
import { mainEffects } from '../../src/report/sweep-effects.js';
import { cellText, fieldDisplay, fieldLabel, type SweepRow } from '../../src/report/sweep-fields.js';
import { pageText } from './page-text.js';

/** A small synthetic sweep over three fields with outputs from closed-form expressions. */
function syntheticSweep(): SweepRow[] {
  const rows: SweepRow[] = [];
  for (const diameter_m of [6, 7, 8, 9])
    for (const turbine_count of [20, 28, 36])
      for (const sluice_area_m2 of [2000, 3000]) {
        const capacity_mw = turbine_count * 0.48 * diameter_m ** 2;
        const annual_energy_gwh = 1.2 * capacity_mw ** 0.8 * (1 + sluice_area_m2 / 20000);
        rows.push({
          diameter_m,
          turbine_count,
          sluice_area_m2,
          capacity_mw,
          annual_energy_gwh,
          capex_gbp: 2e6 * capacity_mw + 1e5 * sluice_area_m2,
        });
      }
  return rows;
}

/** Brute force: i is on the front when no design beats it (at most the cost, at least the benefit, better in one) and no earlier design equals it. */
function bruteFront(rows: { b: number; c: number }[]): number[] {
  return rows
    .map((_, i) => i)
    .filter(
      (i) =>
        !rows.some(
          (r, j) =>
            (r.c <= rows[i].c && r.b >= rows[i].b && (r.c < rows[i].c || r.b > rows[i].b)) ||
            (j < i && r.c === rows[i].c && r.b === rows[i].b),
        ),
    );
}

describe('sweep reports', () => {
  it('field names become axis titles with their units', () => {
    expect(fieldLabel('diameter_m')).toBe('diameter (m)');
    expect(fieldLabel('annual_energy_gwh')).toBe('annual energy (GWh/yr)');
    // Found on a real sweep page: 'revenue gbp per yr', 'capacity factor (fraction)', '66,455,867.2'.
    expect(fieldLabel('revenue_gbp_per_yr', [66_455_867.2])).toBe('revenue (million GBP/yr)');
    expect(cellText(66_455_867.2, fieldDisplay('revenue_gbp_per_yr', [66_455_867.2]).scale)).toBe('66.46');
    expect(fieldLabel('capacity_factor')).toBe('capacity factor (%)');
    expect(cellText(0.2634, fieldDisplay('capacity_factor').scale)).toBe('26.34');
    expect(fieldLabel('captured_price_gbp_per_mwh', [80])).toBe('captured price (GBP/MWh)');
    expect(fieldLabel('sluice_area_m2')).toBe('sluice area (m²)');
    expect(fieldLabel('capex_gbp')).toBe('capex (GBP)');
    expect(fieldLabel('price_gbp_per_mwh')).toBe('price (GBP/MWh)');
    expect(fieldLabel('capacity_mw')).toBe('capacity (MW)');
    expect(fieldLabel('turbine_count')).toBe('turbine count');
  });

  it('heat map of a Latin hypercube: continuous fields binned, every design in one cell, the best kept', () => {
    const rows: SweepRow[] = Array.from({ length: 10_000 }, (_, k) => ({
      design: k + 1,
      sluice_area_m2: 1000 + ((k * 7919) % 10_000) * 0.5,
      diameter_m: 6 + ((k * 104_729) % 10_000) / 3333,
      annual_energy_gwh: k,
    }));
    const g = heatmapGrid(rows, 'sluice_area_m2', 'diameter_m', 'annual_energy_gwh');
    expect(g.x.length).toBe(40);
    expect(g.y.length).toBe(40);
    expect(g.z.flat().filter((v) => v !== null).length).toBeGreaterThan(1_000); // spread over the grid, not piled up
    expect(Math.max(...g.z.flat().map((v) => v ?? -1))).toBe(9_999); // the best design is in its cell
    expect(g.x[0]).toBeGreaterThan(1000);
    expect(g.x[39]).toBeLessThan(1000 + 9_999 * 0.5);
  });

  it('heat map: one cell per pair of swept values, the best over the third swept field', () => {
    const rows = syntheticSweep();
    const g = heatmapGrid(rows, 'diameter_m', 'turbine_count', 'annual_energy_gwh');
    expect(g.x).toEqual([6, 7, 8, 9]);
    expect(g.y).toEqual([20, 28, 36]);
    expect(g.perCell).toBe(2);
    for (const [j, n] of [20, 28, 36].entries())
      for (const [i, d] of [6, 7, 8, 9].entries())
        expect(g.z[j][i]).toBeCloseTo(1.2 * (n * 0.48 * d * d) ** 0.8 * (1 + 3000 / 20000), 9);
    const f = heatmapFigure(
      rows.filter((r) => !(r.diameter_m === 9 && r.turbine_count === 36)),
      'diameter_m',
      'turbine_count',
    );
    expect((f.data[0].z as (number | null)[][])[2][3]).toBeNull(); // a design not run is a blank cell, not a zero
    expect((f.layout.xaxis as { title: { text: string } }).title.text).toBe('diameter (m)');
    expect(f.caption).toMatch(/best of up to 2 designs/);
    expect(f.caption).toContain('Annual energy is net of any pumping'); // the summary's energy_gwh, which the sweep reports
    expect(heatmapFigure(rows, 'diameter_m', 'turbine_count', 'capacity_mw').caption).not.toContain('pumping');
  });

  it('Pareto front equals the brute-force set of non-dominated designs (random sweeps)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ b: fc.integer({ min: 0, max: 20 }), c: fc.integer({ min: 0, max: 20 }) }), { maxLength: 60 }),
        (pts) => {
          const rows = pts.map((p) => ({ annual_energy_gwh: p.b, capex_gbp: p.c }));
          const front = paretoFront(rows, { benefit: 'annual_energy_gwh', cost: 'capex_gbp' });
          expect([...front].sort((a, b) => a - b)).toEqual(bruteFront(pts));
          for (let k = 1; k < front.length; k++) {
            expect(pts[front[k]].c).toBeGreaterThan(pts[front[k - 1]].c); // sorted by cost, strictly better benefit
            expect(pts[front[k]].b).toBeGreaterThan(pts[front[k - 1]].b);
          }
        },
      ),
    );
  });

  it('energy against capacity always; the front only where a cost or revenue field exists', () => {
    const rows = syntheticSweep();
    expect(energyCapacityFigures(rows, { heatmap: ['diameter_m', 'turbine_count'] }).map((f) => f.id)).toEqual(['sweep-scatter']);
    const withCost = energyCapacityFigures(rows, { heatmap: ['diameter_m', 'turbine_count'], cost: 'capex_gbp' });
    expect(withCost.map((f) => f.id)).toEqual(['sweep-scatter', 'sweep-pareto']);
    const front = withCost[1].data[1];
    expect(front.name).toBe('Pareto front');
    // The cheapest design is on the front, and so is the most productive one.
    const cheapest = Math.min(...rows.map((r) => r.capex_gbp as number));
    const best = Math.max(...rows.map((r) => r.annual_energy_gwh as number));
    expect(front.x as number[]).toContainEqual(expect.closeTo(cheapest / 1e6, 9)); // shown in million GBP
    expect(front.y as number[]).toContain(best);
    // With a revenue and no cost, capacity stands for the cost.
    const rev = rows.map((r) => ({ ...r, revenue_gbp: 50e3 * (r.annual_energy_gwh as number) }));
    const fr = energyCapacityFigures(rev, { heatmap: ['diameter_m', 'turbine_count'], revenue: 'revenue_gbp' })[1];
    expect((fr.layout.xaxis as { title: { text: string } }).title.text).toBe('capacity (MW)');
    expect((fr.layout.yaxis as { title: { text: string } }).title.text).toBe('revenue (million GBP)');
  });

  it('top designs table: ranked by annual energy, inputs then outputs, front members marked', () => {
    const rows = syntheticSweep();
    const html = topDesignsTable(rows, { heatmap: ['diameter_m', 'turbine_count'], cost: 'capex_gbp', top: 5 });
    const trs = html.split('<tr>').slice(1);
    expect(trs).toHaveLength(6);
    expect(trs[0]).toMatch(
      /rank.*diameter \(m\).*turbine count.*sluice area \(m²\).*annual energy \(GWh\/yr\).*capacity \(MW\).*capex \(million GBP\).*Pareto front/,
    );
    const energies = [...rows].map((r) => r.annual_energy_gwh as number).sort((a, b) => b - a);
    // Row 1 is the design of most energy: 9 m, 36 turbines, 3,000 m2 of sluices.
    expect(trs[1]).toMatch(/<td class="num">1<\/td><td class="num">9<\/td><td class="num">36<\/td><td class="num">3,000<\/td>/);
    expect(trs[1]).toContain(energies[0].toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
    expect(trs[1]).toMatch(/<td>yes<\/td><\/tr>/); // the most energy is always on the front
  });

  it('the sweep page holds the heat map, the scatter, the front and the table', () => {
    const html = sweepReportHtml(
      syntheticSweep(),
      { heatmap: ['diameter_m', 'turbine_count'], cost: 'capex_gbp' },
      { title: 'Synthetic sweep', toolVersion: 'test' },
    );
    for (const id of ['sweep-effects', 'sweep-heatmap', 'sweep-scatter', 'sweep-pareto'])
      expect(html.includes(`<div class="plot" id="${id}"></div>`)).toBe(true);
    expect(html.includes('<h2>Top 10 designs by annual energy (GWh/yr)</h2>')).toBe(true);
    expect(() => sweepReportHtml([], {}, { title: 't', toolVersion: 'test' })).toThrow(/at least one design/);
  });

  it('main effects rank the levers; the heat map defaults to the two strongest, so the strongest is never hidden', () => {
    // Sluice area is the strongest lever here and the last field: a heat map over the first two fields would hide it.
    const rows: SweepRow[] = [];
    for (const a of [1, 2, 3])
      for (const b of [10, 20])
        for (const sluice_area_m2 of [1000, 4000])
          rows.push({ a, b, sluice_area_m2, capacity_mw: 100, annual_energy_gwh: 100 + a + 0.1 * b + 0.02 * sluice_area_m2 });
    const e = mainEffects(rows, ['a', 'b', 'sluice_area_m2'], 'annual_energy_gwh');
    expect(e.map((x) => x.field)).toEqual(['sluice_area_m2', 'a', 'b']);
    expect(e[0].size).toBeCloseTo(60, 9);
    expect(e[1].size).toBeCloseTo(2, 9);
    expect(e[1].mean).toEqual([e[1].mean[0], e[1].mean[0] + 1, e[1].mean[0] + 2].map((x) => expect.closeTo(x, 9)));
    const page = pageText(sweepReportHtml(rows, {}, { title: 't', toolVersion: 'test' }));
    expect(page).toContain('Annual energy (GWh/yr) over sluice area (m²) and a');
    const asked = sweepReportHtml(rows, { heatmap: ['a', 'b'] }, { title: 't', toolVersion: 'test' });
    expect(asked).toContain('Annual energy (GWh/yr) over a and b');
    // Every design has the same capacity: energy against capacity would be one vertical line, so it is left out.
    expect(page).not.toContain('id="sweep-scatter"');
  });

  it('the table leads with the design index', () => {
    const rows: SweepRow[] = syntheticSweep().map((r, design) => ({ design, ...r }));
    const html = topDesignsTable(rows, { top: 3 });
    const trs = html.split('<tr>').slice(1);
    expect(trs[0]).toMatch(/^<th class="num">rank<\/th><th class="num">design<\/th><th class="num">diameter \(m\)/);
    const best = rows.reduce((a, r) => ((r.annual_energy_gwh as number) > (a.annual_energy_gwh as number) ? r : a));
    expect(trs[1]).toMatch(new RegExp(`^<td class="num">1</td><td class="num">${best.design}</td>`));
  });
});
