/**
 * Property-based tests over generated scenarios (fast-check): mutations of the Libaux ebb-only
 * barrage, models/mersey-barrage-libaux-ebb.json
 * (wrong types, negative numbers, missing and extra fields, NaN-like strings, corrupted text)
 * are either accepted or rejected with a clear InputError, never a crash; valid scenarios on
 * synthetic data are accepted and keep the physics invariants.
 */

import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readNumericCsv } from '../../src/io/csv-read.js';
import { GRAVITY } from '../../src/physics.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import { areaAt, makeBasin } from '../../src/scheme/basin.js';
import { type Result, simulate } from '../../src/simulate.js';
import { SolverError } from '../../src/solver/errors.js';
import {
  type ChartScenarioFile,
  expectClearInputError,
  expectPhysics,
  LIBAUX,
  readChartScenario,
  scratch,
  tideRows,
  writeCsv,
} from '../fixtures.js';

const CHART = fileURLToPath(new URL('../../data/bulb-turbine-9m-hill-chart.csv', import.meta.url));
/** The chart's largest flow (m3/s), for the stiffness of generated scenarios. */
const CHART_FLOW = Math.max(...readNumericCsv(CHART, ['flow_m3s']).flow_m3s);
const T0 = Date.parse('2018-03-01T00:00:00Z') / 1000;
/** Multiplies the number of runs: FUZZ_SCALE=20 npx vitest run test/fuzz- for a longer search. */
const FUZZ_SCALE = Number(process.env.FUZZ_SCALE ?? 1);

const tmp = scratch();
let dir: string;
let base: ChartScenarioFile;
const dataFiles = () => ['tide.csv', 'area.csv', 'chart.csv'].map((f) => join(dir, f));

beforeAll(() => {
  dir = tmp();
  // Three days of a 4 m M2 + 1.2 m S2 tide every 15 min, a Mersey-like area curve, the real chart.
  writeCsv(join(dir, 'tide.csv'), 'time_utc,level_m', tideRows(T0, 3 * 96 + 1, 900, 4, 1.2, 0.3));
  writeCsv(join(dir, 'area.csv'), 'level_m,area_m2', ['-9,3.6e6', '-4,8e6', '0,3e7', '4,5.6e7', '10,6e7']);
  copyFileSync(CHART, join(dir, 'chart.csv'));
  base = readChartScenario(LIBAUX);
  base.$schema = fileURLToPath(new URL('../../models/scenario.schema.json', import.meta.url));
  delete base.period;
  base.tide.file = 'tide.csv';
  base.scheme.basin.area_curve_file = 'area.csv';
  base.scheme.turbines.curve.file = 'chart.csv';
});

/** Every path in a JSON value (objects and arrays), the root excluded. */
function paths(v: unknown, prefix: string[] = []): string[][] {
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => [[...prefix, k], ...paths(x, [...prefix, k])]);
}

const NAN_LIKE = ['NaN', 'nan', 'Infinity', '-Infinity', 'inf', '1e999', '', ' 8 ', '8 m', '0x10', '3,9'];

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'wrongType', 'negative', 'zero', 'nanLike', 'extra', 'quoted', 'fraction'),
  // A value of another type than any number field takes (a number may be valid where it lands).
  wrong: fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
  ),
  extra: fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.constant(null)),
  nanLike: fc.constantFrom(...NAN_LIKE),
  key: fc.string({ minLength: 1, maxLength: 12 }),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** An object or array of a parsed JSON value, indexed by key (an array's by its index as a string). */
type JsonNode = Record<string, unknown>;

/** Applies one mutation to a deep copy's field chosen by `at`. */
function mutate(obj: object, m: Mutation): void {
  const all = paths(obj);
  if (all.length === 0) return;
  const path = all[m.at % all.length];
  // Every path but the last key leads to an object or an array (paths() descends only into those).
  const parent = path.slice(0, -1).reduce<JsonNode>((o, k) => o[k] as JsonNode, obj as JsonNode);
  const key = path[path.length - 1];
  const old = parent[key];
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    case 'wrongType':
      parent[key] = m.wrong;
      break;
    case 'negative':
      parent[key] = typeof old === 'number' ? -Math.abs(old) - 1 : -1;
      break;
    case 'zero':
      parent[key] = 0;
      break;
    case 'nanLike':
      parent[key] = m.nanLike;
      break;
    case 'extra':
      {
        const target = old !== null && typeof old === 'object' ? (old as JsonNode) : parent;
        if (Array.isArray(target)) target.push(m.extra);
        else target[m.key] = m.extra;
      }
      break;
    case 'quoted':
      parent[key] = typeof old === 'string' ? old : JSON.stringify(old);
      break;
    case 'fraction':
      parent[key] = typeof old === 'number' ? old + 0.5 : 0.5;
      break;
  }
}

