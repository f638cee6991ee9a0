/**
 * The library's worker tasks are loaded from bundles (scripts/build-tasks.js, run by `npm run
 * build`, which `npm test` runs first; the code they share sits in chunks they import): each
 * bundle exists, is what taskModule names,
 * and exports the names of the module it was built from, a setup function among them (that the
 * runs it makes are the module's is tested through the commands that use them).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distModule, TASKS, taskModule } from '../../src/parallel/task.js';

describe('task bundles', () => {
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
