// The JSON Schemas compiled once, at build time, into plain code: dist/schemas/<name>.cjs, stamped
// with a SHA-256 of what it was compiled from (the schema, its options, the ajv version).
// src/scenario/schema-validator.ts loads it, and compiles the schema itself where the stamp does
// not match: every command would otherwise pay ajv's compile of the scenario schema at its start.
// Run by `npm run build`, after tsc.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import standalone from 'ajv/dist/standalone/index.js';
import { compiledSchemaPath, schemaAjv, schemaDigest } from '../dist/scenario/schema-validator.js';
import { SCENARIO_SCHEMA } from '../dist/scenario/validate.js';
import { SWEEP_SCHEMA } from '../dist/sweep/spec.js';

for (const spec of [SCENARIO_SCHEMA, SWEEP_SCHEMA]) {
  const text = readFileSync(spec.file, 'utf8');
  const ajv = schemaAjv(spec, { code: { source: true } });
  const code = standalone.default(ajv, ajv.compile(JSON.parse(text)));
  const out = compiledSchemaPath(spec);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `// Compiled by scripts/build-schemas.js from ${spec.name}.schema.json; do not edit.\n${code}\nmodule.exports.schemaSha256 = ${JSON.stringify(schemaDigest(spec, text))};\n`,
  );
}
