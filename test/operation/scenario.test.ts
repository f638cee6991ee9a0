/**
 * The operation, basin and sluice parts of scenario files: what they accept, and one clear message
 * per problem (file, JSON path, what was expected, what was found, how to fix it).
 */

import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOperation, buildRun } from '../../src/scenario/build.js';
import { loadScenario, scenarioFromObject } from '../../src/scenario/load.js';
import { pumpingDirections } from '../../src/scenario/pumping.js';
import { simulate } from '../../src/simulate.js';
import { LAGOON, LIBAUX, MERSEY, scenarioProblems as problems, TWO_WAY_PUMPING_MODES } from '../fixtures.js';

const base = (file = MERSEY) => JSON.parse(readFileSync(file, 'utf8'));

describe('the scenario files', () => {
  it('load, and each runs the operation it says', () => {
    expect(buildOperation(loadScenario(LIBAUX)).names).toEqual(['fill', 'hold-high', 'generate-ebb', 'hold-low']);
    expect(buildOperation(loadScenario(MERSEY)).names).toEqual(TWO_WAY_PUMPING_MODES);
    const lagoon = loadScenario(LAGOON);
    expect(lagoon.scheme.kind).toBe('lagoon');
    expect(lagoon.scheme.basin.area_m2).toBe(11.5e6);
    const run = buildRun(lagoon);
    expect(run.scheme.basin.areas.every((a) => a === 11.5e6)).toBe(true);
  });

  it('the default is the 700 MW barrage of 28 units, two-way with pumping', () => {
    const s = simulate(loadScenario(MERSEY)).summary;
    expect(s.turbine_count).toBe(28);
    expect(s.installed_capacity_mw).toBeCloseTo(700, 0);
    expect(s.operation).toBe('two-way, pumping before ebb and flood generation');
    expect(s.pumping_energy_gwh).toBeGreaterThan(0);
  });
});

describe('operation checks', () => {
  it('defaults the options from the 0-D codes: 0.2 h ramps, 0.25 h generation, 0.125 h other modes, 1 h pumping, no parallel sluicing', () => {
    const o = base();
    const s = scenarioFromObject(o, 'models/x.json', dirname(MERSEY));
    // Angeloudis et al. (2018) code: 0.2 h ramps, generation at least 0.25 h, pumping 0.5-1 h;
    // N. Hanousek's 0D-Tidal-Range: 0.125 h between mode switches.
    expect(s.operation.ramp_s).toBe(720);
    expect(s.operation.min_duration_s).toEqual({ generate: 900, pump: 450, sluice: 450, hold: 450 });
    expect(s.operation.max_pump_duration_s).toBe(3600);
    expect(s.operation.ebb?.sluice_while_generating).toBe(false);
  });

  it('asks for the block a mode needs and refuses one it does not use', () => {
    const o = base();
    delete o.operation.flood;
    expect(problems(o)).toEqual([
      'models/x.json: operation.flood: missing; mode "two-way" generates on the flood: give its start_head_m and end_head_m',
    ]);
    const p = base(LIBAUX);
    p.operation.flood = { start_head_m: 3, end_head_m: 1 };
    expect(problems(p)).toEqual([
      'models/x.json: operation.flood: not used when mode is "ebb-only"; remove it, or set mode to "flood-only" or "two-way"',
    ]);
  });

  it('checks the heads of each direction against each other', () => {
    const o = base();
    o.operation.flood.end_head_m = 3.2;
    o.operation.ebb.pump_to_head_m = 4.5;
    expect(problems(o)).toEqual([
      'models/x.json: operation.ebb.pump_to_head_m: expected less than start_head_m (4.1 m), got 4.5 m; pumping ends before the head reaches the start of generation',
      'models/x.json: operation.flood.end_head_m: expected less than start_head_m (2.6 m), got 3.2 m; generation stops at a lower head than it starts',
    ]);
  });

  it('refuses pumping with turbines that cannot pump', () => {
    const o = base();
    delete o.scheme.turbines.pumping;
    expect(problems(o)).toContain(
      'models/x.json: operation.ebb.pump_to_head_m: the turbines cannot pump; describe their pumping in scheme.turbines.pumping, or remove pump_to_head_m',
    );
  });

  it('takes a pumping target of 0 as no pumping, with or without pumping turbines', () => {
    const o = base();
    delete o.scheme.turbines.pumping;
    o.operation.ebb.pump_to_head_m = 0;
    o.operation.flood.pump_to_head_m = 0;
    expect(problems(o)).toEqual([]);
    const zero = scenarioFromObject(o, 'models/x.json', dirname(MERSEY));
    delete o.operation.ebb.pump_to_head_m;
    delete o.operation.flood.pump_to_head_m;
    const absent = scenarioFromObject(o, 'models/x.json', dirname(MERSEY));
    expect(pumpingDirections(zero)).toEqual([]);
    expect(buildOperation(zero)).toEqual(buildOperation(absent));
    expect(buildOperation(zero).names.filter((n) => n.startsWith('pump'))).toEqual([]);
  });

  it('names a misspelt mode or option with its unit', () => {
    const o = base();
    o.operation.mode = 'two way';
    o.operation.ramp_s = -5;
    o.operation.min_duration_s = { holding: 600 };
    const p = problems(o).join('\n');
    expect(p).toMatch(
      /operation\.mode: expected one of "ebb-only", "flood-only", "two-way", got "two way"; did you mean "two-way"\?/,
    );
    expect(p).toMatch(/operation\.ramp_s: expected a number >= 0 and <= 86400 \(seconds\), got -5/);
    expect(p).toMatch(/operation\.min_duration_s\.holding: unknown field; expected one of generate, pump, sluice, hold/);
  });

  it('checks the safety limits against each other', () => {
    const o = base();
    o.operation.limits = { basin_min_level_m: 2, basin_max_level_m: 1 };
    expect(problems(o)).toEqual([
      'models/x.json: operation.limits.basin_max_level_m: expected more than basin_min_level_m (2 m), got 1 m',
    ]);
  });
});

describe('basin checks', () => {
  it('takes exactly one of an area curve and a constant area', () => {
    const o = base(LAGOON);
    o.scheme.basin.area_curve_file = '../data/mersey-basin-area.csv';
    expect(problems(o)).toEqual([
      'models/x.json: scheme.basin: expected exactly one of area_curve_file (an area-level curve) and area_m2 (a constant area), got both',
    ]);
    o.scheme.basin = {};
    expect(problems(o)).toEqual([
      'models/x.json: scheme.basin: expected exactly one of area_curve_file (an area-level curve) and area_m2 (a constant area), got neither',
    ]);
  });

  it('keeps the constant area for lagoons', () => {
    const o = base();
    o.scheme.basin = { area_m2: 5e7 };
    expect(problems(o)).toEqual([
      'models/x.json: scheme.basin.area_m2: a barrage\'s basin is an estuary, whose area changes with level; give its area_curve_file, or set scheme.kind to "lagoon"',
    ]);
  });
});
