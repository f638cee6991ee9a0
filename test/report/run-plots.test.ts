/**
 * The run page's plots that need a run of their own: lost tides at a start head neap tides do not
 * reach, the basin plot of a constant-area lagoon, and the loss waterfall drawn only from a
 * summary that carries it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { runFigures } from '../../src/report/figures.js';
import { lostTides } from '../../src/report/lost-tides.js';
import { waterfallBars, waterfallFigure } from '../../src/report/plots/waterfall.js';
import { chooseWindow } from '../../src/report/report-run.js';
import { seaExcursions } from '../../src/report/tide-ranges.js';
import { asEbbOnly, figureById, reportRun } from './run-page.js';

describe('lost tides', () => {
  it('a start head no neap tide reaches loses the neap tides: they generate nothing, and more are lost than at the default heads', () => {
    const base = reportRun({ edit: asEbbOnly });
    const high = reportRun({
      edit: (s) => {
        asEbbOnly(s);
        s.operation.ebb!.start_head_m = 6;
      },
    });
    const a = lostTides(base.result, base.ops);
    const b = lostTides(high.result, high.ops);
    expect(b.lost.length).toBeGreaterThan(a.lost.length);
    expect(b.of).toBe(a.of); // the same falls of the sea
    const { sea, series } = high.result;
    for (const e of b.lost) {
      expect(e.half).toBe('ebb');
      for (let k = Math.ceil((e.start - sea.t0) / sea.dt); sea.t0 + k * sea.dt < e.end; k++) expect(series.power[k]).toBe(0);
    }
    // The lost ones are the small ones: each smaller than every fall that generated.
    const lost = new Set(b.lost.map((e) => e.start));
    const kept = seaExcursions(sea).filter((e) => e.half === 'ebb' && !lost.has(e.start));
    expect(Math.max(...b.lost.map((e) => e.range_m))).toBeLessThan(Math.max(...kept.map((e) => e.range_m)));
    expect(b.longest_s).toBeGreaterThanOrEqual(12 * 3600);
  });
});

describe('the basin plot', () => {
  it('a constant-area lagoon is drawn over the levels it reached, not its ±1000 m table', () => {
    const lagoon = reportRun({ file: join(PACKAGE_ROOT, 'models', 'mersey-lagoon.json') });
    const f = figureById(runFigures([lagoon], { base: lagoon.result.sea.t0, window: chooseWindow(lagoon.result) }), 'basin');
    const [lo, hi] = (f.layout.xaxis as { range?: number[] }).range!;
    expect(lo).toBeGreaterThan(-12);
    expect(hi).toBeLessThan(12);
    const volume = f.data.find((t) => String(t.name).startsWith('stored volume'))!.y as number[];
    expect(Math.max(...volume)).toBeLessThan(1000); // million m³: not the 23,000 of the table's sentinel rows
    for (const x of f.data[0].x as number[]) {
      expect(x).toBeGreaterThanOrEqual(lo);
      expect(x).toBeLessThanOrEqual(hi);
    }
  });
});

describe('the loss waterfall', () => {
  const w = {
    generation: [
      { key: 'hydraulic', label: 'hydraulic', factor: null, energy_gwh: 2000, annual_gwh: 2000, loss_annual_gwh: 0 },
      { key: 'shaft', label: 'shaft', factor: null, energy_gwh: 1700, annual_gwh: 1700, loss_annual_gwh: 300 },
      { key: 'generator', label: 'generator', factor: 0.97, energy_gwh: 1649, annual_gwh: 1649, loss_annual_gwh: 51 },
    ],
    pumping: [],
    exported_annual_gwh: 1649,
    pumping_annual_gwh: 149,
    net_annual_gwh: 1500,
  };

  it('steps down from the hydraulic energy by each loss to the export, then by pumping to the net', () => {
    const bars = waterfallBars(w);
    expect(bars.map((b) => b.kind)).toEqual(['total', 'loss', 'loss', 'total', 'pumping', 'total']);
    expect(bars[1]).toMatchObject({ base: 1700, size: 300 });
    expect(bars[2]).toMatchObject({ base: 1649, size: 51 });
    expect(bars[3].size).toBe(bars[2].base); // the losses end on the export
    expect(bars[4].base).toBe(bars[5].size); // pumping ends on the net
  });

  it('is drawn when the summary carries the waterfall, and left out when it does not', () => {
    const s = reportRun();
    const { waterfall: _, ...older } = s.result.summary; // a summary written before the loss chain
    expect(waterfallFigure({ ...s, result: { ...s.result, summary: older as typeof s.result.summary } })).toBeUndefined();
    const withW = { ...s, result: { ...s.result, summary: { ...s.result.summary, waterfall: w } } };
    const f = runFigures([withW], { base: s.result.sea.t0, window: chooseWindow(s.result) });
    expect(f[1].id).toBe('waterfall');
  });
});
