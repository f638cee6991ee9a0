/**
 * The turbine fields of a scenario (scheme.turbines): each curve kind loads with its defaults and
 * builds the table the solver reads; bad fields give one message naming the JSON path, what was
 * expected with its unit, and what was found.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/scenario/build.js';
import { scenarioFromObject } from '../../src/scenario/load.js';
import { buildTurbine, turbineDataFiles } from '../../src/scenario/turbines.js';
import type { Scenario } from '../../src/scenario/types.js';
import { aggidisFeatherPoint } from '../../src/scheme/aggidis-feather.js';
import { LIBAUX, scenarioProblems as problems, scratch } from '../fixtures.js';

const tmp = scratch();

const base = () => JSON.parse(readFileSync(LIBAUX, 'utf8'));

function load(obj: unknown): Scenario {
  return scenarioFromObject(obj, 'models/x.json', dirname(LIBAUX));
}

/** The Libaux ebb-only barrage with its turbines' curve (and optionally pumping) replaced. */
function withCurve(curve: object, pumping?: object) {
  const o = base();
  o.scheme.turbines.curve = curve;
  if (pumping !== undefined) o.scheme.turbines.pumping = pumping;
  return o;
}

const AF = { kind: 'aggidis-feather', rated_power_mw: 25, generator_poles: 95 };

