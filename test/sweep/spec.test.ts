import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parsePath } from '../../src/json-path.js';
import { DEFAULT_SCENARIO } from '../../src/paths.js';
import { mulberry32 } from '../../src/random.js';
import { gridDesigns, gridPoints, lhsDesigns, type Parameter } from '../../src/sweep/expand.js';
import { allIndices } from '../../src/sweep/run.js';
import { checkDesigns, loadSweep, SWEEP_SCHEMA_PATH, unitSuffix } from '../../src/sweep/spec.js';
import { EXAMPLE, sweepFiles, thrown } from '../fixtures.js';

const { sweepFile } = sweepFiles();

const problemsOf = (fn: () => unknown): string[] => [...thrown(fn, InputError).problems];

const param = (path: string, domain: Parameter['domain']): Parameter => ({ path, keys: parsePath(path)!, domain });

describe('the example sweep, models/mersey-sweep.json', () => {
  it('points "$schema" at models/sweep.schema.json', () => {
    expect(resolve(dirname(EXAMPLE), JSON.parse(readFileSync(EXAMPLE, 'utf8')).$schema)).toBe(SWEEP_SCHEMA_PATH);
  });

  it('loads as a 3 x 3 x 3 grid over the Libaux ebb-only barrage, first parameter slowest', () => {
    const s = loadSweep(EXAMPLE);
    expect(s.designs.count).toBe(27);
    expect(s.designs.paths).toEqual(['scheme.turbines.count', 'scheme.turbines.diameter_m', 'scheme.sluices.area_m2']);
    const row = (i: number) => Array.from(s.designs.values.subarray(3 * i, 3 * i + 3));
    expect(row(0)).toEqual([20, 7, 1500]);
    expect(row(1)).toEqual([20, 7, 2592]);
    expect(row(3)).toEqual([20, 8, 1500]);
    expect(row(13)).toEqual([28, 8, 2592]); // the base design itself
    expect(row(26)).toEqual([36, 9, 4000]);
    expect(s.seaPaths).toEqual([]);
    expect(s.spec.pricesFile).toMatch(/gb-system-sell-price-2018\.csv$/);
    expect(s.spec.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(() => checkDesigns(s, allIndices(27))).not.toThrow();
  });
});

describe('design expansion', () => {
  it('steps a range without rounding noise, including the end', () => {
    const v = gridPoints(7, 9, 0.1);
    expect(v).toHaveLength(21);
    expect(v[3]).toBe(7.3);
    expect(v[20]).toBe(9);
    expect(gridPoints(1000, 4000, 1000)).toEqual([1000, 2000, 3000, 4000]);
    expect(gridPoints(1, 2.5, 1)).toEqual([1, 2]);
  });

  it('makes every combination of a grid exactly once', () => {
    const t = gridDesigns([
      param('a', { kind: 'list', values: [1, 2] }),
      param('b', { kind: 'range', min: 0, max: 0.2, step: 0.1 }),
      param('c', { kind: 'list', values: [5] }),
    ]);
    expect(t.count).toBe(6);
    const rows = Array.from({ length: 6 }, (_, i) => Array.from(t.values.subarray(3 * i, 3 * i + 3)).join(' '));
    expect(rows).toEqual(['1 0 5', '1 0.1 5', '1 0.2 5', '2 0 5', '2 0.1 5', '2 0.2 5']);
  });

  it('mulberry32 is a deterministic uniform generator', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 10000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01); // 4.4 standard errors (sd of the mean 0.0029)
    // Uniform: each tenth of [0, 1) holds 1000 +- 150 of the draws (5 standard deviations, sd 30).
    const bins = new Array<number>(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]++;
    for (const b of bins) expect(Math.abs(b - 1000)).toBeLessThan(150);
    // Independent draws: lag-1 correlation within 5 standard errors (1/sqrt(n) = 0.01) of zero.
    let c = 0;
    for (let i = 1; i < xs.length; i++) c += (xs[i] - 0.5) * (xs[i - 1] - 0.5);
    expect(Math.abs(c / (xs.length - 1) / (1 / 12))).toBeLessThan(0.05);
  });

  it('a Latin hypercube puts exactly one sample in each stratum of every continuous range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n, seed) => {
        const t = lhsDesigns(
          [
            param('x_m', { kind: 'range', min: 2, max: 7, step: null }),
            param('y', { kind: 'range', min: -1, max: 1, step: null }),
          ],
          n,
          seed,
        );
        for (let j = 0; j < 2; j++) {
          const [lo, hi] = j === 0 ? [2, 7] : [-1, 1];
          const strata = Array.from({ length: n }, (_, i) => Math.floor(((t.values[2 * i + j] - lo) / (hi - lo)) * n)).sort(
            (a, b) => a - b,
          );
          expect(strata).toEqual(Array.from({ length: n }, (_, k) => k));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a Latin hypercube over lists uses each value equally often, and a seed fixes the designs', () => {
    const params = [
      param('n', { kind: 'list', values: [10, 20, 30] }),
      param('d_m', { kind: 'range', min: 6, max: 9, step: 0.5 }),
    ];
    const t = lhsDesigns(params, 42, 7);
    const count = (j: number, v: number) =>
      Array.from({ length: 42 }, (_, i) => t.values[2 * i + j]).filter((x) => x === v).length;
    expect([10, 20, 30].map((v) => count(0, v))).toEqual([14, 14, 14]);
    expect([6, 6.5, 7, 7.5, 8, 8.5, 9].map((v) => count(1, v))).toEqual([6, 6, 6, 6, 6, 6, 6]);
    expect(lhsDesigns(params, 42, 7).values).toEqual(t.values);
    expect(lhsDesigns(params, 42, 8).values).not.toEqual(t.values);
  });

  it('reads the unit suffix from the field name', () => {
    expect(unitSuffix('scheme.turbines.diameter_m')).toBe('m');
    expect(unitSuffix('scheme.sluices.area_m2')).toBe('m2');
    expect(unitSuffix('time_step_s')).toBe('s');
    expect(unitSuffix('x.price_gbp_per_mwh')).toBe('gbp_per_mwh');
    expect(unitSuffix('scheme.turbines.count')).toBe('');
    expect(unitSuffix('scheme.sluices.discharge_coefficient')).toBe('');
  });
});

