/** The incremental parts of a sweep's summary against the whole-array computations they replace. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InOrder } from '../../src/sweep/in-order.js';
import type { DesignRow } from '../../src/sweep/run.js';
import { bestDesigns, TopK } from '../../src/sweep/summary.js';
import { topDesigns } from '../fixtures.js';

const row = (design: number, energy: number, revenue: number | null): DesignRow => ({
  design,
  inputs: [design],
  installed_capacity_mw: 100,
  annual_energy_gwh: energy,
  capacity_factor: 0.2,
  revenue_gbp_per_yr: revenue,
  captured_price_gbp_per_mwh: null,
});

describe('incremental top-k', () => {
  it('equals a full sort, ties included, whatever the order the rows arrive in', () => {
    fc.assert(
      fc.property(
        // Few distinct values, so that ties are common; some revenues missing.
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.option(fc.integer({ min: -3, max: 3 }))), { maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer(),
        (values, k, seed) => {
          const rows = values.map(([e, r], i) => row(i, e / 2, r));
          // A shuffle of the rows (a fixed permutation from the seed).
          const shuffled = rows
            .map((r, i) => ({ r, key: Math.imul(i + 1, seed | 1) ^ seed }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.r);
          for (const key of ['annual_energy_gwh', 'revenue_gbp_per_yr'] as const) {
            const top = new TopK(key, k);
            for (const r of shuffled) top.add(r);
            expect(top.rows().map((r) => r.design)).toEqual(topDesigns(rows, key, k));
            expect(bestDesigns(rows, key, k).map((r) => r.design)).toEqual(topDesigns(rows, key, k));
          }
        },
      ),
    );
  });

  it('keeps ties in design order and the k first of them', () => {
    const top = new TopK('annual_energy_gwh', 3);
    for (const d of [4, 1, 3, 0, 2]) top.add(row(d, 7, null));
    expect(top.rows().map((r) => r.design)).toEqual([0, 1, 2]);
  });
});

describe('in-order hand-off of results that finish out of order', () => {
  it('emits every result once, in position order, holding only those that came early', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.integer(), (n, seed) => {
        const order = Array.from({ length: n }, (_, i) => i).sort(
          (a, b) => (Math.imul(a + 1, seed | 1) ^ seed) - (Math.imul(b + 1, seed | 1) ^ seed),
        );
        const out: [string, number][] = [];
        const q = new InOrder<string>((v, pos) => out.push([v, pos]));
        const arrived = new Set<number>();
        order.forEach((pos, k) => {
          q.put(pos, `r${pos}`);
          arrived.add(pos);
          // What waits is exactly what came before an earlier position: the arrivals past the first missing one.
          let missing = 0;
          while (arrived.has(missing)) missing++;
          expect(q.waiting).toBe([...arrived].filter((p) => p > missing).length);
          expect(q.waiting + q.emitted).toBe(k + 1);
        });
        expect(out).toEqual(Array.from({ length: n }, (_, i) => [`r${i}`, i]));
        expect(q.waiting).toBe(0);
      }),
    );
  });

  it('refuses a position given twice', () => {
    const q = new InOrder<number>(() => {});
    q.put(0, 0);
    q.put(2, 2);
    expect(() => q.put(0, 0)).toThrow('result 0 was given twice');
    expect(() => q.put(2, 2)).toThrow('result 2 was given twice');
  });
});
