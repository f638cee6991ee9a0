/**
 * The library's worker tasks are loaded from bundles (scripts/build-tasks.js, run by `npm run
 * build`, which `npm test` runs first; the code they share sits in chunks they import): each
 * bundle exists, is what taskModule names,
 * and exports the names of the module it was built from, a setup function among them (that the
 * runs it makes are the module's is tested through the commands that use them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distModule, TASKS, taskModule } from '../../src/parallel/task.js';

describe('task bundles', () => {
  it("optimise's fixed-head and flexible tasks import one shared copy of the solver", () => {
    const chunksOf = (rel: (typeof TASKS)[number]) =>
      [...readFileSync(fileURLToPath(taskModule(rel)), 'utf8').matchAll(/from "\.\/(task-chunk-[\w-]+\.js)"/g)].map((m) => m[1]);
    const shared = chunksOf('optimise/fixed-task.js').filter((c) => chunksOf('optimise/flexible-task.js').includes(c));
    const dir = dirname(fileURLToPath(taskModule('optimise/fixed-task.js')));
    const solver = shared.filter((c) => /\bfunction advance\(/.test(readFileSync(join(dir, c), 'utf8')));
    expect(solver).toHaveLength(1);
  });

  for (const rel of TASKS) {
    it(`${rel}: taskModule names its bundle, which exports the module's setup`, async () => {
      const url = taskModule(rel);
      expect(url).not.toBe(distModule(rel));
      expect(existsSync(fileURLToPath(url))).toBe(true);
      const [bundle, module] = await Promise.all([import(url), import(distModule(rel))]);
      expect(typeof bundle.setup).toBe('function');
      expect(Object.keys(bundle).sort()).toEqual(Object.keys(module).sort());
    });
  }
});
