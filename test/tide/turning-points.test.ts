// High and low waters against @neaps/tide-predictor's own extremes finder on the same constants.

import { createTidePredictor } from '@neaps/tide-predictor';
import { describe, expect, it } from 'vitest';
import { harmonicModel, highLowWaters, loadSite, predictDirect } from '../../src/tide/index.js';

const site = loadSite('liverpool');

describe('high and low waters', () => {
  it('match @neaps/tide-predictor over two months: same count, times within a minute, levels within 5 mm', () => {
    const from = Date.UTC(2018, 2, 1) / 1000;
    const to = Date.UTC(2018, 4, 1) / 1000;
    const ours = highLowWaters(harmonicModel(site), from, to);
    const theirs = createTidePredictor(
      site.constituents.map((c) => ({ ...c })),
      { offset: site.z0 },
    ).getExtremesPrediction({
      start: new Date(from * 1000),
      end: new Date(to * 1000),
    });
    // 61 days of a semidiurnal tide: close to 4 turning points a day.
    expect(ours.length).toBeGreaterThan(230);
    expect(ours.length).toBe(theirs.length);
    for (let i = 0; i < ours.length; i++) {
      expect(ours[i].kind).toBe(theirs[i].high ? 'high' : 'low');
      expect(Math.abs(ours[i].time - theirs[i].time.getTime() / 1000), `extreme ${i}`).toBeLessThan(60);
      expect(Math.abs(ours[i].level - theirs[i].level), `extreme ${i}`).toBeLessThan(0.005);
    }
  });

  it('are turning points of the predicted curve: no sample a minute either side is higher (lower)', () => {
    const from = Date.UTC(2018, 6, 1) / 1000;
    const model = harmonicModel(site);
    const ex = highLowWaters(model, from, from + 7 * 86400);
    for (const e of ex) {
      const around = predictDirect(model, e.time - 60, 60, 3).level;
      if (e.kind === 'high') expect(Math.max(around[0], around[2])).toBeLessThan(around[1]);
      else expect(Math.min(around[0], around[2])).toBeGreaterThan(around[1]);
      expect(Math.abs(around[1] - e.level)).toBeLessThan(1e-9);
    }
    // They alternate.
    for (let i = 1; i < ex.length; i++) expect(ex[i].kind).not.toBe(ex[i - 1].kind);
  });

  it('follow the datum: chart-datum heights are 4.93 m above ODN heights', () => {
    const from = Date.UTC(2018, 0, 1) / 1000;
    const odn = highLowWaters(harmonicModel(site), from, from + 86400);
    const cd = highLowWaters(harmonicModel(site, 'CD'), from, from + 86400);
    expect(cd.length).toBe(odn.length);
    for (let i = 0; i < cd.length; i++) expect(cd[i].level - odn[i].level).toBeCloseTo(4.93, 9);
  });
});
