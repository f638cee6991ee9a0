/**
 * `cruise`, the hot loop's common case, is a shortcut through advance's general loop: turned off,
 * every step goes through the general loop, and the run must be the same to the last bit.
 */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/load.js';
import { integrate } from '../../src/solver/integrate.js';
import { ModeLog } from '../../src/solver/mode-log.js';
import { allocateSeries } from '../../src/solver/types.js';
import { LAGOON, LIBAUX, MERSEY } from '../fixtures.js';

/** Two weeks at 10-minute steps, optionally with ramps and minimum mode durations (which cruise leaves to the general loop). */
function fortnight(file: string, slow = false) {
  const s = loadScenario(file);
  if (slow) s.operation = { ...s.operation, ramp_s: 900, min_duration_s: { generate: 3600, pump: 0, sluice: 1200, hold: 0 } };
  s.period = { start: '2018-03-01T00:00:00Z', end: '2018-03-15T00:00:00Z' };
  s.time_step_s = 600;
  return buildRun(s);
}

const bits = (a: Float64Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');

describe('cruise off', () => {
  const cases: [string, boolean][] = [
    [MERSEY, false],
    [MERSEY, true],
    [LIBAUX, false],
    [LAGOON, false],
  ];
  for (const [file, slow] of cases) {
    it(`${file.split('/').pop()}${slow ? ' with ramps and minimum durations' : ''}: the same run to the last bit`, () => {
      const { sea, scheme, ops } = fortnight(file, slow);
      const n = sea.level.length;
      const a = allocateSeries(n);
      const b = allocateSeries(n);
      const la = new ModeLog();
      const lb = new ModeLog();
      const ta = integrate(sea, scheme, ops, { series: a, log: la });
      const tb = integrate(sea, scheme, ops, { series: b, log: lb, cruise: false });
      expect(ta.switches).toBeGreaterThan(50);
      // Pumping has a longest time, which cruise stops short of (the step it ends in is the general loop's).
      if (file === MERSEY) expect(ops.maxDuration.some(Number.isFinite)).toBe(true);
      for (const key of Object.keys(a) as (keyof typeof a)[]) expect(bits(b[key]), key).toBe(bits(a[key]));
      for (const key of Object.keys(ta) as (keyof typeof ta)[]) {
        const x = ta[key];
        const y = tb[key];
        if (typeof x === 'number') expect(Object.is(x, y), `${key}: ${x} vs ${y}`).toBe(true);
        else expect(bits(y as Float64Array), key).toBe(bits(x));
      }
      expect(lb.count).toBe(la.count);
      for (const key of ['start', 'mode', 'generated', 'pumped'] as const)
        expect(bits(lb[key].subarray(0, lb.count)), key).toBe(bits(la[key].subarray(0, la.count)));
    });
  }
});
