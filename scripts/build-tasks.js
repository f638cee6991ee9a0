// Worker-thread task modules as single files: each task (src/parallel/task.ts) and everything it
// imports, bundled by esbuild from the compiled dist/ modules into dist/<path with '/' as '-'>
// beside dist/paths.js (so that the package root is found the same way), e.g.
// dist/sweep-design-task.js. A worker then loads one file instead of some seventy modules, which
// is most of a worker's start before its first task. Packages stay external (ajv and the tide
// database are loaded at run time, and only when needed). Run by `npm run build`, after tsc.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { TASKS, taskBundleName } from '../dist/parallel/task.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
await Promise.all(
  TASKS.map((rel) =>
    build({
      entryPoints: [join(dist, rel)],
      outfile: join(dist, taskBundleName(rel)),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    }),
  ),
);