describe('sweep file checks', () => {
  it('accepts ranges whose keys carry the unit, lists, overrides, and an lhs', () => {
    const s = loadSweep(
      sweepFile({
        method: 'lhs',
        samples: 10,
        seed: 3,
        overrides: { 'period.end': '2018-01-08T00:00:00Z' },
        parameters: {
          'scheme.turbines.diameter_m': { min_m: 7, max_m: 9 },
          'scheme.turbines.count': { min: 20, max: 30, step: 1 },
          'operation.ebb.start_head_m': [3.5, 4],
        },
      }),
    );
    expect(s.designs.count).toBe(10);
    expect(s.baseScenario.period.end).toBe('2018-01-08T00:00:00Z');
    for (let i = 0; i < 10; i++) expect(Number.isInteger(s.designs.values[3 * i + 1])).toBe(true);
  });

  it('names the file, the field, what was expected and what was found', () => {
    const file = sweepFile({ method: 'grd', parameters: { 'scheme.turbines.count': 'many' }, seeds: 1 });
    const p = problemsOf(() => loadSweep(file));
    expect(p).toContain(`${file}: method: expected one of "grid", "lhs", got "grd"; did you mean "grid"?`);
    expect(p).toContain(
      `${file}: parameters["scheme.turbines.count"]: expected a list of numbers or a range such as { "min_m": 7, "max_m": 9, "step_m": 1 }, got "many"`,
    );
    expect(p.some((m) => m.startsWith(`${file}: seeds: unknown field; did you mean "seed"?`))).toBe(true);
  });

  it('requires range keys with the unit of the field', () => {
    const file = sweepFile({
      parameters: {
        'scheme.turbines.diameter_m': { min: 7, max: 9, step: 1 },
        'scheme.turbines.count': { min: 30, max: 20, step: 1 },
        'scheme.sluices.area_m2': { min_m2: 1000, max_m2: 2000 },
      },
    });
    expect(problemsOf(() => loadSweep(file))).toEqual([
      `${file}: parameters["scheme.turbines.diameter_m"]: unknown range keys min, max, step; expected the field's unit is in its name (_m), so min_m, max_m, step_m`,
      `${file}: parameters["scheme.turbines.count"]: expected min <= max, got 30 > 20`,
      `${file}: parameters["scheme.sluices.area_m2"]: a grid needs step_m2 for a range (or give a list of values)`,
    ]);
  });

  it('checks the method options', () => {
    const lhs = sweepFile({ method: 'lhs', samples: 5, parameters: { 'scheme.turbines.count': [20, 28] } });
    expect(problemsOf(() => loadSweep(lhs))).toEqual([`${lhs}: seed: missing; method "lhs" needs samples (designs) and seed`]);
    const grid = sweepFile({ seed: 5, parameters: { 'scheme.turbines.count': [20, 28, 20] } });
    expect(problemsOf(() => loadSweep(grid))).toEqual([
      `${grid}: seed: applies to method "lhs" only; this sweep's method is "grid" (every combination)`,
      `${grid}: parameters["scheme.turbines.count"]: the value 20 appears more than once; each value makes its own designs`,
    ]);
  });

  it('checks that every swept path is a numeric field of the base scenario', () => {
    const file = sweepFile({ parameters: { 'scheme.turbines.cout': [1, 2], 'operation.mode': [1], 'scheme..x': [1] } });
    expect(problemsOf(() => loadSweep(file))).toEqual([
      `${file}: parameters["scheme..x"]: not a field path; write it dotted as in the scenario's messages, e.g. scheme.turbines.diameter_m`,
    ]);
    const file2 = sweepFile({ parameters: { 'scheme.turbines.cout': [1, 2], 'operation.mode': [1] } });
    expect(problemsOf(() => loadSweep(file2))).toEqual([
      `${file2}: parameters["scheme.turbines.cout"]: no such field in the base scenario ${DEFAULT_SCENARIO}; did you mean "scheme.turbines.count"?`,
      `${file2}: parameters["operation.mode"]: is "two-way" in the base scenario ${DEFAULT_SCENARIO}, not a number; only numeric fields can be swept`,
    ]);
  });

  it('refuses a grid too large to run by mistake', () => {
    const file = sweepFile({
      parameters: {
        'scheme.turbines.count': { min: 1, max: 1000, step: 1 },
        'scheme.turbines.diameter_m': { min_m: 1, max_m: 10, step_m: 0.001 },
      },
    });
    expect(problemsOf(() => loadSweep(file))[0]).toMatch(
      /the grid has 9\.00e\+6 designs, more than 1,000,000; use coarser steps, or method "lhs"/,
    );
  });

  it('validates every design with the scenario loader, grouping designs by problem', () => {
    const s = loadSweep(
      sweepFile({ parameters: { 'scheme.turbines.diameter_m': [8, -1], 'operation.ebb.start_head_m': [3.9, 1.0] } }),
    );
    const { message } = thrown(() => checkDesigns(s, allIndices(s.designs.count)), InputError);
    expect(message).toContain(': 3 of 4 designs are not valid scenarios:');
    expect(message).toContain(
      'scheme.turbines.diameter_m: expected a number > 0 and <= 20 (metres), got -1  [2 designs, first: design 2 (scheme.turbines.diameter_m = -1, operation.ebb.start_head_m = 3.9)]',
    );
    expect(message).toContain(
      'operation.ebb.end_head_m: expected less than start_head_m (1 m), got 1.5 m; generation stops at a lower head than it starts  [1 design, first: design 1 (scheme.turbines.diameter_m = 8, operation.ebb.start_head_m = 1)]',
    );
    // design 3 has both faults; the loader reports relations only once the schema passes
    expect(() => checkDesigns(s, [0])).not.toThrow();
  });

  it('knows which swept fields change the sea level', () => {
    expect(loadSweep(sweepFile({ parameters: { time_step_s: [300, 600], 'scheme.turbines.count': [28] } })).seaPaths).toEqual([
      'time_step_s',
    ]);
    expect(loadSweep(sweepFile({ parameters: { 'scheme.sluices.area_m2': [1, 2] } })).seaPaths).toEqual([]);
  });

  it('recognises a scenario given in place of a sweep file', () => {
    expect(() => loadSweep(DEFAULT_SCENARIO)).toThrow(
      /mersey-barrage\.json: this is a scenario, not a sweep file; a sweep names a base scenario and the fields to vary/,
    );
  });

  it('reports unreadable files', () => {
    const missingBase = sweepFile({ base: 'nowhere.json', parameters: { x: [1] } });
    expect(() => loadSweep(missingBase)).toThrow(/nowhere\.json: cannot read the base scenario .*\(ENOENT\)/);
    const missingPrices = sweepFile({ prices_file: 'nowhere.csv', parameters: { 'scheme.turbines.count': [1] } });
    expect(() => loadSweep(missingPrices)).toThrow(
      /prices_file: cannot read .*nowhere\.csv \(ENOENT\); it is resolved from the sweep file's folder/,
    );
    expect(() => loadSweep('no-such-sweep.json')).toThrow(/no-such-sweep\.json: cannot read the sweep file \(ENOENT\)/);
  });
});
