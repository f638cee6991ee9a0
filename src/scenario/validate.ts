/**
 * Validation of scenario files against the published JSON Schema (models/scenario.schema.json),
 * with one readable message per bad field: the file (with line and column when the text is known),
 * the JSON path, what was expected with its unit, what was found, and a hint where one helps. All
 * the problems of a file are reported together.
 *
 * The messages are built from the schema itself: its types, bounds, enums and the descriptive
 * keywords `unit` (the field's unit, in words) and `hint` (how to fix a bad value).
 */
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { InputError, listed, suggest } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import { lazyValidator, type SchemaSpec } from './schema-validator.js';

/** A problem with one field: its dotted JSON path and what is wrong ("expected ..., got ..."). */
export interface Problem {
  path: string;
  message: string;
}

/** Position in a text file, both 1-based. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Where a JSON path sits in the scenario's text, when the text is known; or the command-line
 * option that set it ("--set time_step_s=0"), named in the message instead of the file.
 */
export type Locate = (path: string) => TextPosition | string | undefined;

/**
 * Throws one InputError listing every problem, each as "file[:line:column]: path: message". The
 * summary line counts them; `problems` holds one string per problem.
 */
export function throwProblems(file: string, problems: readonly Problem[], locate?: Locate): never {
  const located = problems.map((p) => {
    const at = locate?.(p.path);
    return typeof at === 'string' ? { p, option: at } : { p, at };
  });
  const line = (x: { at?: TextPosition }) => x.at?.line ?? 0;
  if (locate) located.sort((a, b) => line(a) - line(b) || (a.at?.column ?? 0) - (b.at?.column ?? 0));
  const lines = located.map(({ p, at, option }) =>
    option !== undefined
      ? `${option}: ${p.path}: ${p.message}`
      : `${file}${at ? `:${at.line}:${at.column}` : ''}: ${p.path}: ${p.message}`,
  );
  throw new InputError(`${lines.length} problem${lines.length > 1 ? 's' : ''} in the scenario:\n  ${listed(lines)}`, lines);
}

/** Runs fn, turning any error it throws into an InputError with the same message (bad data files). */
export function asInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw err instanceof InputError ? err : new InputError((err as Error).message);
  }
}

export const SCHEMA_PATH = join(PACKAGE_ROOT, 'models', 'scenario.schema.json');

/** The scenario schema and how it is validated (compiled by the build: schema-validator.ts). */
export const SCENARIO_SCHEMA: SchemaSpec = {
  name: 'scenario',
  file: SCHEMA_PATH,
  options: { discriminator: true },
  keywords: ['unit', 'hint'],
};
const validator = lazyValidator(SCENARIO_SCHEMA);

/** Dotted JSON path from its parts: ["scheme", "turbines", "0", "x"] -> scheme.turbines[0].x */
export function jsonPath(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out === '' ? p : `.${p}`;
  return out === '' ? '(top level)' : out;
}

/** Dotted path of an ajv instancePath (a JSON pointer), with an optional last part. */
function dotted(instancePath: string, extra?: string): string {
  const parts =
    instancePath === ''
      ? []
      : instancePath
          .split('/')
          .slice(1)
          .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return jsonPath(parts);
}

