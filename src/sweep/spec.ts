/**
 * Loading a sweep file: parse, check against models/sweep.schema.json (readable messages like the
 * scenario's: file, path, expectation, what was found), check its meaning (range keys carry the
 * field's unit, every swept path is a numeric field of the base scenario), load the base scenario
 * and expand the designs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { InputError, listed, suggest } from '../errors.js';
import { readText } from '../io/text.js';
import { getAt, numericPaths, parsePath, setAt } from '../json-path.js';
import { PACKAGE_ROOT } from '../paths.js';
import { scenarioFromObject } from '../scenario/load.js';
import type { FieldChange, Override } from '../scenario/overrides.js';
import { lazyValidator, type SchemaSpec } from '../scenario/schema-validator.js';
import type { Scenario } from '../scenario/types.js';
import { describe } from '../scenario/validate.js';
import { designLabel, designObject, pathKeys } from './design.js';
import { type DesignTable, type Domain, gridCount, gridDesigns, lhsDesigns, type Parameter } from './expand.js';

export const SWEEP_SCHEMA_PATH = join(PACKAGE_ROOT, 'models', 'sweep.schema.json');

/** Most designs one sweep may declare (a guard against a mistyped step). */
const MAX_DESIGNS = 1_000_000;

/**
 * Top-level scenario fields that define the sea level: a sweep over any of them cannot share one
 * sea level across designs, so each design builds its own.
 */
const SEA_LEVEL_FIELDS = ['tide', 'period', 'time_step_s'] as const;

export interface SweepSpec {
  /** The sweep file (absolute). */
  file: string;
  name: string;
  description: string;
  method: 'grid' | 'lhs';
  samples: number | null;
  seed: number | null;
  /** The base scenario as written in the sweep file, and resolved. */
  base: string;
  baseFile: string;
  overrides: Record<string, unknown>;
  /** The changes given on the command line (--set), in order; also in `overrides`. */
  changes: FieldChange[];
  /** The price series as written, and resolved; null without one. */
  prices: string | null;
  pricesFile: string | null;
  parameters: Parameter[];
  /** SHA-256 (hex) of the sweep file, the base scenario file and the price file, in that order. */
  sha256: string;
}

export interface LoadedSweep {
  spec: SweepSpec;
  /** The base scenario as a JSON object, overrides applied, schema defaults filled. */
  baseObject: Record<string, unknown>;
  baseScenario: Scenario;
  designs: DesignTable;
  /** Swept paths that change the sea level (empty: one sea level serves every design). */
  seaPaths: string[];
}

/** The sweep schema and how it is validated (compiled by the build: schema-validator.ts). */
export const SWEEP_SCHEMA: SchemaSpec = {
  name: 'sweep',
  file: SWEEP_SCHEMA_PATH,
  options: { allowUnionTypes: true },
  keywords: ['unit'],
};
const validator = lazyValidator(SWEEP_SCHEMA);

const paramLabel = (path: string) => `parameters["${path}"]`;

function schemaMessage(e: ErrorObject): string | undefined {
  const param = /^\/parameters\/([^/]+)$/.exec(e.instancePath);
  if (param && e.keyword === 'type') {
    const path = param[1].replace(/~1/g, '/').replace(/~0/g, '~');
    return `${paramLabel(path)}: expected a list of numbers or a range such as { "min_m": 7, "max_m": 9, "step_m": 1 }, got ${JSON.stringify(e.data)}`;
  }
  const p = describe(e);
  return p && `${p.path}: ${p.message}`;
}

function fail(file: string, what: string, problems: string[]): never {
  const list = problems.map((p) => `${file}: ${p}`);
  throw new InputError(`${list.length} problem${list.length > 1 ? 's' : ''} in the ${what}:\n  ${listed(list)}`, list);
}

const UNIT = '(?:m|m2|m3|km|km2|m3s|s|min|h|d|w|kw|mw|gw|wh|kwh|mwh|gwh|j|hz|deg|rad|pct|rpm|kg|pa|kpa|gbp)';
const UNIT_SUFFIX = new RegExp(`_(${UNIT}(?:_per_${UNIT})?)$`);

/** The unit a field name ends with ("diameter_m" -> "m", "price_gbp_per_mwh" -> "gbp_per_mwh"; "count" -> ""). */
export function unitSuffix(path: string): string {
  return UNIT_SUFFIX.exec(path)?.[1] ?? '';
}

