/**
 * The public API (src/index.ts): what a script needs, nothing internal. A change here is a change
 * of the package's API, to be made on purpose.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports what the README examples and a script use', () => {
    for (const name of [
      'loadScenario',
      'simulate',
      'optimiseScenario',
      'loadSweep',
      'runSweep',
      'mergeShards',
      'WorkerPool',
      'distModule',
      'loadSite',
      'predictSeaLevel',
      'fitHarmonics',
      'highLowWaters',
      'writeResult',
      'reportHtml',
      'runValidation',
      'InputError',
      'SolverError',
    ])
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
  });

  it('keeps the internals in: the solver window API, the optimiser search, the flat tables', () => {
    for (const name of [
      'advance',
      'SolverState',
      'prepareRun',
      'integrate',
      'Horizon',
      'CHUNK_DECISIONS',
      'buildRun',
      'TABLE_DH',
    ])
      expect(Object.keys(api), name).not.toContain(name);
    expect(Object.keys(api).length).toBeLessThan(60);
  });
});
