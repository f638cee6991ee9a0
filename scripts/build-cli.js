// The command as one file: esbuild bundles dist/cli/main.js, and every module it imports, into
// dist/cli.js, and the entry dist/cli/bin.js is pointed at it. Loading some hundred modules one by
// one was most of a command's start (`mersey-tidal --version` included). dist/cli.js sits beside
// dist/paths.js, so that the package root is found the same way; packages stay external. The
// library (dist/index.js) and the worker tasks (scripts/build-tasks.js) are not changed. Run by
// `npm run build`, after tsc; running it again changes nothing.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE } from './node-bundle.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
await build({
  entryPoints: [`${dist}cli/main.js`],
  outfile: `${dist}cli.js`,
  sourcemap: true,
  ...NODE_BUNDLE,
});
const entry = `${dist}cli/bin.js`;
const text = readFileSync(entry, 'utf8');
const bundled = text.replace("import('./main.js')", "import('../cli.js')");
if (!bundled.includes("import('../cli.js')")) throw new Error(`${entry}: no import('./main.js') to point at the bundle`);
writeFileSync(entry, bundled);
