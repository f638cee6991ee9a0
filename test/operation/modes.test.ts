/**
 * The operation state machine: the cycles it builds, and what each option does to a run (checked
 * on the basin's behaviour, not on code paths).
 */
import { describe, expect, it } from 'vitest';
import { type FixedHeadOptions, fixedHeadCycle } from '../../src/operation/fixed-head.js';
import { buildModeTable } from '../../src/operation/modes.js';
import { constantAreaBasin } from '../../src/scheme/basin.js';
import { integrate } from '../../src/solver/integrate.js';
import { ModeLog } from '../../src/solver/mode-log.js';
import { LEVEL_TOL } from '../../src/solver/tolerances.js';
import { allocateSeries, type SchemeModel, type StepSeries } from '../../src/solver/types.js';
import { TWO_WAY_PUMPING_MODES } from '../fixtures.js';
import { idealTurbine, PERIOD, sinusoid } from '../ideal.js';

const names = (o: FixedHeadOptions) => fixedHeadCycle(o).names;
const c = { startHead: 2, endHead: 1 };
const cp = { startHead: 2, endHead: 1, pumpToHead: 0.5 };

describe('fixed-head cycles', () => {
  it('builds the standard cycles, pumping at slack water when asked', () => {
    expect(names({ ebb: c })).toEqual(['fill', 'hold-high', 'generate-ebb', 'hold-low']);
    expect(names({ flood: c })).toEqual(['drain', 'hold-low', 'generate-flood', 'hold-high']);
    expect(names({ ebb: cp })).toEqual(['fill', 'pump-high', 'hold-high', 'generate-ebb', 'hold-low']);
    expect(names({ ebb: c, flood: c })).toEqual(['fill', 'hold-high', 'generate-ebb', 'drain', 'hold-low', 'generate-flood']);
    expect(names({ ebb: cp, flood: cp })).toEqual(TWO_WAY_PUMPING_MODES);
  });

  it('makes the flood half the mirror image of the ebb half', () => {
    const t = fixedHeadCycle({ ebb: cp, flood: cp, limits: { basinMin: -3, basinMax: 3, turbineMinLevel: -3.5 } });
    for (let m = 0; m < 4; m++) {
      const f = m + 4;
      // (+ 0: -0 and 0 are the same value here)
      for (const k of ['exitHead', 'exitDir', 'generate', 'pump', 'half'] as const) expect(t[k][f] + 0, k).toBe(-t[k][m] + 0);
      expect([t.sluice[f], t.idle[f], t.minDuration[f]]).toEqual([t.sluice[m], t.idle[m], t.minDuration[m]]);
    }
    expect(t.next[t.names.indexOf('generate-ebb')]).toBe(t.names.indexOf('drain'));
    expect(t.next[t.names.indexOf('generate-flood')]).toBe(t.names.indexOf('fill'));
  });

  it('refuses what cannot run', () => {
    expect(() => fixedHeadCycle({})).toThrow(/at least one generating direction/);
    expect(() => fixedHeadCycle({ ebb: { startHead: 2, endHead: 2 } })).toThrow(
      /end head: expected less than the start head \(2 m\), got 2 m/,
    );
    expect(() => fixedHeadCycle({ ebb: { startHead: 2, endHead: 1, pumpToHead: 3 } })).toThrow(
      /pumping target head: expected less than the start head/,
    );
    expect(() => buildModeTable([{ name: 'a', exitDir: 1, exitHead: 0, next: 'b' }])).toThrow(/unknown mode b/);
    expect(() => buildModeTable([{ name: 'a', exitDir: 1, exitHead: 0, next: 'a', generate: 1, pump: -1 }])).toThrow(
      /cannot generate and pump at once/,
    );
  });
});