/** A range's domain; its keys must carry the field's unit suffix (min_m, max_m, step_m for diameter_m). */
function rangeDomain(path: string, r: Record<string, number>, method: string, problems: string[]): Domain | undefined {
  const u = unitSuffix(path);
  const key = (k: string) => (u === '' ? k : `${k}_${u}`);
  const here = paramLabel(path);
  const unknown = Object.keys(r).filter((k) => ![key('min'), key('max'), key('step')].includes(k));
  const unitNote =
    u === ''
      ? 'the field has no unit suffix, so plain min, max, step'
      : `the field's unit is in its name (_${u}), so ${key('min')}, ${key('max')}, ${key('step')}`;
  if (unknown.length > 0) {
    problems.push(`${here}: unknown range key${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; expected ${unitNote}`);
    return undefined;
  }
  const min = r[key('min')];
  const max = r[key('max')];
  const step = r[key('step')];
  const before = problems.length;
  if (min === undefined || max === undefined)
    problems.push(`${here}: a range needs ${key('min')} and ${key('max')} (${unitNote})`);
  else if (!(min <= max)) problems.push(`${here}: expected ${key('min')} <= ${key('max')}, got ${min} > ${max}`);
  if (step === undefined && method === 'grid')
    problems.push(`${here}: a grid needs ${key('step')} for a range (or give a list of values)`);
  if (step !== undefined && !(step > 0)) problems.push(`${here}: expected ${key('step')} > 0, got ${step}`);
  else if (step !== undefined && min <= max && (max - min) / step + 1 > MAX_DESIGNS)
    problems.push(
      `${here}: ${key('step')} ${step} gives more than ${MAX_DESIGNS.toLocaleString('en-GB')} values from ${min} to ${max}; give a coarser step`,
    );
  return problems.length > before ? undefined : { kind: 'range', min, max, step: step ?? null };
}

/** A JSON file's text (a byte-order mark dropped) and its value. */
function readJson(file: string, what: string): { text: string; obj: unknown } {
  const text = readText(file, what);
  try {
    return { text, obj: JSON.parse(text) };
  } catch (err) {
    throw new InputError(`${file}: not valid JSON: ${(err as Error).message}`);
  }
}

interface RawSweep {
  name: string;
  description?: string;
  base: string;
  overrides?: Record<string, unknown>;
  method: 'grid' | 'lhs';
  samples?: number;
  seed?: number;
  prices_file?: string;
  parameters: Record<string, number[] | Record<string, number>>;
}

/**
 * Reads and checks a sweep file and its base scenario; expands the designs. `cliOverrides` (from
 * --set) change the base after the file's own overrides and are recorded with them (and in the
 * sweep's hash, so shards run with different ones are not merged). Throws InputError listing
 * every problem.
 */
