// The command as one file: esbuild bundles the compiled entry dist/cli/bin.js, and every module it
// imports, into dist/cli.js, and dist/cli/bin.js becomes a line that imports it. Loading some
// hundred modules one by one was most of a command's start (`mersey-tidal --version` included);
// one file loads in a fraction of that. dist/cli.js sits beside dist/paths.js, so that the package
// root is found the same way; packages stay external. The library (dist/index.js) and the worker
// tasks (scripts/build-tasks.js) are not changed. Run by `npm run build`, after tsc.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const entry = `${dist}cli/bin.js`;
const SHIM = "#!/usr/bin/env node\n// The command, bundled by scripts/build-cli.js.\nimport '../cli.js';\n";
if (readFileSync(entry, 'utf8') === SHIM)
  throw new Error(`${entry} is this script's own line, not tsc's output: run tsc -p src first`);
await build({
  entryPoints: [entry],
  outfile: `${dist}cli.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
writeFileSync(entry, SHIM);
rmSync(`${entry}.map`, { force: true });
