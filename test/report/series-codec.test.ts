import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVEL_STEP_M, runSeries } from '../../src/report/figures.js';
import { reportHtml } from '../../src/report/html.js';
import {
  ColumnStore,
  columnBytes,
  decodeColumn,
  encodeBytes,
  encodeColumn,
  type PageColumn,
} from '../../src/report/series-codec.js';
import { asEbbOnly, reportRun } from './run-page.js';

const decode = (c: PageColumn) => decodeColumn(c, columnBytes(c));

describe('the series codec', () => {
  it('16-bit columns decode within half their step, and the step spans the range in 65535 levels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(1, 1e-6, -1),
        (xs, scale) => {
          const c = encodeColumn(xs, scale, 1);
          expect(c.kind).toBe('u16');
          const v = decode(c);
          const lo = Math.min(...xs.map((x) => x * scale));
          const hi = Math.max(...xs.map((x) => x * scale));
          expect(c.offset! - lo).toBe(0); // numerically: min(0, -0) may be either zero
          expect(c.step).toBeCloseTo((hi - lo) / 65535, 15);
          for (let i = 0; i < xs.length; i++) expect(Math.abs(v[i] - xs[i] * scale)).toBeLessThanOrEqual(c.step! / 2 + 1e-12);
          // The lowest value is exact: a series' floor (no power) stays at its true value.
          expect(v[xs.findIndex((x) => x * scale === lo)] - lo).toBe(0);
        },
      ),
    );
  });

  it('a constant series is exact; a range too wide for the step, or a value not finite, is kept as Float32', () => {
    expect(Array.from(decode(encodeColumn([2.5, 2.5, 2.5], 1, 1e-3)))).toEqual([2.5, 2.5, 2.5]);
    const wide = encodeColumn([0, 2000], 1, 0.025); // 2000 / 65535 = 0.031 > 0.025
    expect(wide.kind).toBe('f32');
    expect(Array.from(decode(wide))).toEqual([0, 2000]);
    const nan = encodeColumn([1, Number.NaN, 3], 1, 1);
    expect(nan.kind).toBe('f32');
    expect(Array.from(decode(nan))).toEqual([1, Number.NaN, 3]);
    expect(Array.from(decode(encodeBytes([0, 3, 255])))).toEqual([0, 3, 255]);
  });

  it('the store keeps equal columns once: equal series, and series equal once quantised', () => {
    const s = new ColumnStore();
    const a = s.series(Float64Array.from([1, 2, 3]), 1, 1);
    const b = s.series(Float64Array.from([1, 2, 4]), 1, 1);
    expect(s.series(Float64Array.from([1, 2, 3]), 1, 1)).toBe(a);
    expect(b).not.toBe(a);
    // The same values scaled otherwise are another column.
    expect(s.series(Float64Array.from([1, 2, 3]), 2, 1)).not.toBe(a);
    // Within the quantisation step of [0, 65535] (1): a different series, the same column.
    const q = s.series(Float64Array.from([0, 65535, 1]), 1, 1);
    expect(s.series(Float64Array.from([0, 65535, 1.2]), 1, 1)).toBe(q);
    const m = s.bytes(Uint8Array.from([0, 3]));
    expect(s.bytes(Uint8Array.from([0, 3]))).toBe(m);
    expect(s.columns).toHaveLength(5);
    expect(Array.from(decode(s.columns[b]))).toEqual([1, 2, 4]);
  });

  it('the store encodes a series it already holds no more (the sea level of runs read from separate folders)', () => {
    let encodes = 0;
    const s = new ColumnStore({
      column: (v, scale, maxStep) => {
        encodes++;
        return encodeColumn(v, scale, maxStep);
      },
      bytes: (v) => {
        encodes++;
        return encodeBytes(v);
      },
    });
    const sea = () => Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i / 50));
    const k = s.series(sea(), 1, 1e-3);
    expect([s.series(sea(), 1, 1e-3), s.series(sea().subarray(0, 1000), 1, 1e-3)]).toEqual([k, k]);
    const m = s.bytes(Uint8Array.from([1, 2]));
    expect(s.bytes(Uint8Array.from([1, 2]))).toBe(m);
    expect(encodes).toBe(2);
    // Part of a series is another series.
    expect(s.series(sea().subarray(1), 1, 1e-3)).not.toBe(k);
    expect(encodes).toBe(3);
  });
});

describe('a comparison of three year-long runs of the same 2018 tide at 5-minute steps', () => {
  it('is a page under 6 MB (2.5), holds the common sea level once and every run decodes to within half a step', () => {
    const runs = [
      reportRun({ name: 'default' }),
      reportRun({ name: 'ebb-only', edit: asEbbOnly }),
      reportRun({
        name: 'higher start heads',
        edit: (s) => {
          s.operation.ebb!.start_head_m += 0.5;
          s.operation.flood!.start_head_m += 0.5;
        },
      }),
    ];
    for (const r of runs) {
      expect(r.result.sea.dt).toBe(300);
      expect(r.result.summary.period_days).toBeGreaterThan(364);
    }
    // Under 6 MB; the columns deflated (second differences of the 16-bit levels) take it under 2.5 MB.
    expect(reportHtml(runs, { toolVersion: 'test' }).length).toBeLessThan(2.5e6);
    const { series, columns } = runSeries(runs);
    expect(new Set(series.map((s) => s.cols.sea)).size).toBe(1); // one tide: one sea-level column
    expect(new Set(series.map((s) => s.cols.basin)).size).toBe(3);
    runs.forEach((r, k) => {
      const c = columns[series[k].cols.basin];
      expect(c.step!).toBeLessThanOrEqual(LEVEL_STEP_M);
      const v = decode(c);
      let worst = 0;
      for (let i = 0; i < v.length; i++) worst = Math.max(worst, Math.abs(v[i] - r.result.series.basinLevel[i]));
      expect(worst).toBeLessThanOrEqual(c.step! / 2 + 1e-9);
    });
  });
});
