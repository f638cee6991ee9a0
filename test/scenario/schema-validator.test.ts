import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import {
  compiledSchemaPath,
  lazyValidator,
  type SchemaSpec,
  schemaAjv,
  schemaDigest,
} from '../../src/scenario/schema-validator.js';
import { SCENARIO_SCHEMA } from '../../src/scenario/validate.js';
import { SWEEP_SCHEMA } from '../../src/sweep/spec.js';
import { scratch } from '../fixtures.js';

const require = createRequire(import.meta.url);
const tmp = scratch();
const MODELS = join(PACKAGE_ROOT, 'models');

/** The shipped files of a schema: the scenarios, or the sweeps. */
function shipped(kind: 'scenario' | 'sweep'): unknown[] {
  const files = [
    ...readdirSync(MODELS).map((f) => join(MODELS, f)),
    ...readdirSync(join(MODELS, 'validation')).map((f) => join(MODELS, 'validation', f)),
  ].filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
  return files
    .map((f) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>)
    .filter((o) => 'parameters' in o === (kind === 'sweep'));
}

/** Broken variants of a document: each top-level field dropped, and each set to a value of the wrong kind. */
function broken(doc: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  for (const k of Object.keys(doc)) {
    const { [k]: _dropped, ...rest } = doc;
    out.push(rest);
    out.push({ ...doc, [k]: typeof doc[k] === 'number' ? 'text' : 42 });
  }
  out.push({ ...doc, unknown_field: 1 }, [], null, 'text');
  return out;
}

/** Validation of each document (a copy: defaults are filled in) by `v`: the verdict, the errors and the document after. */
function outcomes(v: (d: unknown) => boolean, docs: unknown[]): unknown[] {
  return docs.map((d) => {
    const copy = structuredClone(d);
    const ok = v(copy);
    return { ok, errors: (v as unknown as { errors?: unknown }).errors ?? null, after: copy };
  });
}

describe.each([
  ['scenario', SCENARIO_SCHEMA],
  ['sweep', SWEEP_SCHEMA],
] as const)('the %s schema', (kind, spec: SchemaSpec) => {
  it('is compiled by the build from the schema as it is now, and that code is what validates', () => {
    const compiled = require(compiledSchemaPath(spec)) as { schemaSha256: string };
    expect(compiled.schemaSha256).toBe(schemaDigest(readFileSync(spec.file, 'utf8')));
    expect(lazyValidator(spec)()).toBe(compiled);
  });

  it("gives the same verdicts, errors and filled-in defaults as ajv's own compile, on the shipped files and broken ones", () => {
    const docs = shipped(kind) as Record<string, unknown>[];
    expect(docs.length).toBeGreaterThan(0);
    const corpus = [...docs, ...docs.flatMap(broken)];
    const built = outcomes(lazyValidator(spec)(), corpus);
    const own = outcomes(schemaAjv(spec).compile(JSON.parse(readFileSync(spec.file, 'utf8'))), corpus);
    expect(built).toEqual(own);
    // Both valid and invalid documents were compared.
    expect(new Set(built.map((o) => (o as { ok: boolean }).ok))).toEqual(new Set([true, false]));
  });

  it('is compiled on first use instead when the schema differs from the one the build compiled', () => {
    const file = join(tmp(), `${spec.name}.schema.json`);
    writeFileSync(file, `${readFileSync(spec.file, 'utf8')}\n`);
    const edited = { ...spec, file };
    const v = lazyValidator(edited)();
    expect(v).not.toBe(require(compiledSchemaPath(spec)));
    const docs = shipped(kind);
    expect(outcomes(v, docs)).toEqual(outcomes(lazyValidator(spec)(), docs));
  });
});