export function loadSweep(path: string, cliOverrides: readonly Override[] = []): LoadedSweep {
  const file = resolve(path);
  const dir = dirname(file);
  const { text, obj } = readJson(file, 'sweep file');
  const looksLikeScenario = typeof obj === 'object' && obj !== null && 'scheme' in obj && !('parameters' in obj);
  if (looksLikeScenario) {
    throw new InputError(
      `${file}: this is a scenario, not a sweep file; a sweep names a base scenario and the fields to vary, e.g. { "name": "my-sweep", "base": "mersey-barrage.json", "parameters": { "scheme.turbines.count": [20, 28, 36] } } (see models/mersey-sweep.json)`,
    );
  }
  const v = validator();
  if (!v(obj))
    fail(file, 'sweep file', [...new Set((v.errors ?? []).map(schemaMessage).filter((m): m is string => m !== undefined))]);
  const raw = obj as RawSweep;

  // Meaning: method options, parameter paths and domains.
  const problems: string[] = [];
  if (raw.method === 'lhs') {
    for (const k of ['samples', 'seed'] as const)
      if (raw[k] === undefined) problems.push(`${k}: missing; method "lhs" needs samples (designs) and seed`);
  } else {
    for (const k of ['samples', 'seed'] as const)
      if (raw[k] !== undefined)
        problems.push(`${k}: applies to method "lhs" only; this sweep's method is "grid" (every combination)`);
  }
  const parameters: Parameter[] = [];
  for (const [p, spec] of Object.entries(raw.parameters)) {
    const keys = parsePath(p);
    if (!keys) {
      problems.push(
        `${paramLabel(p)}: not a field path; write it dotted as in the scenario's messages, e.g. scheme.turbines.diameter_m`,
      );
      continue;
    }
    if (raw.overrides && Object.hasOwn(raw.overrides, p))
      problems.push(`${paramLabel(p)}: also set in overrides; a swept field takes its values from parameters only`);
    const set = cliOverrides.find((o) => o.path === p);
    if (set) problems.push(`${paramLabel(p)}: also set by ${set.origin}; a swept field takes its values from parameters only`);
    let domain: Domain | undefined;
    if (Array.isArray(spec)) {
      const dup = spec.find((x, i) => spec.indexOf(x) !== i);
      if (dup !== undefined)
        problems.push(`${paramLabel(p)}: the value ${dup} appears more than once; each value makes its own designs`);
      else domain = { kind: 'list', values: spec };
    } else domain = rangeDomain(p, spec, raw.method, problems);
    if (domain) parameters.push({ path: p, keys, domain });
  }
  if (raw.method === 'grid' && problems.length === 0) {
    const n = gridCount(parameters);
    if (n > MAX_DESIGNS)
      problems.push(
        `parameters: the grid has ${n.toExponential(2)} designs, more than ${MAX_DESIGNS.toLocaleString('en-GB')}; use coarser steps, or method "lhs" with samples`,
      );
  }
  const overrides: Record<string, unknown> = { ...raw.overrides };
  for (const o of cliOverrides) overrides[o.path] = o.value;
  const overrideKeys = Object.keys(overrides).map((k) => [k, parsePath(k)] as const);
  for (const [k, keys] of overrideKeys)
    if (!keys) problems.push(`overrides["${k}"]: not a field path; write it dotted, e.g. period.end`);
  if (problems.length > 0) fail(file, 'sweep file', problems);

  // The base scenario, with the overrides, must be valid and hold every swept path as a number.
  const baseFile = resolve(dir, raw.base);
  const base = readJson(baseFile, `base scenario (the sweep's "base" is resolved from ${dir})`);
  const baseObject = base.obj as Record<string, unknown>;
  if (typeof baseObject !== 'object' || baseObject === null || Array.isArray(baseObject))
    throw new InputError(`${baseFile}: expected a scenario object`);
  for (const [k, keys] of overrideKeys) setAt(baseObject, keys!, overrides[k]);
  const baseWhat = overrideKeys.length > 0 ? `${baseFile} (with the overrides of ${basename(file)})` : baseFile;
  const baseScenario = scenarioFromObject(baseObject, baseWhat, dirname(baseFile), undefined, cliOverrides);
  const numeric = numericPaths(baseObject);
  for (const p of parameters) {
    const x = getAt(baseObject, p.keys);
    if (x === undefined) {
      const near = suggest(p.path, numeric);
      problems.push(
        `${paramLabel(p.path)}: no such field in the base scenario ${raw.base}${near ? `; did you mean "${near}"?` : ''}`,
      );
    } else if (typeof x !== 'number') {
      problems.push(
        `${paramLabel(p.path)}: is ${JSON.stringify(x).slice(0, 40)} in the base scenario ${raw.base}, not a number; only numeric fields can be swept`,
      );
    }
  }
  if (problems.length > 0) fail(file, 'sweep file', problems);

  const pricesFile = raw.prices_file === undefined ? null : resolve(dir, raw.prices_file);
  const hash = createHash('sha256').update(text).update(base.text);
  if (cliOverrides.length > 0) hash.update(JSON.stringify(cliOverrides.map((o) => [o.path, o.value])));
  if (pricesFile !== null) {
    try {
      hash.update(readFileSync(pricesFile));
    } catch (err) {
      throw new InputError(
        `${file}: prices_file: cannot read ${pricesFile} (${(err as NodeJS.ErrnoException).code ?? err}); it is resolved from the sweep file's folder`,
      );
    }
  }
  const spec: SweepSpec = {
    file,
    name: raw.name,
    description: raw.description ?? '',
    method: raw.method,
    samples: raw.samples ?? null,
    seed: raw.seed ?? null,
    base: raw.base,
    baseFile,
    overrides,
    changes: cliOverrides.map(({ path, value }) => ({ path, value })),
    prices: raw.prices_file ?? null,
    pricesFile,
    parameters,
    sha256: hash.digest('hex'),
  };
  const designs = raw.method === 'grid' ? gridDesigns(parameters) : lhsDesigns(parameters, raw.samples!, raw.seed!);
  const seaPaths = parameters
    .map((p) => p.path)
    .filter((p) => SEA_LEVEL_FIELDS.includes(String(parsePath(p)![0]) as (typeof SEA_LEVEL_FIELDS)[number]));
  return { spec, baseObject, baseScenario, designs, seaPaths };
}

/**
 * Checks that the given designs are valid scenarios (the scenario loader's checks: schema and
 * relations). Throws one InputError grouping the designs by problem.
 */
export function checkDesigns(sweep: LoadedSweep, indices: ArrayLike<number>): void {
  const { designs, baseObject, spec } = sweep;
  const keys = pathKeys(designs.paths);
  // Grouped by the problem without the value found, so that a field that fails in every design
  // (an LHS over a whole-number field) is one line, not one per design.
  const byProblem = new Map<string, { count: number; first: string; message: string }>();
  const prefix = `${spec.baseFile}: `;
  let bad = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    try {
      scenarioFromObject(designObject(baseObject, keys, designs.values, i), spec.baseFile, dirname(spec.baseFile));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      bad++;
      for (const p of err.problems) {
        const m = p.startsWith(prefix) ? p.slice(prefix.length) : p;
        const key = m.replace(/, got [^;]*/, '');
        const g = byProblem.get(key);
        if (g) g.count++;
        else byProblem.set(key, { count: 1, first: designLabel(designs.paths, designs.values, i), message: m });
      }
    }
  }
  if (bad === 0) return;
  const stepHint =
    spec.method === 'lhs' ? ' (a range without a step samples any real number; give whole-number fields a step)' : '';
  const lines = [...byProblem.values()].map(
    (g) =>
      `${g.message}${g.message.includes('whole number') ? stepHint : ''}  [${g.count} design${g.count > 1 ? 's' : ''}, first: ${g.first}]`,
  );
  throw new InputError(
    `${spec.file}: ${bad} of ${indices.length} designs are not valid scenarios:\n  ${listed(lines)}`,
    lines.map((l) => `${spec.file}: ${l}`),
  );
}
