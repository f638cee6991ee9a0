/**
 * JSON Schema validators (ajv). Compiling the scenario schema is a large share of a command's
 * start, so `npm run build` compiles each schema once
 * into plain code (scripts/build-schemas.js: dist/schemas/<name>.cjs, which needs only ajv's small
 * runtime helpers), stamped with a SHA-256 of what it came from (the schema's text, the options,
 * the ajv version). A validator loads that code on first use; where it is missing or was compiled
 * from anything else (a checkout edited since its build), the schema is compiled on first use
 * instead, with the same options. Nothing is loaded until something is validated, so a worker thread that only runs
 * already-validated scenarios loads no validator.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import { PACKAGE_ROOT } from '../paths.js';

const require = createRequire(import.meta.url);

/** A schema the tool validates files against, and how. */
export interface SchemaSpec {
  /** Name of its compiled code: dist/schemas/<name>.cjs. */
  readonly name: string;
  /** The schema file (absolute). */
  readonly file: string;
  /** ajv options beyond the common ones (schemaAjv). */
  readonly options: Options;
  /** The schema's descriptive keywords (string-valued, ignored by validation). */
  readonly keywords: readonly string[];
}

/** The build's compiled code of a schema. */
export function compiledSchemaPath(spec: SchemaSpec): string {
  return join(PACKAGE_ROOT, 'dist', 'schemas', `${spec.name}.cjs`);
}

/** SHA-256 (hex) of what a schema's code is compiled from (its text, its options, the ajv version): the code's stamp. */
export function schemaDigest(spec: SchemaSpec, text: string): string {
  const ajv = (require('ajv/package.json') as { version: string }).version;
  return createHash('sha256')
    .update(JSON.stringify({ text, options: spec.options, keywords: spec.keywords, ajv }))
    .digest('hex');
}

/** An ajv set up for a schema: every error, with the schema's node (messages use its unit and hint), defaults filled in. */
export function schemaAjv(spec: SchemaSpec, extra: Options = {}): Ajv {
  const { Ajv: AjvClass } = require('ajv') as { Ajv: typeof Ajv };
  const ajv = new AjvClass({ allErrors: true, verbose: true, strict: true, useDefaults: true, ...spec.options, ...extra });
  for (const keyword of spec.keywords) ajv.addKeyword({ keyword, schemaType: 'string' });
  return ajv;
}

/** What a compiled schema module exports. */
interface CompiledSchema {
  (data: unknown): boolean;
  schemaSha256?: string;
}

/** The build's compiled validator of `text` (the schema's current text), or null when there is none for it. */
function compiledValidator(spec: SchemaSpec, text: string): ValidateFunction | null {
  let compiled: CompiledSchema;
  try {
    compiled = require(compiledSchemaPath(spec)) as CompiledSchema;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return null;
    throw err;
  }
  return compiled.schemaSha256 === schemaDigest(spec, text) ? (compiled as unknown as ValidateFunction) : null;
}

/** A function returning the validator of a schema, loaded (or compiled) on its first call. */
export function lazyValidator(spec: SchemaSpec): () => ValidateFunction {
  let validate: ValidateFunction | undefined;
  return () => {
    if (!validate) {
      const text = readFileSync(spec.file, 'utf8');
      validate = compiledValidator(spec, text) ?? schemaAjv(spec).compile(JSON.parse(text));
    }
    return validate;
  };
}
