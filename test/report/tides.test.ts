import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/paths.js';
import { rangeHalfTides, type SeaExcursion, seaExcursions } from '../../src/report/tide-ranges.js';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/simulate.js';
import type { HalfTide } from '../../src/solver/ledger.js';
import { countTides, slackWaters, tideTurns } from '../../src/tide/turning-points.js';

const M2 = 44714.1644; // s (12.4206 h)
const S2 = 43200; // s

function synthetic(dt: number, days: number, f: (t: number) => number) {
  const n = Math.floor((days * 86400) / dt) + 1;
  return { t0: 1.5e9, dt, level: Float64Array.from({ length: n }, (_, i) => f(i * dt)) };
}

function halfTide(start: number, end: number, half: 'ebb' | 'flood', generated = 1, partial = false): HalfTide {
  return { start, end, half, modes: [], generated, pumped: 0, peakPower: 0, peakPumpPower: 0, partial };
}

describe('falls and rises of the sea level', () => {
  it('a pure M2 tide of amplitude A: falls and rises of 2A alternating, from crest to trough and back', () => {
    const A = 3.2;
    const sea = synthetic(60, 30, (t) => 0.4 + A * Math.cos((2 * Math.PI * t) / M2));
    const ex = seaExcursions(sea);
    // Crests at k*M2 for k = 0..57 within 30 days; the crest at t = 0 starts the series on a fall, so it is not found.
    const highs = Math.floor((30 * 86400) / M2);
    expect(ex.length).toBe(2 * (highs - 1));
    ex.forEach((e, k) => {
      expect(e.half).toBe(k % 2 === 0 ? 'ebb' : 'flood');
      if (k > 0) expect(e.start).toBe(ex[k - 1].end);
      expect(e.range_m).toBeGreaterThan(2 * A * Math.cos((Math.PI * 60) / M2) - 1e-12); // crest and trough sampled within half a step (30 s) of the true ones
      expect(e.range_m).toBeLessThanOrEqual(2 * A + 1e-12);
      const crest = e.half === 'ebb' ? e.start : e.end;
      const phase = ((crest - sea.t0) / M2) % 1;
      expect(Math.min(phase, 1 - phase) * M2).toBeLessThanOrEqual(30); // within half a 60 s step of a crest
      expect(e.end - e.start).toBeGreaterThan(M2 / 2 - 61);
      expect(e.end - e.start).toBeLessThan(M2 / 2 + 61);
    });
  });

  it('M2 + S2: the falls follow the spring-neap envelope between 2(a1 - a2) and 2(a1 + a2)', () => {
    const a1 = 3;
    const a2 = 1;
    const sea = synthetic(300, 60, (t) => a1 * Math.cos((2 * Math.PI * t) / M2) + a2 * Math.cos((2 * Math.PI * t) / S2));
    const ranges = seaExcursions(sea).map((e) => e.range_m);
    expect(Math.max(...ranges)).toBeGreaterThan(2 * (a1 + a2) * 0.99);
    expect(Math.max(...ranges)).toBeLessThanOrEqual(2 * (a1 + a2) + 1e-9);
    expect(Math.min(...ranges)).toBeLessThan(2 * (a1 - a2) * 1.02);
    expect(Math.min(...ranges)).toBeGreaterThan(2 * (a1 - a2) * 0.98);
  });

  it('wiggles smaller than the hysteresis band do not make extra tides', () => {
    const sea = synthetic(60, 10, (t) => 2 * Math.cos((2 * Math.PI * t) / M2) + 0.3 * Math.cos((2 * Math.PI * t) / 1800));
    const clean = synthetic(60, 10, (t) => 2 * Math.cos((2 * Math.PI * t) / M2));
    expect(tideTurns(sea.level).high.length).toBe(tideTurns(clean.level).high.length);
  });
});

