/**
 * JSON Schema validators (ajv) compiled on first use. ajv itself is loaded then too: importing a
 * module that can validate costs nothing until something is validated, so a worker thread that
 * only runs already-validated scenarios never loads or compiles a schema.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv, Options, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/** A function returning the validator of the schema at `schemaPath` (absolute), compiled on its first call; `keywords` are the schema's descriptive keywords (string-valued, ignored by validation). */
export function lazyValidator(schemaPath: string, options: Options, keywords: readonly string[]): () => ValidateFunction {
  let compiled: ValidateFunction | undefined;
  return () => {
    if (!compiled) {
      const { Ajv: AjvClass } = require('ajv') as { Ajv: typeof Ajv };
      const ajv = new AjvClass({ allErrors: true, verbose: true, strict: true, useDefaults: true, ...options });
      for (const keyword of keywords) ajv.addKeyword({ keyword, schemaType: 'string' });
      compiled = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    }
    return compiled;
  };
}
