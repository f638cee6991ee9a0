/**
 * Where a run starts in its cycle (operation/modes.ts startMode, used by simulate): the energy of
 * a month must not depend on the hour the run starts at beyond the tides the window gains or
 * loses. Starting in 'fill' on a falling sea used to pump and hold the basin at low water until a
 * tide large enough to reach the start head came: up to 7 weeks without generating (the Mersey
 * default on the harmonic tide of 2038 lost 13 % of its year), which the nodal-cycle study of the
 * validation suite exposed.
 */

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMode } from '../../src/operation/modes.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { buildOperation } from '../../src/scenario/build.js';
import { scenarioFromObject } from '../../src/scenario/load.js';
import { simulate } from '../../src/simulate.js';
import { isoTime } from '../../src/time.js';

function scenario(rel: string, replace: Record<string, unknown> = {}) {
  const file = join(PACKAGE_ROOT, rel);
  const obj = JSON.parse(readFileSync(file, 'utf8'));
  const tide = obj.tide.kind === 'harmonic' ? obj.tide : { kind: 'harmonic', site: 'liverpool', datum: 'ODN' };
  return scenarioFromObject({ ...obj, tide, ...replace }, file, dirname(file));
}

describe('the mode a run starts in', () => {
  it('waits for the next slack water: sluicing when the cycle has it, else holding', () => {
    const names = (rel: string, operation?: unknown) => {
      const ops = buildOperation(scenario(rel, operation ? { operation } : {}));
      return [ops.names[startMode(ops, true)], ops.names[startMode(ops, false)]];
    };
    expect(names('models/mersey-barrage.json')).toEqual(['fill', 'drain']); // two-way
    expect(names('models/mersey-barrage-libaux-ebb.json')).toEqual(['fill', 'hold-low']); // ebb-only
    expect(names('models/validation/sihwa.json')).toEqual(['hold-high', 'drain']); // flood-only
  });

  it.each(['models/mersey-barrage.json', 'models/mersey-barrage-libaux-ebb.json', 'models/validation/sihwa.json'])(
    '%s: the energy of a month varies by under 4 percent over 25 start hours (January 2038)',
    (rel) => {
      const e: number[] = [];
      for (let h = 0; h < 25; h++) {
        const t0 = Date.UTC(2038, 0, 1, h) / 1000;
        e.push(simulate(scenario(rel, { period: { start: isoTime(t0), end: isoTime(t0 + 30 * 86400) } })).summary.energy_gwh);
      }
      expect((Math.max(...e) - Math.min(...e)) / Math.max(...e)).toBeLessThan(0.04);
    },
  );
});