/** Text-level damage: delete, insert or replace one character, truncate, or repeat a line. */
const damage = fc.record({
  kind: fc.constantFrom('none', 'none', 'delete', 'insert', 'truncate', 'repeatLine'),
  at: fc.nat(),
  ch: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', "'", '\n', '0', 'a', '\\', ' ', '-', '.', 'e', '\u00e9'),
});

function damageText(text: string, d: typeof damage extends fc.Arbitrary<infer T> ? T : never): string {
  const i = d.at % (text.length + 1);
  switch (d.kind) {
    case 'delete':
      return text.slice(0, i) + text.slice(i + 1);
    case 'insert':
      return text.slice(0, i) + d.ch + text.slice(i);
    case 'truncate':
      return text.slice(0, i);
    case 'repeatLine': {
      const lines = text.split('\n');
      const k = d.at % lines.length;
      lines.splice(k, 0, lines[k]);
      return lines.join('\n');
    }
    default:
      return text;
  }
}

describe('generated scenario files', () => {
  it(
    'are accepted, or rejected with a clear message naming file, line and field; accepted ones run and keep the physics',
    () => {
      let accepted = 0;
      let rejected = 0;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 0, maxLength: 4 }), damage, fc.boolean(), (ms, d, pretty) => {
          const obj = structuredClone(base);
          for (const m of ms) mutate(obj, m);
          const text = damageText(JSON.stringify(obj, null, pretty ? 2 : 0), d);
          const file = join(dir, 'scenario.json');
          writeFileSync(file, text);
          let s: Scenario;
          try {
            s = loadScenario(file);
          } catch (err) {
            rejected++;
            expectClearInputError(err, [file], { [file]: text.split('\n').length });
            return;
          }
          let r: Result;
          try {
            r = simulate(s);
          } catch (err) {
            rejected++;
            expectClearInputError(err, [file, ...dataFiles()]);
            return;
          }
          accepted++;
          expectPhysics(r);
        }),
        { numRuns: 300 * FUZZ_SCALE },
      );
      // Both outcomes were exercised (the generator is not all-reject or all-accept).
      expect(rejected).toBeGreaterThan(50);
      expect(accepted).toBeGreaterThan(5);
    },
    20_000 * FUZZ_SCALE,
  );
});

/**
 * Stiffness of the basin's response over one step: the level change a step of free flow would
 * make, over the tidal range R, for the smallest area A the basin meets between low and high
 * water: sigma = (Cd*A_open * sqrt(2 g R) + Q_turbines) * dt / (A * R). The explicit integrator
 * resolves free sluicing when sigma <= 0.1: measured on free sluicing over random basins, the
 * level stays inside the sea's envelope there, overshoots it by up to 2 % of the range at
 * sigma = 0.1 to 0.3, and diverges beyond 1. Coarser steps are for the solver to refuse.
 */
function stiffness(
  o: ChartScenarioFile,
  areas: { level: number[]; area: number[] },
  lo: number,
  hi: number,
  chartFlow: number,
): { perSecond: number } {
  const basin = makeBasin(areas.level, areas.area);
  let aMin = Infinity;
  for (let k = 0; k <= 100; k++) aMin = Math.min(aMin, areaAt(basin, lo + ((hi - lo) * k) / 100));
  const t = o.scheme.turbines;
  const scale = (t.diameter_m / t.curve.chart_diameter_m) ** 2;
  const open =
    o.scheme.sluices.area_m2 * o.scheme.sluices.discharge_coefficient +
    t.count * t.idle_discharge_coefficient * Math.PI * 0.25 * t.diameter_m ** 2;
  const R = hi - lo;
  return { perSecond: (open * Math.sqrt(2 * GRAVITY * R) + t.count * chartFlow * scale) / (aMin * R) };
}