describe('half tides paired with the sea excursion they belong to', () => {
  // Falls and rises of 6 h, alternating, with ranges 1, 2, 3, ... m.
  const H = 6 * 3600;
  const ex: SeaExcursion[] = Array.from({ length: 8 }, (_, k) => ({
    half: k % 2 === 0 ? 'ebb' : 'flood',
    start: k * H,
    end: (k + 1) * H,
    range_m: k + 1,
  }));

  it('each half tide gets the excursion of its own side it overlaps longest, even when it lags the sea by most of an excursion', () => {
    for (const lag of [0, 0.3 * H, 0.49 * H]) {
      const tides = Array.from({ length: 7 }, (_, k) => halfTide(k * H + lag, (k + 1) * H + lag, k % 2 === 0 ? 'ebb' : 'flood'));
      expect(rangeHalfTides(tides, ex).map((p) => p.excursion.range_m)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    }
  });

  it('a half tide that spans a skipped tide takes the excursion it overlaps longest; other sides never count', () => {
    const long = halfTide(2.2 * H, 4.9 * H, 'ebb'); // overlaps the fall of range 3 for 0.8 H, the fall of range 5 for 0.9 H
    expect(rangeHalfTides([long], ex).map((p) => p.excursion.range_m)).toEqual([5]);
  });

  it('leaves out the half tides cut by the period and those beyond the excursions', () => {
    const tides = [
      halfTide(-H, 0.5 * H, 'ebb', 1, true),
      halfTide(0.5 * H, 1.5 * H, 'flood'),
      halfTide(8 * H, 9 * H, 'flood'),
      halfTide(9 * H, 9.5 * H, 'ebb', 1, true),
    ];
    expect(rangeHalfTides(tides, ex).map((p) => [p.tide.half, p.excursion.range_m])).toEqual([['flood', 2]]);
  });

  it('on the Mersey run (two-way with pumping): every complete half tide centred inside the excursions gets one of its own, none twice, and net energy grows with the range', () => {
    const r = simulate(loadScenario(DEFAULT_SCENARIO));
    const exc = seaExcursions(r.sea);
    // Falls and rises bounded by the high waters the summary counts: it counts upward passages, and the last may still be rising at the end.
    const highs = tideTurns(r.sea.level).high.length;
    expect(exc.length).toBe(2 * (highs - 1));
    // The tide count agrees with the other rule's high waters (the retreat rule, found independently)
    // to one at either end of the year.
    const retreatHighs = slackWaters(r.sea).filter((w) => w.kind === 'high').length;
    expect(retreatHighs).toBeGreaterThan(700);
    expect(Math.abs(countTides(r.sea.level) - retreatHighs)).toBeLessThanOrEqual(1);
    const pts = rangeHalfTides(r.halfTides, exc);
    const first = exc[0].start;
    const last = exc[exc.length - 1].end;
    const inside = r.halfTides.filter((h) => !h.partial && (h.start + h.end) / 2 > first && (h.start + h.end) / 2 < last);
    expect(pts.length).toBe(inside.length);
    expect(new Set(pts.map((p) => p.excursion)).size).toBe(pts.length);
    for (const p of pts) expect(p.excursion.half).toBe(p.tide.half);
    // The ledger holds the run's net energy, and the points nearly all of it (measured: 99.8 %).
    const net = (h: HalfTide) => h.generated - h.pumped;
    const total = r.halfTides.reduce((a, h) => a + net(h), 0);
    expect(Math.abs(total - (r.totals.energy - r.totals.pumpEnergy)) / total).toBeLessThan(1e-9);
    expect(pts.reduce((a, p) => a + net(p.tide), 0) / total).toBeGreaterThan(0.99);
    // Larger tides give more: the net energy of the larger half of the half tides of each side exceeds the smaller half's by half again (measured: 1.73 ebb, 2.07 flood).
    for (const half of ['ebb', 'flood'] as const) {
      const sorted = pts.filter((p) => p.tide.half === half).sort((a, b) => a.excursion.range_m - b.excursion.range_m);
      const mid = Math.floor(sorted.length / 2);
      const e = (xs: typeof sorted) => xs.reduce((a, p) => a + net(p.tide), 0);
      expect(e(sorted.slice(mid)), half).toBeGreaterThan(1.5 * e(sorted.slice(0, mid)));
    }
  });
});
