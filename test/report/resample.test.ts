import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detailPointsFor, displayIndices, OVERVIEW_POINTS } from '../../src/report/resample.js';

describe('display resampling (what the page draws on each zoom and pan)', () => {
  it('keeps every sample of a window that holds no more than the detail points, and only buckets outside it', () => {
    const v = Float64Array.from({ length: 100_000 }, (_, i) => Math.sin(i / 7) + 0.3 * Math.sin(i / 3001));
    v[12_345] = 7; // spikes outside the window survive
    v[87_654] = -9;
    const idx = displayIndices(v, 40_000, 40_289, 2400, OVERVIEW_POINTS);
    const inWindow = idx.filter((i) => i >= 40_000 && i < 40_289);
    expect(inWindow).toEqual(Array.from({ length: 289 }, (_, k) => 40_000 + k));
    expect(idx).toContain(12_345);
    expect(idx).toContain(87_654);
    expect(idx.length).toBeLessThan(OVERVIEW_POINTS + 289 + 4);
  });

  it('a day or less always shows every step, whatever the plot width and step', () => {
    for (const dt of [30, 60, 300, 900])
      for (const px of [300, 800, 1200]) {
        const steps = Math.ceil(86400 / dt) + 1;
        expect(detailPointsFor(px, dt), `${dt} s, ${px} px`).toBeGreaterThanOrEqual(steps + 2);
      }
  });

  it('property: ascending indices, each bucket’s extremes kept, bounded count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 3000 }),
        fc.nat(3000),
        fc.nat(3000),
        fc.integer({ min: 2, max: 400 }),
        (xs, a, b, points) => {
          const lo = Math.min(a, b);
          const hi = Math.max(a, b);
          const idx = displayIndices(xs, lo, hi, points, points);
          for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
          // The extremes of the whole series are always drawn.
          const max = Math.max(...xs);
          const min = Math.min(...xs);
          expect(idx.some((i) => xs[i] === max)).toBe(true);
          expect(idx.some((i) => xs[i] === min)).toBe(true);
          // Never more than the two budgets plus the partial buckets at the window's edges.
          expect(idx.length).toBeLessThanOrEqual(2 * points + 8);
          // Inside a window within budget: every sample.
          const w = Math.min(hi, xs.length) - Math.min(lo, xs.length);
          if (w <= points) for (let i = lo; i < Math.min(hi, xs.length); i++) expect(idx).toContain(i);
        },
      ),
      { numRuns: 200 },
    );
  });
});
