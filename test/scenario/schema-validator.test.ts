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

/**
 * Broken variants of a document: at every field, nested ones included, the field dropped, or set
 * to a value of the wrong kind, an out-of-range number, an unknown text or an empty object.
 */
function broken(doc: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown, edit: (v: unknown) => unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [k, v] of entries) {
      const at = (value: unknown, drop = false) =>
        edit(
          Array.isArray(node)
            ? node.map((x, i) => (i === k ? value : x))
            : Object.fromEntries(
                Object.entries(node as Record<string, unknown>)
                  .filter(([kk]) => !(drop && kk === k))
                  .map(([kk, x]) => [kk, kk === k ? value : x]),
              ),
        );
      if (!Array.isArray(node)) out.push(at(undefined, true));
      out.push(at(typeof v === 'number' ? 'text' : 42), at(-1e9), at('bogus'), at({}));
      walk(v, at);
    }
  };
  walk(doc, (d) => d);
  out.push({ ...(doc as object), unknown_field: 1 }, [], null, 'text');
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
  /** The build's code of the schema. */
  const built = () => require(compiledSchemaPath(spec)) as ((d: unknown) => boolean) & { schemaSha256: string };

  it('is compiled by the build from the schema and options as they are now, and that code is what validates', () => {
    expect(built().schemaSha256, 'dist/schemas is older than the schema: run npm run build').toBe(
      schemaDigest(spec, readFileSync(spec.file, 'utf8')),
    );
    expect(lazyValidator(spec)()).toBe(built());
  });

  it("gives the same verdicts, errors and filled-in defaults as ajv's own compile, on the shipped files and broken ones", () => {
    const docs = shipped(kind) as Record<string, unknown>[];
    expect(docs.length).toBeGreaterThan(0);
    const corpus = [...docs, ...docs.flatMap(broken)];
    const fromBuild = outcomes(built(), corpus);
    const own = outcomes(schemaAjv(spec).compile(JSON.parse(readFileSync(spec.file, 'utf8'))), corpus);
    expect(fromBuild).toEqual(own);
    // Both valid and invalid documents were compared.
    expect(new Set(fromBuild.map((o) => (o as { ok: boolean }).ok))).toEqual(new Set([true, false]));
  });

  it('is compiled on first use instead when the schema differs from the one the build compiled', () => {
    const file = join(tmp(), `${spec.name}.schema.json`);
    writeFileSync(file, `${readFileSync(spec.file, 'utf8')}\n`);
    const edited = { ...spec, file };
    const v = lazyValidator(edited)();
    expect(v).not.toBe(require(compiledSchemaPath(spec)));
    const docs = shipped(kind);
    expect(outcomes(v, docs)).toEqual(outcomes(built(), docs));
    // Other options (or another ajv) than the build's are compiled on first use too.
    expect(lazyValidator({ ...spec, options: { ...spec.options, ownProperties: true } })()).not.toBe(built());
  });
});
