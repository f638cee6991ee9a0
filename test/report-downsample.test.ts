import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPoints, isDownsampled, planDisplay } from '../src/report/downsample.js';

describe('display downsampling (min/max per bucket)', () => {
  it('keeps every sample when the series fits the budget', () => {
    const v = Float64Array.from({ length: 500 }, (_, i) => Math.sin(i / 7));
    const plan = planDisplay(v.length, 100, 300, { detailPoints: 1000, overviewPoints: 1000 });
    expect(isDownsampled(plan)).toBe(false);
    const p = displayPoints(v, plan);
    expect(p.index).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(p.value).toEqual(Array.from(v));
  });

  it('keeps every sample in the detail window and the extremes of each bucket elsewhere', () => {
    const n = 100_000;
    const v = Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * i) / 149) + 0.3 * Math.sin(i / 3001));
    v[12_345] = 7; // a spike outside the window must survive
    v[87_654] = -9;
    const plan = planDisplay(n, 40_000, 42_000, { detailPoints: 4000, overviewPoints: 3000 });
    expect(plan.detailBucket).toBe(1);
    expect(plan.overviewBucket).toBe(Math.ceil(n / 1500));
    const p = displayPoints(v, plan);
    expect(p.value).toContain(7);
    expect(p.value).toContain(-9);
    for (let i = 40_000; i < 42_000; i++) expect(p.index).toContain(i);
    expect(p.index.length).toBeLessThanOrEqual(3000 + 2000 + 4); // overview budget + window + partial buckets at the window's edges
    for (let k = 1; k < p.index.length; k++) expect(p.index[k]).toBeGreaterThan(p.index[k - 1]);
  });

  it('property: every bucket contributes its minimum and maximum, in time order, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.nat(400),
        fc.nat(400),
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 2, max: 60 }),
        (arr, a, b, detailPoints, overviewPoints) => {
          const v = Float64Array.from(arr);
          const plan = planDisplay(v.length, Math.min(a, b), Math.max(a, b), { detailPoints, overviewPoints });
          const p = displayPoints(v, plan);
          // Independent check: walk the regions and buckets again.
          const expected: number[] = [];
          const regions: [number, number, number][] = [
            [0, plan.detailStart, plan.overviewBucket],
            [plan.detailStart, plan.detailEnd, plan.detailBucket],
            [plan.detailEnd, plan.n, plan.overviewBucket],
          ];
          for (const [from, to, size] of regions) {
            for (let s = from; s < to; s += size) {
              const bucket = Array.from(v.subarray(s, Math.min(to, s + size)));
              const lo = s + bucket.indexOf(Math.min(...bucket));
              const hi = s + bucket.indexOf(Math.max(...bucket));
              expected.push(...new Set([Math.min(lo, hi), Math.max(lo, hi)]));
            }
          }
          expect(p.index).toEqual(expected);
          expect(p.value).toEqual(expected.map((i) => v[i]));
          // Budget: about two points per bucket.
          const outside = plan.detailStart + (plan.n - plan.detailEnd);
          expect(p.index.length).toBeLessThanOrEqual(
            2 * Math.ceil((plan.detailEnd - plan.detailStart) / plan.detailBucket) +
              2 * (Math.ceil(outside / plan.overviewBucket) + 2),
          );
        },
      ),
    );
  });
});