/** A value as the message shows it: JSON, except for non-finite numbers; long values cut. */
export function shown(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
  if (typeof x === 'bigint' || typeof x === 'function' || typeof x === 'symbol') return `a ${typeof x}`;
  let s: string;
  try {
    s = JSON.stringify(x) ?? String(x);
  } catch {
    s = 'a value that cannot be written as JSON';
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** The parts of a JSON Schema that messages read. */
interface FieldSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
  default?: unknown;
  unit?: string;
  hint?: string;
  properties?: Record<string, FieldSchema>;
  oneOf?: FieldSchema[];
  discriminator?: { propertyName: string };
}

const TYPE_WORDS: Record<string, string> = {
  object: 'an object { ... }',
  array: 'a list [ ... ]',
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  null: 'null',
};

/** The kinds a discriminated oneOf accepts (the `const` of its tag in each branch). */
function kindsOf(s: FieldSchema): string[] {
  const tag = s.discriminator?.propertyName;
  if (tag === undefined) return [];
  return (s.oneOf ?? []).map((b) => b.properties?.[tag]?.const).filter((k): k is string => typeof k === 'string');
}

/** What a field expects, in words, with its unit: "a number > 0 and <= 2 (dimensionless)". */
export function expectation(s: FieldSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum)
    return s.enum.length === 1 ? JSON.stringify(s.enum[0]) : `one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const kinds = kindsOf(s);
  if (kinds.length > 0)
    return `an object with "${s.discriminator!.propertyName}" one of ${kinds.map((k) => JSON.stringify(k)).join(', ')}`;
  const types = Array.isArray(s.type) ? s.type : s.type !== undefined ? [s.type] : [];
  let out = types.map((t) => TYPE_WORDS[t] ?? t).join(' or ') || 'a value';
  const bounds: string[] = [];
  if (s.exclusiveMinimum !== undefined) bounds.push(`> ${s.exclusiveMinimum}`);
  if (s.minimum !== undefined) bounds.push(`>= ${s.minimum}`);
  if (s.exclusiveMaximum !== undefined) bounds.push(`< ${s.exclusiveMaximum}`);
  if (s.maximum !== undefined) bounds.push(`<= ${s.maximum}`);
  if (bounds.length > 0) out += ` ${bounds.join(' and ')}`;
  if (s.minLength === 1 && s.pattern === undefined) out = 'a non-empty string';
  if (s.minItems !== undefined) out = `a list of at least ${s.minItems} values`;
  if (s.pattern !== undefined) out += ` matching /${s.pattern}/`;
  return s.unit ? `${out} (${s.unit})` : out;
}

/** Hints from what was found: quoted numbers, NaN-like words, null, non-finite numbers. */
function foundHints(s: FieldSchema, found: unknown): string[] {
  const wantsNumber = s.type === 'number' || s.type === 'integer';
  const out: string[] = [];
  if (typeof found === 'number' && !Number.isFinite(found)) {
    out.push('numbers must be finite (a JSON number beyond about 1.8e308 overflows to Infinity)');
  } else if (wantsNumber && typeof found === 'string') {
    const t = found.trim();
    if (/^[+-]?(nan|inf|infinity)$/i.test(t)) out.push('JSON has no NaN or Infinity; give a finite number');
    else if (t !== '' && Number.isFinite(Number(t))) out.push('write the number without quotes');
  } else if (s.type === 'integer' && typeof found === 'number' && !Number.isInteger(found)) {
    out.push('give a whole number, without a decimal part');
  } else if (found === null) {
    out.push(
      s.default !== undefined
        ? `give a value, or leave the field out to use the default ${JSON.stringify(s.default)}`
        : 'give a value',
    );
  }
  return out;
}

function withHints(text: string, hints: readonly (string | undefined)[]): string {
  const h = [...new Set(hints.filter((x): x is string => x !== undefined && x !== ''))];
  return h.length > 0 ? `${text}; ${h.join('; ')}` : text;
}

/** One problem for one ajv error; undefined for errors another one explains better. */
export function describe(e: ErrorObject): Problem | undefined {
  const sch = (e.parentSchema ?? {}) as FieldSchema;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const name = String(p.missingProperty);
      const field = sch.properties?.[name];
      const what = field ? `, ${expectation(field)}` : '';
      return { path: dotted(e.instancePath, name), message: withHints(`missing: this field is required${what}`, [field?.hint]) };
    }
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const known = Object.keys(sch.properties ?? {});
      const near = suggest(name, known);
      return {
        path: dotted(e.instancePath, name),
        message: `unknown field; ${near ? `did you mean "${near}"?` : `expected one of ${known.join(', ')}`}`,
      };
    }
    case 'discriminator': {
      const tag = String(p.tag);
      const kinds = kindsOf(sch);
      const found = (e.data as Record<string, unknown> | null)?.[tag];
      if (found === undefined) return undefined; // "required" says it is missing
      const near = typeof found === 'string' ? suggest(found, kinds) : undefined;
      const text = `expected one of ${kinds.map((k) => JSON.stringify(k)).join(', ')}, got ${shown(found)}`;
      return { path: dotted(e.instancePath, tag), message: withHints(text, [near ? `did you mean "${near}"?` : undefined]) };
    }
    case 'enum':
    case 'const': {
      const allowed = e.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue];
      const names = allowed.filter((a): a is string => typeof a === 'string');
      const near = typeof e.data === 'string' ? suggest(e.data, names) : undefined;
      return {
        path: dotted(e.instancePath),
        message: withHints(`expected ${expectation(sch)}, got ${shown(e.data)}`, [
          near ? `did you mean "${near}"?` : undefined,
          sch.hint,
        ]),
      };
    }
    case 'oneOf':
    case 'if':
      return undefined; // the branch errors say what is wrong
    default:
      // type, bounds, length, pattern, and anything else: the expectation comes from the schema.
      return {
        path: dotted(e.instancePath),
        message: withHints(`expected ${expectation(sch)}, got ${shown(e.data)}`, [...foundHints(sch, e.data), sch.hint]),
      };
  }
}

/**
 * Checks a parsed scenario object against the schema, filling defaults in place. Returns one
 * problem per bad field (the first error ajv gives for it), in the order ajv finds them.
 */
export function schemaProblems(obj: unknown): Problem[] {
  const v = validator();
  if (v(obj)) return [];
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const e of v.errors ?? []) {
    const p = describe(e);
    if (p === undefined || seen.has(p.path)) continue;
    seen.add(p.path);
    out.push(p);
  }
  return out;
}