describe('turbine curve kinds in a scenario', () => {
  it('aggidis-feather: fills the defaults and builds the table from the formulas', () => {
    const s = load(withCurve(AF));
    expect(s.scheme.turbines.curve).toEqual({
      kind: 'aggidis-feather',
      rated_power_mw: 25,
      generator_poles: 95,
      grid_frequency_hz: 50,
      flood_efficiency_factor: 0.9,
    });
    const t = buildTurbine(s.scheme.turbines, s.scheme.losses);
    expect(t.ratedPower).toBe(25e6);
    expect(t.diameter).toBe(8);
    expect(t.pump).toBeNull();
    const spec = { diameter: 8, poles: 95, gridFrequency: 50, ratedPower: 25e6 };
    expect(t.ebb.power[350]).toBe(aggidisFeatherPoint(spec, 3.5).power);
    expect(t.flood.power[350]).toBe(aggidisFeatherPoint(spec, 3.5, 0.9).power);
  });

  it('aggidis-feather: the drive-train fields moved to scheme.losses are refused, naming where they went', () => {
    const p = problems(withCurve({ ...AF, gearbox_efficiency: 0.97 }));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/scheme\.turbines\.curve\.gearbox_efficiency: unknown field/);
  });

  it('losses: the defaults are the chain of Aggidis & Benzon (2013)', () => {
    expect(load(base()).scheme.losses).toEqual({
      water_passage: 0.95,
      gearbox: 0.972,
      generator: 0.97,
      transformer: 0.995,
      availability: 0.95,
    });
  });

  it('ideal: defaults Cd 1, efficiency 1, no flood loss', () => {
    const s = load(withCurve({ kind: 'ideal', rated_power_mw: 40 }));
    expect(s.scheme.turbines.curve).toEqual({
      kind: 'ideal',
      rated_power_mw: 40,
      discharge_coefficient: 1,
      efficiency: 1,
      flood_efficiency_factor: 1,
    });
    const t = buildTurbine(s.scheme.turbines, s.scheme.losses);
    expect(t.flood).toBe(t.ebb);
    expect(t.ratedPower).toBe(40e6);
  });

  it('chart: the Libaux scenario keeps its chart figures, scaled by (8/9)^2', () => {
    const s = load(base());
    expect(s.scheme.turbines.curve).toMatchObject({ kind: 'chart', chart_diameter_m: 9, flood_efficiency_factor: 0.9 });
    const t = buildRun(s).scheme.turbine;
    // data/bulb-turbine-9m-hill-chart.csv: 25.0556 MW and 683 m3/s at 5 m; 38.9 MW rated.
    expect(t.ebb.power[500]).toBeCloseTo(25.0556e6 * (64 / 81), 0);
    expect(t.ebb.flow[500]).toBeCloseTo(683 * (64 / 81), 9);
    expect(t.ratedPower).toBeCloseTo(38.9e6 * (64 / 81), 0);
  });

  it('pumping (model ideal-0d) with a constant efficiency: defaults to the rated power and the largest generating flow', () => {
    const s = load(withCurve(AF, { model: 'ideal-0d', efficiency: 0.8 }));
    const t = buildTurbine(s.scheme.turbines, s.scheme.losses);
    const pump = t.pump!;
    expect(pump.flow[0]).toBe(Math.max(...t.ebb.flow));
    expect(pump.power[0]).toBe(0);
    const k = 600; // 6 m lift: full power
    expect(pump.power[k]).toBeCloseTo(25e6, 3);
    expect(pump.flow[k]).toBeCloseTo((0.8 * 25e6) / (1025 * 9.81 * 6), 9);
  });

  it('pumping (model ideal-0d) with an efficiency by lift, its own power and flow capacity', () => {
    const s = load(
      withCurve(AF, {
        model: 'ideal-0d',
        efficiency_by_lift: { lift_m: [0, 2, 4], efficiency: [0.5, 0.7, 0.9] },
        power_mw: 20,
        max_flow_m3s: 300,
      }),
    );
    const pump = buildTurbine(s.scheme.turbines, s.scheme.losses).pump!;
    expect(pump.flow[0]).toBe(300);
    // 3 m lift: efficiency 0.8; full-power flow 0.8*20e6/(rho*g*3) = 530 m3/s > 300: the capacity binds.
    expect(pump.flow[300]).toBe(300);
    expect(pump.power[300]).toBeCloseTo((1025 * 9.81 * 300 * 3) / 0.8, 3);
  });

  it('pumping by default: the losses model, capacity the turbine flow at 2.5 m, friction from the water passage', () => {
    const s = load(withCurve(AF, {}));
    expect(s.scheme.turbines.pumping).toEqual({ model: 'losses', capacity_head_m: 2.5 });
    const t = buildTurbine(s.scheme.turbines, s.scheme.losses);
    const pump = t.pump!;
    const capacity = t.ebb.flow[250];
    expect(pump.flow[0]).toBeCloseTo(capacity, 9);
    // Zero lift: friction (1 - 0.95) * 2.5 m at the capacity, the log efficiency held at 0.4.
    expect(pump.power[0]).toBeCloseTo((1025 * 9.81 * capacity * 0.125) / 0.4, 3);
    // 2 m lift: total head 2.125 m, efficiency 0.2841 ln(2.125) + 0.6027.
    const eta = 0.2841 * Math.log(2.125) + 0.6027;
    expect(pump.power[200]).toBeCloseTo((1025 * 9.81 * capacity * 2.125) / eta, 3);
  });

  it('pumping from a chart: lift, flow and power scaled by (D/D0)^2, recorded as a data file', () => {
    const dir = tmp();
    const file = join(dir, 'pump.csv');
    writeFileSync(file, 'lift_m,flow_m3s,power_mw\n0,500,2\n2,450,10\n4,300,14\n');
    const s = load(withCurve(AF, { chart_file: file, chart_diameter_m: 9 }));
    const t = buildTurbine(s.scheme.turbines, s.scheme.losses);
    const scale = (8 / 9) ** 2;
    expect(t.pump!.flow[200]).toBeCloseTo(450 * scale, 9);
    expect(t.pump!.power[100]).toBeCloseTo(6e6 * scale, 3);
    expect(turbineDataFiles(s.scheme.turbines)).toContain(file);
  });

  it('resolves the chart file and records it as a data file; the parametric kinds read none', () => {
    const chart = load(base()).scheme.turbines;
    expect(turbineDataFiles(chart)).toEqual([
      fileURLToPath(new URL('../../data/bulb-turbine-9m-hill-chart.csv', import.meta.url)),
    ]);
    expect(turbineDataFiles(load(withCurve({ kind: 'ideal', rated_power_mw: 40 })).scheme.turbines)).toEqual([]);
  });
});