/** A valid scenario on synthetic data, with the step chosen for a given stiffness. */
const validScenario = (sigma: fc.Arbitrary<number>) =>
  fc.record({
    m2: fc.double({ min: 0.5, max: 5, noNaN: true }),
    s2: fc.double({ min: 0, max: 2, noNaN: true }),
    mean: fc.double({ min: -1, max: 1, noNaN: true }),
    steps: fc.array(fc.double({ min: 0.2, max: 6, noNaN: true }), { minLength: 1, maxLength: 5 }),
    logAreas: fc.array(fc.double({ min: 6, max: 8, noNaN: true }), { minLength: 6, maxLength: 6 }),
    count: fc.integer({ min: 0, max: 60 }),
    diameter: fc.double({ min: 2, max: 12, noNaN: true }),
    idleCd: fc.double({ min: 0, max: 2, noNaN: true }),
    logSluice: fc.double({ min: 1, max: 4.3, noNaN: true }),
    sluiceCd: fc.double({ min: 0.1, max: 2, noNaN: true }),
    endHead: fc.double({ min: 0.1, max: 3, noNaN: true }),
    headSpan: fc.double({ min: 0.1, max: 4, noNaN: true }),
    sigma,
  });

type Valid = ReturnType<typeof validScenario> extends fc.Arbitrary<infer T> ? T : never;

/** Writes the synthetic data and scenario of `v`; undefined when no step fits (sigma needs dt < 60 s). */
function writeValid(v: Valid): { file: string; o: ChartScenarioFile } | undefined {
  const level = [-12];
  for (const s of v.steps) level.push(level[level.length - 1] + s);
  level.push(Math.max(level[level.length - 1] + 1, 12));
  const area = level.map((_, k) => 10 ** v.logAreas[k % v.logAreas.length]);
  writeCsv(
    join(dir, 'g-area.csv'),
    'level_m,area_m2',
    level.map((z, k) => `${z},${area[k]}`),
  );
  const rows = tideRows(T0, 2 * 96 + 1, 900, v.m2, v.s2, v.mean);
  writeCsv(join(dir, 'g-tide.csv'), 'time_utc,level_m', rows);
  const z = rows.map((r) => Number(r.split(',')[1]));
  const o = structuredClone(base);
  o.tide.file = 'g-tide.csv';
  o.scheme.basin.area_curve_file = 'g-area.csv';
  Object.assign(o.scheme.turbines, { count: v.count, diameter_m: v.diameter, idle_discharge_coefficient: v.idleCd });
  o.scheme.sluices = { area_m2: 10 ** v.logSluice, discharge_coefficient: v.sluiceCd };
  o.operation.ebb = { start_head_m: v.endHead + v.headSpan, end_head_m: v.endHead };
  const { perSecond } = stiffness(o, { level, area }, Math.min(...z), Math.max(...z), CHART_FLOW);
  const dt = Math.min(3600, v.sigma / perSecond);
  if (dt < 60) return undefined;
  o.time_step_s = dt;
  const file = join(dir, 'g.json');
  writeFileSync(file, JSON.stringify(o));
  return { file, o };
}

describe('valid generated scenarios', () => {
  it(
    'are accepted and, with a step that resolves the basin (sigma <= 0.1), keep the physics invariants',
    () => {
      let runs = 0;
      fc.assert(
        fc.property(validScenario(fc.double({ min: 0.005, max: 0.1, noNaN: true })), (v) => {
          const w = writeValid(v);
          fc.pre(w !== undefined);
          const r = simulate(loadScenario(w!.file));
          expectPhysics(r);
          runs++;
        }),
        { numRuns: 60 * FUZZ_SCALE },
      );
      expect(runs).toBeGreaterThan(30);
    },
    20_000 * FUZZ_SCALE,
  );

  // The solver defends itself: with a step far too coarse for the scheme, a run either stops with
  // a SolverError naming the time, the step and the mode, or (its error control and limiter
  // coping) keeps every invariant. Never a silent overshoot or a NaN.
  it(
    'with a step far too coarse (sigma 5 to 500): a clear solver error naming the step and mode, or the invariants',
    () => {
      let runs = 0;
      fc.assert(
        fc.property(validScenario(fc.double({ min: 5, max: 500, noNaN: true })), (v) => {
          const w = writeValid(v);
          fc.pre(w !== undefined);
          const s = loadScenario(w!.file);
          runs++;
          let r: Result;
          try {
            r = simulate(s);
          } catch (err) {
            expect(err).toBeInstanceOf(SolverError);
            expect((err as Error).message).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/);
            expect((err as Error).message).toMatch(/mode/);
            expect((err as Error).message).not.toMatch(/undefined|NaN/);
            return;
          }
          expectPhysics(r);
        }),
        { numRuns: 30 * FUZZ_SCALE },
      );
      expect(runs).toBeGreaterThan(10);
    },
    20_000 * FUZZ_SCALE,
  );
});
