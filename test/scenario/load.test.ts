import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/scenario/build.js';
import { loadScenario, scenarioFromObject } from '../../src/scenario/load.js';
import { LIBAUX, scenarioProblems as problems } from '../fixtures.js';

const base = () => JSON.parse(readFileSync(LIBAUX, 'utf8'));

describe('scenario loading', () => {
  it('loads the Libaux ebb-only barrage with paths resolved and defaults filled', () => {
    const s = loadScenario(LIBAUX);
    expect(s.scheme.turbines.count).toBe(28);
    expect(s.tide.kind === 'observed' && s.tide.file).toMatch(/data\/liverpool-gladstone-dock-2018-observed\.csv$/);
    expect(s.time_step_s).toBe(300);
  });

  it('names the file, the JSON path, the expectation with its unit and what it found', () => {
    const o = base();
    o.scheme.turbines.diameter_m = -8;
    expect(problems(o)).toEqual(['models/x.json: scheme.turbines.diameter_m: expected a number > 0 and <= 20 (metres), got -8']);
  });

  it('reports every problem in a file at once', () => {
    const o = base();
    o.scheme.turbines.diameter_m = 'eight';
    o.scheme.sluices.area_m2 = -1;
    delete o.operation.mode;
    o.scheme.turbnes = {};
    const p = problems(o);
    expect(p).toHaveLength(4);
    expect(p.join('\n')).toMatch(/scheme\.turbnes: unknown field; did you mean "turbines"\?/);
    expect(p.join('\n')).toMatch(/operation\.mode: missing/);
    expect(p.join('\n')).toMatch(/scheme\.sluices\.area_m2: expected a number >= 0 and <= 1000000 \(square metres\), got -1/);
  });

  it('suggests the closest known value for a misspelt kind', () => {
    const o = base();
    o.scheme.kind = 'barage';
    expect(problems(o).join('\n')).toMatch(
      /scheme\.kind: expected one of "barrage", "lagoon", got "barage"; did you mean "barrage"\?/,
    );
  });

  it('checks relations the schema cannot: end head below start head', () => {
    const o = base();
    o.operation.ebb.end_head_m = 4.5;
    expect(problems(o)[0]).toMatch(/operation\.ebb\.end_head_m: expected less than start_head_m \(3\.9 m\)/);
  });

  it('names the path tried when a data file is missing', () => {
    const o = base();
    o.scheme.basin.area_curve_file = '../data/nope.csv';
    const s = scenarioFromObject(o, 'models/x.json', dirname(LIBAUX));
    expect(() => buildRun(s)).toThrow(/data\/nope\.csv: cannot read the file \(ENOENT\)/);
  });
});
