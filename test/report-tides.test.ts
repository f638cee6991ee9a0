import { describe, expect, it } from 'vitest';
import { tideCycles, tideTurns } from '../src/report/tide-cycles.js';
import { countTides } from '../src/solver/accounting.js';
import { loadScenario } from '../src/scenario/load.js';
import { simulate } from '../src/simulate.js';
import { DEFAULT_SCENARIO } from '../src/paths.js';

const M2 = 44714.1644; // s (12.4206 h)
const S2 = 43200; // s

function synthetic(dt: number, days: number, f: (t: number) => number) {
  const n = Math.floor((days * 86400) / dt) + 1;
  return { t0: 1.5e9, dt, level: Float64Array.from({ length: n }, (_, i) => f(i * dt)) };
}

describe('tide cycles from the sea level', () => {
  it('a pure M2 tide of amplitude A: one cycle per M2 period, range 2A, high waters at the crests', () => {
    const A = 3.2;
    const sea = synthetic(60, 30, (t) => 0.4 + A * Math.cos((2 * Math.PI * t) / M2));
    const power = new Float64Array(sea.level.length);
    const { cycles } = tideCycles(sea, power);
    // Crests at k*M2 for k = 0..57 within 30 days; the crest at t = 0 starts the series on a fall, so it is not found.
    expect(cycles.length).toBe(Math.floor((30 * 86400) / M2) - 1);
    for (const c of cycles) {
      expect(c.range_m).toBeGreaterThan(2 * A * Math.cos((Math.PI * 60) / M2) - 1e-12); // crest and trough sampled within half a step (30 s) of the true ones
      expect(c.range_m).toBeLessThanOrEqual(2 * A + 1e-12);
      const phase = ((c.time - sea.t0) / M2) % 1;
      expect(Math.min(phase, 1 - phase) * M2).toBeLessThanOrEqual(30); // within half a 60 s step of a crest
    }
  });

  it('M2 + S2: the range follows the spring-neap envelope between 2(a1 - a2) and 2(a1 + a2)', () => {
    const a1 = 3;
    const a2 = 1;
    const sea = synthetic(300, 60, (t) => a1 * Math.cos((2 * Math.PI * t) / M2) + a2 * Math.cos((2 * Math.PI * t) / S2));
    const { cycles } = tideCycles(sea, new Float64Array(sea.level.length));
    const ranges = cycles.map((c) => c.range_m);
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

  it('on the Mersey run: the cycles and the energy outside them add up to the total, and the count agrees with the summary', () => {
    const r = simulate(loadScenario(DEFAULT_SCENARIO));
    const { cycles, outsideEnergy_j } = tideCycles(r.sea, r.series.power);
    const sum = cycles.reduce((a, c) => a + c.energy_j, 0) + outsideEnergy_j;
    expect(Math.abs(sum - r.totals.energy) / r.totals.energy).toBeLessThan(1e-12);
    // The summary counts upward passages; the last may still be rising at the end of the series.
    const highs = tideTurns(r.sea.level).high.length;
    expect(countTides(r.sea.level) - highs).toBeGreaterThanOrEqual(0);
    expect(countTides(r.sea.level) - highs).toBeLessThanOrEqual(1);
    expect(cycles.length).toBe(highs - 1);
    // Ebb-only generation grows with range: the energy of the larger half of tides exceeds the smaller half.
    const sorted = [...cycles].sort((a, b) => a.range_m - b.range_m);
    const half = Math.floor(sorted.length / 2);
    const e = (xs: typeof cycles) => xs.reduce((a, c) => a + c.energy_j, 0);
    expect(e(sorted.slice(half))).toBeGreaterThan(2 * e(sorted.slice(0, half)));
  });
});
