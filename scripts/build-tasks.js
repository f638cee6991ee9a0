// Worker-thread task modules as few files: each task (src/parallel/task.ts) is bundled by esbuild
// from the compiled dist/ modules into dist/<path with '/' as '-'>, e.g. dist/sweep-design-task.js,
// and the code several tasks import (the solver, the scheme, the optimiser's search) goes once into
// shared chunks, dist/task-chunk-<hash>.js. A worker then loads a few files instead of some seventy
// modules, which is most of a worker's start before its first task; and a worker that runs two
// tasks (optimise's fixed-head search, then its flexible decisions) runs one copy of the solver,
// compiled by the JavaScript engine once, not a second copy that starts cold. Every file sits
// beside dist/paths.js, so that the package root is found the same way. Packages stay external
// (ajv and the tide database are loaded at run time, and only when needed). Run by `npm run build`,
// after tsc.

import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { TASKS, taskBundleName } from '../dist/parallel/task.js';
import { NODE_BUNDLE } from './node-bundle.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const { metafile } = await build({
  metafile: true,
  entryPoints: TASKS.map((rel) => ({ in: join(dist, rel), out: taskBundleName(rel).replace(/\.js$/, '') })),
  outdir: dist,
  chunkNames: 'task-chunk-[hash]',
  splitting: true,
  ...NODE_BUNDLE,
});
// Chunks of an earlier build that this one no longer imports (their names change with their content).
const written = new Set(Object.keys(metafile.outputs).map((f) => basename(f)));
for (const f of readdirSync(dist)) if (/^task-chunk-.*\.js$/.test(f) && !written.has(f)) rmSync(join(dist, f));
