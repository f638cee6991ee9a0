/**
 * The loss chain and the waterfall, checked by physics: the stages close, every factor scales its
 * own stage and nothing else, the ideal chain is the solver's shaft run to the last bit, forced
 * outages converge to their expected availability, no pumping time is no pumping, and ramps
 * (which only open paths more slowly) do not add energy to the two-way default.
 */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { LossesSpec, Scenario } from '../../src/scenario/types.js';
import { generationFactor, IDEAL_CHAIN, pumpingFactor } from '../../src/scheme/losses.js';
import { inServiceFraction, outageAvailability } from '../../src/scheme/outages.js';
import { simulate } from '../../src/simulate.js';
import { integrate } from '../../src/solver/integrate.js';
import { LIBAUX, MERSEY } from '../fixtures.js';

const IDEAL_LOSSES: LossesSpec = { water_passage: 1, gearbox: 1, generator: 1, transformer: 1, availability: 1 };

/** The default (two-way with pumping) over January 2018: a month keeps the suite fast. */
function month(file = MERSEY): Scenario {
  const s = loadScenario(file);
  return { ...s, period: { start: '2018-01-01T00:00:00Z', end: '2018-02-01T00:00:00Z' } };
}

const withLosses = (s: Scenario, l: Partial<LossesSpec>): Scenario => ({
  ...s,
  scheme: { ...s.scheme, losses: { ...s.scheme.losses, ...l } },
});

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

describe('the loss waterfall', () => {
  const r = simulate(month());
  const w = r.summary.waterfall;

  it('closes: hydraulic minus every loss is the exported energy, lift plus every addition the energy drawn, to 1e-9', () => {
    const gen = w.generation;
    expect(gen.map((s) => s.key)).toEqual([
      'hydraulic',
      'shaft',
      'water_passage',
      'gearbox',
      'generator',
      'transformer',
      'availability',
    ]);
    const lost = gen.reduce((a, s) => a + s.loss_annual_gwh, 0);
    expect(rel(gen[0].annual_gwh - lost, w.exported_annual_gwh)).toBeLessThan(1e-9);
    expect(rel(gen[gen.length - 1].annual_gwh, r.summary.annual_generated_energy_gwh)).toBeLessThan(1e-9);
    const pump = w.pumping;
    expect(pump.length).toBeGreaterThan(0);
    const added = pump.reduce((a, s) => a + s.loss_annual_gwh, 0);
    expect(rel(pump[0].annual_gwh + added, w.pumping_annual_gwh)).toBeLessThan(1e-9);
    expect(rel(pump[pump.length - 1].annual_gwh, r.summary.annual_pumping_energy_gwh)).toBeLessThan(1e-9);
    expect(rel(w.net_annual_gwh, r.summary.annual_energy_gwh)).toBeLessThan(1e-9);
  }, 60_000);

  it('every stage loses energy on the way to the grid; the turbine converts less than the water releases', () => {
    for (const s of w.generation.slice(1)) expect(s.loss_annual_gwh).toBeGreaterThan(0);
    const [hydraulic, shaft] = w.generation;
    expect(shaft.annual_gwh / hydraulic.annual_gwh).toBeGreaterThan(0.5);
    expect(shaft.annual_gwh / hydraulic.annual_gwh).toBeLessThan(1);
    // Pumping: the grid gives more than the shaft takes, the shaft more than the water gains.
    const [lift, pumpShaft] = w.pumping;
    expect(pumpShaft.annual_gwh).toBeGreaterThan(lift.annual_gwh);
  }, 60_000);

  it('each factor scales its own stage exactly and leaves the water and the shaft alone', () => {
    const base = r.summary; // the same month at the default chain, already run
    const halved = simulate(withLosses(month(), { generator: 0.485 })).summary;
    // The trajectory does not depend on the chain: hydraulic and shaft stages are the same run.
    expect(halved.waterfall.generation[0].energy_gwh).toBe(base.waterfall.generation[0].energy_gwh);
    expect(rel(halved.waterfall.generation[1].energy_gwh, base.waterfall.generation[1].energy_gwh)).toBeLessThan(1e-12);
    // Exported generation scales by the ratio of the factors; pumping, drawn through the motor, inversely.
    expect(rel(halved.generated_energy_gwh / base.generated_energy_gwh, 0.485 / 0.97)).toBeLessThan(1e-12);
    expect(rel(halved.pumping_energy_gwh / base.pumping_energy_gwh, 0.97 / 0.485)).toBeLessThan(1e-12);
    for (const key of ['water_passage', 'gearbox', 'transformer', 'availability'] as const) {
      const changed = simulate(withLosses(month(), { [key]: 0.5 })).summary;
      const before = base.waterfall.generation.find((s) => s.key === key)?.factor as number;
      expect(rel(changed.generated_energy_gwh / base.generated_energy_gwh, 0.5 / before)).toBeLessThan(1e-12);
    }
  }, 60_000);

  it('the ideal chain reproduces the shaft run of the solver to the last bit', () => {
    const s = withLosses(month(LIBAUX), IDEAL_LOSSES);
    const r1 = simulate(s);
    const inputs = buildRun(s);
    expect(inputs.scheme.powerFactors).toEqual({ generating: 1, pumping: 1 });
    const { powerFactors: _, ...bare } = inputs.scheme;
    const t = integrate(inputs.sea, bare, inputs.ops);
    expect(r1.totals.energy).toBe(t.energy);
    expect(r1.summary.waterfall.generation[1].energy_gwh).toBe(r1.summary.generated_energy_gwh);
    expect(generationFactor(IDEAL_CHAIN)).toBe(1);
    expect(pumpingFactor(IDEAL_CHAIN)).toBe(1);
  }, 60_000);
});

