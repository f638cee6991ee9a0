/**
 * Validation of scenario files against the published JSON Schema (models/scenario.schema.json),
 * with one readable message per bad field: the file, the JSON path, what was expected with its
 * unit, what was found, and a hint where one helps. All errors in a file are reported together.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** Thrown for bad input (scenario or data): the CLI exits with code 2 on it. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'InputError';
  }
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

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, discriminator: true, strict: true, useDefaults: true });
    ajv.addKeyword({ keyword: 'unit', schemaType: 'string' });
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  }
  return compiled;
}

/** JSON path in dotted form: /scheme/turbines/0/x -> scheme.turbines[0].x */
function dotted(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1);
  if (extra !== undefined) parts.push(extra);
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out === '' ? p : `.${p}`;
  return out === '' ? '(top level)' : out;
}

function shown(x: unknown): string {
  if (x === undefined) return 'nothing';
  const s = JSON.stringify(x);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Levenshtein distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/** The closest of `names` to `word`, when close enough to be a likely typo. */
export function suggest(word: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const dist = editDistance(word.toLowerCase(), n.toLowerCase());
    if (dist < bestD) {
      bestD = dist;
      best = n;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** One readable message for a schema error (undefined when its branch errors say it better). */
export function describe(e: ErrorObject): string | undefined {
  const unit = (e.parentSchema as { unit?: string } | undefined)?.unit;
  const u = unit ? ` (${unit})` : '';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${dotted(e.instancePath, String(p.missingProperty))}: missing; this field is required`;
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
      const near = suggest(name, known);
      return `${dotted(e.instancePath, name)}: unknown field${near ? `; did you mean "${near}"?` : `; expected one of ${known.join(', ')}`}`;
    }
    case 'type':
      return `${dotted(e.instancePath)}: expected ${p.type === 'integer' ? 'a whole number' : `a ${p.type}`}${u}, got ${shown(e.data)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' }[e.keyword];
      return `${dotted(e.instancePath)}: expected a number ${op} ${p.limit}${u}, got ${shown(e.data)}`;
    }
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue]).map((v) => JSON.stringify(v));
      const near = typeof e.data === 'string' ? suggest(e.data, allowed.map((a) => JSON.parse(a) as string)) : undefined;
      return `${dotted(e.instancePath)}: expected ${allowed.length > 1 ? `one of ${allowed.join(', ')}` : allowed[0]}, got ${shown(e.data)}${near ? `; did you mean "${near}"?` : ''}`;
    }
    case 'discriminator': {
      const tag = String(p.tag);
      const got = (e.data as Record<string, unknown> | null)?.[tag];
      if (got === undefined) return undefined; // 'required' reports the missing tag
      const branches = (e.parentSchema as { oneOf?: { properties?: Record<string, { const?: unknown }> }[] }).oneOf ?? [];
      const kinds = branches.map((b) => b.properties?.[tag]?.const).filter((k): k is string => typeof k === 'string');
      const near = typeof got === 'string' ? suggest(got, kinds) : undefined;
      return `${dotted(e.instancePath, tag)}: expected one of ${kinds.map((k) => JSON.stringify(k)).join(', ')}, got ${shown(got)}${near ? `; did you mean "${near}"?` : ''}`;
    }
    case 'oneOf':
    case 'if':
      return undefined; // the branch errors say what is wrong
    case 'minItems':
      return `${dotted(e.instancePath)}: expected at least ${p.limit} values, got ${shown(e.data)}`;
    case 'minLength':
      return `${dotted(e.instancePath)}: expected a non-empty string, got ${shown(e.data)}`;
    case 'pattern':
      return `${dotted(e.instancePath)}: ${(e.parentSchema as { description?: string }).description ?? `expected to match ${p.pattern}`}; got ${shown(e.data)}`;
    default:
      return `${dotted(e.instancePath)}: ${e.message ?? 'invalid'}, got ${shown(e.data)}`;
  }
}

/**
 * Checks a parsed scenario object against the schema, filling defaults in place. Throws an
 * InputError listing every problem, each prefixed with `file`.
 */
export function validateScenarioObject(obj: unknown, file: string): void {
  const v = validator();
  if (v(obj)) return;
  const msgs = [...new Set((v.errors ?? []).map(describe).filter((m): m is string => m !== undefined))];
  const problems = msgs.map((m) => `${file}: ${m}`);
  throw new InputError(`${problems.length} problem${problems.length > 1 ? 's' : ''} in the scenario:\n  ${problems.join('\n  ')}`, problems);
}