describe('bad turbine fields: one message each, naming the JSON path and unit', () => {
  const cases: [string, object, RegExp][] = [
    [
      'unknown kind, with a suggestion',
      { ...AF, kind: 'aggidis-feathers' },
      /^models\/x\.json: scheme\.turbines\.curve\.kind: expected one of "chart", "aggidis-feather", "ideal", got "aggidis-feathers"; did you mean "aggidis-feather"\?$/,
    ],
    [
      'negative rated power',
      { ...AF, rated_power_mw: -25 },
      /scheme\.turbines\.curve\.rated_power_mw: expected a number > 0 and <= 1000 \(megawatts\), got -25$/,
    ],
    [
      'fractional poles',
      { ...AF, generator_poles: 95.5 },
      /scheme\.turbines\.curve\.generator_poles: expected a whole number >= 2 and <= 1000 \(poles\), got 95\.5; give a whole number, without a decimal part$/,
    ],
    [
      'grid frequency as text',
      { ...AF, grid_frequency_hz: '50' },
      /scheme\.turbines\.curve\.grid_frequency_hz: expected a number > 0 and <= 400 \(hertz\), got "50"; write the number without quotes$/,
    ],
    [
      'flood factor above 1',
      { ...AF, flood_efficiency_factor: 1.2 },
      /scheme\.turbines\.curve\.flood_efficiency_factor: expected a number > 0 and <= 1 \(dimensionless\), got 1\.2$/,
    ],
    [
      'efficiency of zero',
      { kind: 'ideal', rated_power_mw: 10, efficiency: 0 },
      /scheme\.turbines\.curve\.efficiency: expected a number > 0 and <= 1 \(dimensionless\), got 0$/,
    ],
    [
      'missing rated power',
      { kind: 'ideal' },
      /scheme\.turbines\.curve\.rated_power_mw: missing: this field is required, a number > 0 and <= 1000 \(megawatts\)$/,
    ],
    [
      'a field of another kind',
      { ...AF, chart_diameter_m: 9 },
      /scheme\.turbines\.curve\.chart_diameter_m: unknown field; expected one of kind, rated_power_mw/,
    ],
    [
      'a misspelt field',
      { ...AF, generator_pole: 95 },
      /scheme\.turbines\.curve\.generator_pole: unknown field; did you mean "generator_poles"\?$/,
    ],
  ];
  for (const [what, curve, message] of cases) {
    it(what, () => {
      const p = problems(withCurve(curve));
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(message);
    });
  }

  it('a missing kind is reported once', () => {
    const p = problems(withCurve({ rated_power_mw: 25 }));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^models\/x\.json: scheme\.turbines\.curve\.kind: missing: this field is required/);
  });

  const pumpCases: [string, object, RegExp][] = [
    [
      'both efficiencies',
      { efficiency: 0.8, efficiency_by_lift: { lift_m: [0, 1], efficiency: [0.6, 0.8] } },
      /got both; give neither/,
    ],
    ['a chart without its diameter', { chart_file: 'pump.csv' }, /a pump chart needs both "chart_file" and "chart_diameter_m"/],
    [
      'efficiency above 1',
      { efficiency: 1.1 },
      /scheme\.turbines\.pumping\.efficiency: expected a number > 0 and <= 1 \(dimensionless\), got 1\.1$/,
    ],
    [
      'negative capacity',
      { efficiency: 0.8, max_flow_m3s: -1 },
      /scheme\.turbines\.pumping\.max_flow_m3s: expected a number > 0 and <= 10000 \(cubic metres per second\), got -1$/,
    ],
    [
      'negative lift',
      { efficiency_by_lift: { lift_m: [-1, 1], efficiency: [0.6, 0.8] } },
      /scheme\.turbines\.pumping\.efficiency_by_lift\.lift_m\[0\]: expected a number >= 0 and <= 50 \(metres\), got -1$/,
    ],
    [
      'lifts out of order',
      { efficiency_by_lift: { lift_m: [0, 2, 1], efficiency: [0.5, 0.7, 0.6] } },
      /scheme\.turbines\.pumping\.efficiency_by_lift\.lift_m\[2\]: expected lifts in increasing order, got 1 m after 2 m$/,
    ],
    [
      'lengths differ',
      { efficiency_by_lift: { lift_m: [0, 1, 2], efficiency: [0.5, 0.7] } },
      /scheme\.turbines\.pumping\.efficiency_by_lift: expected as many efficiencies as lifts \(3\), got 2$/,
    ],
    [
      'a one-point curve',
      { efficiency_by_lift: { lift_m: [1], efficiency: [0.7] } },
      /scheme\.turbines\.pumping\.efficiency_by_lift\.lift_m: expected a list of at least 2 values, got \[1\]$/,
    ],
  ];
  for (const [what, pumping, message] of pumpCases) {
    it(`pumping: ${what}`, () => {
      const p = problems(withCurve(AF, pumping));
      expect(p.length).toBeGreaterThanOrEqual(1);
      expect(p[0]).toMatch(message);
    });
  }
});