describe('options, by their effect on a run', () => {
  const area = 1e7;
  const scheme: SchemeModel = {
    basin: constantAreaBasin(area, -20, 20),
    turbine: idealTurbine(800, { efficiency: 0.9, pump: { efficiency: 0.8, power: 2e7, maxFlow: 2000 } }),
    turbineCount: 1,
    sluiceCdA: 5e3,
  };
  const sea = sinusoid(2, PERIOD, 60, 3);
  function run(o: FixedHeadOptions): { series: StepSeries; log: ModeLog; names: readonly string[]; energy: number } {
    const ops = fixedHeadCycle(o);
    const series = allocateSeries(sea.level.length);
    const log = new ModeLog();
    const t = integrate(sea, scheme, ops, { series, log });
    return { series, log, names: ops.names, energy: t.energy };
  }
  /** [start, end] of every segment of the named mode that lasted (s since t0). */
  function spans(r: ReturnType<typeof run>, mode: string): [number, number][] {
    const out: [number, number][] = [];
    for (let k = 0; k < r.log.count; k++) {
      const end = k + 1 < r.log.count ? r.log.start[k + 1] : r.log.end;
      if (r.names[r.log.mode[k]] === mode && end > r.log.start[k]) out.push([r.log.start[k] - sea.t0, end - sea.t0]);
    }
    return out;
  }

  it('minimum durations: holding lasts at least its minimum, then ends at once if its head was passed', () => {
    const free = spans(run({ ebb: c }), 'hold-high');
    const held = spans(run({ ebb: c, minDuration: { hold: 4 * 3600 } }), 'hold-high');
    expect(free.some(([a, b]) => b - a < 4 * 3600)).toBe(true); // without the option some holds are shorter
    for (const [a, b] of held.slice(0, -1)) expect(b - a).toBeGreaterThanOrEqual(4 * 3600 - 1e-6);
    // Generation, once due, follows at the end of the minimum hold.
    expect(held.filter(([a, b]) => Math.abs(b - a - 4 * 3600) < 1e-6).length).toBeGreaterThan(0);
  });

  it('ramp: power rises smoothly after a switch, and a vanishing ramp gives the sharp result', () => {
    const sharp = run({ ebb: c });
    const ramped = run({ ebb: c, ramp: 1800 });
    const gen = ramped.names.indexOf('generate-ebb');
    // The first whole steps after each switch into generation climb gradually: no step holds more
    // than a small part of the power reached a ramp later.
    let checked = 0;
    for (let k = 1; k < ramped.log.count; k++) {
      if (ramped.log.mode[k] !== gen) continue;
      const i = Math.ceil((ramped.log.start[k] - sea.t0) / sea.dt);
      if (i + 40 >= sea.level.length) continue;
      const later = ramped.series.power[i + 30];
      expect(ramped.series.power[i]).toBeLessThan(0.05 * later);
      expect(ramped.series.power[i + 5]).toBeLessThan(0.2 * later);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    const tiny = run({ ebb: c, ramp: 1 });
    expect(Math.abs(tiny.energy / sharp.energy - 1)).toBeLessThan(1e-3);
    expect(ramped.energy).not.toBe(sharp.energy);
  });

  it('sluicing while generating opens the sluices during generation, which ends sooner and yields less', () => {
    const plain = run({ ebb: c });
    const parallel = run({ ebb: { ...c, sluiceWhileGenerating: true } });
    const gen = plain.names.indexOf('generate-ebb');
    const duringGen = (r: ReturnType<typeof run>) => {
      let q = 0;
      for (let i = 0; i + 1 < sea.level.length; i++)
        if (r.series.mode[i] === gen && r.series.mode[i + 1] === gen) q += Math.abs(r.series.sluiceFlow[i]);
      return q;
    };
    expect(duringGen(plain)).toBe(0);
    expect(duringGen(parallel)).toBeGreaterThan(0);
    const length = (r: ReturnType<typeof run>) => spans(r, 'generate-ebb').reduce((a, [s, e]) => a + e - s, 0);
    expect(length(parallel)).toBeLessThan(length(plain));
    expect(parallel.energy).toBeLessThan(plain.energy);
  });

  it('basin level bounds: sluicing and pumping stop at them', () => {
    const free = run({ ebb: cp, flood: cp });
    const bounded = run({ ebb: cp, flood: cp, limits: { basinMin: -1.2, basinMax: 1.2 } });
    const range = (s: StepSeries) => [Math.min(...s.basinLevel), Math.max(...s.basinLevel)];
    expect(range(free.series)[1]).toBeGreaterThan(1.5);
    expect(range(free.series)[0]).toBeLessThan(-1.5);
    // Exits are located by interpolation inside a step: the bound holds to the solver's level tolerance.
    const [lo, hi] = range(bounded.series);
    expect(hi).toBeLessThan(1.2 + LEVEL_TOL);
    expect(lo).toBeGreaterThan(-1.2 - LEVEL_TOL);
    expect(hi).toBeGreaterThan(1.2 - LEVEL_TOL); // and the basin does reach them
  });

  it('turbine submergence: no ebb generation while the sea is below the turbines’ lowest water level', () => {
    const limit = -1;
    const r = run({ ebb: { startHead: 1.5, endHead: 0.3 }, limits: { turbineMinLevel: limit } });
    const free = run({ ebb: { startHead: 1.5, endHead: 0.3 } });
    let belowFree = 0;
    for (let i = 0; i + 1 < sea.level.length; i++) {
      if (sea.level[i] < limit - 1e-9 && sea.level[i + 1] < limit - 1e-9) {
        expect(r.series.power[i]).toBe(0);
        if (free.series.power[i] > 0) belowFree++;
      }
    }
    expect(belowFree).toBeGreaterThan(0); // without the limit the turbines did run there
  });
});
