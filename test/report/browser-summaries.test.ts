/**
 * End to end, the pages that summarise many runs: the sweep's and the validation's, in Debian's
 * headless Chromium (test/report/chromium.ts); first, that the checks every page must pass catch a
 * page that breaks them.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sweepReportHtml } from '../../src/report/sweep.js';
import type { SweepRow } from '../../src/report/sweep-fields.js';
import { validationHtml } from '../../src/validation/plot.js';
import { VALIDATION_SCHEMES } from '../../src/validation/published.js';
import { runValidation } from '../../src/validation/suite.js';
import { scratch } from '../fixtures.js';
import { chromiumPages, expectAllRendered, skipBrowser } from './chromium.js';

/** A deterministic synthetic sweep: energy with diminishing returns, a cost that is not a function of capacity alone. */
function sweepRows(): SweepRow[] {
  const rows: SweepRow[] = [];
  for (const diameter_m of [6, 6.5, 7, 7.5, 8, 8.5, 9])
    for (const turbine_count of [16, 20, 24, 28, 32, 36, 40])
      for (const sluice_area_m2 of [1500, 2500, 3500]) {
        const capacity_mw = turbine_count * 0.48 * diameter_m ** 2;
        const annual_energy_gwh = 1600 * (1 - Math.exp(-capacity_mw / 900)) * (1 + 0.1 * Math.log(sluice_area_m2 / 2500));
        rows.push({
          design: rows.length,
          diameter_m,
          turbine_count,
          sluice_area_m2,
          capacity_mw,
          annual_energy_gwh,
          capacity_factor: (annual_energy_gwh * 1000) / (capacity_mw * 8766),
          revenue_gbp_per_yr: 45_000 * annual_energy_gwh,
          capex_gbp: 1.5e6 * capacity_mw + 4e7 * Math.abs(diameter_m - 7.5) + 2e5 * sluice_area_m2,
        });
      }
  return rows;
}

const tmp = scratch();

describe.skipIf(skipBrowser)('summary pages in headless Chromium', () => {
  const pages = chromiumPages();

  beforeAll(async () => {
    // A page that breaks the rules, to show the checks catch it.
    const broken = join(tmp(), 'broken.html');
    writeFileSync(
      broken,
      '<!DOCTYPE html><html><body><div class="plot" id="empty"></div><img src="http://example.invalid/x.png"><script>console.error("boom"); document.body.setAttribute("data-rendered", "1");</script></body></html>',
    );
    pages.add('broken', broken);
    pages.write(
      'report-sweep',
      sweepReportHtml(
        sweepRows(),
        { inputs: ['diameter_m', 'turbine_count', 'sluice_area_m2'], cost: 'capex_gbp', revenue: 'revenue_gbp_per_yr' },
        { title: 'Synthetic sweep (test data)', toolVersion: 'test' },
      ),
    );
    pages.write('report-validation', validationHtml(await runValidation(VALIDATION_SCHEMES), null, { toolVersion: 'test' }));
  }, 120_000);

  it('the checks catch a request leaving the page, a console error and a plot with no traces', async () => {
    const c = await pages.open('broken', undefined, false);
    expect(c.offPage).toEqual(['http://example.invalid/x.png']);
    expect(c.consoleErrors).toContain('boom');
    expect(c.plots).toEqual([
      {
        id: 'empty',
        redrawn: false,
        top: [null, null],
        traces: 0,
        types: [],
        points: [],
        rendered: 0,
        drawn: 0,
        hoverOnly: [],
        shapeGroups: [],
        titles: [],
      },
    ]);
    expect(c.rendered).toBe('1');
  }, 60_000);

  it('the sweep page: main effects, heat map, energy against capacity, Pareto front; no sideways scroll', async () => {
    const c = await pages.open('report-sweep');
    expectAllRendered(c, ['sweep-effects', 'sweep-heatmap', 'sweep-scatter', 'sweep-pareto']);
    expect(c.width).toBeLessThanOrEqual(1400);
    expect(c.plots[1].titles).toEqual(expect.arrayContaining(['turbine count', 'diameter (m)', 'annual energy (GWh/yr)']));
  }, 120_000);

  it('the validation page: modelled against published with the accepted band', async () => {
    const c = await pages.open('report-validation');
    expectAllRendered(c, ['validation']);
    expect(c.width).toBeLessThanOrEqual(1400);
  }, 120_000);
});