describe('forced outages (seeded, per unit)', () => {
  const spec = { rate: 4 / (365.25 * 86400), meanRepair: 48 * 3600, seed: 7 };

  it('the fraction in service stays in [0, 1], the same seed gives the same outages, and its mean tends to 1/(1 + rate*MTTR)', () => {
    // Ten years of hourly steps: about 1,100 outages of 2 days over the 28 units.
    const a = inServiceFraction(spec, 28, 87660, 3600);
    const b = inServiceFraction(spec, 28, 87660, 3600);
    expect(a).toEqual(b);
    let mean = 0;
    for (const x of a) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1 + 1e-12);
      mean += x;
    }
    mean /= a.length;
    // The mean is within a few of its standard errors (about 0.06 % for some 1,100 outages) of
    // the expected 0.9786.
    expect(Math.abs(mean - outageAvailability(spec))).toBeLessThan(0.003);
    const other = inServiceFraction({ ...spec, seed: 8 }, 28, 87660, 3600);
    expect(other).not.toEqual(a);
  }, 60_000);

  it('a run with outages exports what the realised availability says, and spreads with the seed', () => {
    const s = month();
    const outages = (seed: number) => withLosses(s, { outages: { rate_per_year: 20, mean_repair_h: 72, seed } });
    const none = simulate(withLosses(s, { availability: 1 })).summary;
    const a = simulate(outages(1)).summary;
    const b = simulate(outages(2)).summary;
    const availability = (x: typeof a) => x.waterfall.generation[6].factor as number;
    expect(rel(a.generated_energy_gwh, none.generated_energy_gwh * availability(a))).toBeLessThan(1e-9);
    expect(availability(a)).toBeLessThan(1);
    expect(a.generated_energy_gwh).not.toBe(b.generated_energy_gwh);
    // No outage at all leaves the solver's figures as they were, to the last bit.
    const never = simulate(withLosses(s, { outages: { rate_per_year: 0, mean_repair_h: 72, seed: 1 } })).summary;
    expect(never.generated_energy_gwh).toBe(none.generated_energy_gwh);
    expect(never.pumping_energy_gwh).toBe(none.pumping_energy_gwh);
  }, 60_000);
});

describe('switching and pumping limits', () => {
  it('a longest pumping time of 0 is no pumping', () => {
    const s = month();
    const zero = simulate({ ...s, operation: { ...s.operation, max_pump_duration_s: 0 } }).summary;
    const { pump_to_head_m: _e, ...ebb } = s.operation.ebb as NonNullable<Scenario['operation']['ebb']>;
    const { pump_to_head_m: _f, ...flood } = s.operation.flood as NonNullable<Scenario['operation']['flood']>;
    const none = simulate({ ...s, operation: { ...s.operation, ebb, flood } }).summary;
    expect(zero.energy_gwh).toBe(none.energy_gwh);
    expect(zero.pumping_energy_gwh).toBe(0);
  }, 60_000);

  it('a longer pumping time never pumps less', () => {
    const s = month();
    let last = -1;
    for (const t of [600, 1800, 3600, 7200]) {
      const p = simulate({ ...s, operation: { ...s.operation, max_pump_duration_s: t } }).summary.pumping_hours;
      expect(p).toBeGreaterThanOrEqual(last);
      last = p;
    }
  }, 60_000);

  it("longer ramps never increase the two-way default's energy", () => {
    const s = month();
    let last = Infinity;
    for (const ramp of [0, 360, 720, 1440, 2880]) {
      const e = simulate({ ...s, operation: { ...s.operation, ramp_s: ramp } }).summary.energy_gwh;
      expect(e).toBeLessThanOrEqual(last);
      last = e;
    }
  }, 60_000);
});

describe('nothing silently lost', () => {
  it('the ideal setting (every loss 1, no ramps, no minimum durations) gives the Libaux ebb-only run of before the loss chain: 1,075.40 GWh/yr', () => {
    // docs/losses.md, "The ideal setting". 1,075.4049 GWh/yr is the figure of this scenario before
    // issue 12 (shaft energy, sharp switches), the comparison point with other 0-D codes.
    const s = loadScenario(LIBAUX);
    const ideal: Scenario = {
      ...withLosses(s, IDEAL_LOSSES),
      operation: { ...s.operation, ramp_s: 0, min_duration_s: { generate: 0, pump: 0, sluice: 0, hold: 0 } },
    };
    const e = simulate(ideal).summary.annual_energy_gwh;
    expect(rel(e, 1075.4049132688)).toBeLessThan(1e-9);
  }, 60_000);
});
