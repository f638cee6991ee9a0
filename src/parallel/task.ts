/**
 * The contract between the worker pool and the work it runs. A task module is a compiled ES
 * module (under dist/: worker threads load JavaScript, not TypeScript) that exports
 *
 *   export function setup(init: I): (index: number) => R
 *
 * The pool calls `setup` once per worker and job with the job's `init` (structured-cloned, so
 * any SharedArrayBuffer inside it is shared, not copied), then calls the returned function once
 * per index. R must be structured-cloneable (plain objects, numbers, strings, typed arrays).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../paths.js';

export type TaskSetup<I, R> = (init: I) => (index: number) => R;

/** The compiled output folder: workers load the library from here even when the caller runs from src/ (vitest). */
const DIST_DIR = join(PACKAGE_ROOT, 'dist');

/** The library's task modules, each bundled into one file by `npm run build` (scripts/build-tasks.js). */
export const TASKS = [
  'sweep/design-task.js',
  'optimise/fixed-task.js',
  'optimise/flexible-task.js',
  'validation/task.js',
] as const;

/** File name, in dist/, of a task's bundle (which imports the chunks tasks share): "sweep/design-task.js" -> "sweep-design-task.js". */
export function taskBundleName(rel: string): string {
  return rel.replaceAll('/', '-');
}

/** The URL taskModule chose for each task, once per process: a pool's preload and its jobs name the same file. */
const chosen = new Map<string, string>();

/**
 * File URL of one of the library's task modules (TASKS) for a worker to load: its bundle, which a
 * worker loads several times faster than the module and its imports, or the module itself when
 * the bundle has not been built.
 */
export function taskModule(rel: (typeof TASKS)[number]): string {
  let url = chosen.get(rel);
  if (url === undefined) {
    const bundle = join(DIST_DIR, taskBundleName(rel));
    url = existsSync(bundle) ? pathToFileURL(bundle).href : distModule(rel);
    chosen.set(rel, url);
  }
  return url;
}

/**
 * File URL of a compiled module under dist/ (`rel` like "sweep/design-task.js"). Throws a clear
 * error when it is missing: the TypeScript sources must be built first (`npm run build`).
 */
export function distModule(rel: string): string {
  const file = join(DIST_DIR, rel);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: worker threads run the compiled library; build it with \`npm run build\``);
  }
  return pathToFileURL(file).href;
}
