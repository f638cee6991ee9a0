/**
 * The optimiser suites' inputs: a sinusoidal lagoon whose best fixed heads are known, and windows
 * of the Mersey barrage on its observed tide; the net energy per tide of a run's ledger.
 */

import { fileURLToPath } from 'node:url';
import { fixedHeadCycle } from '../../src/operation/fixed-head.js';
import type { FlexibleInputs } from '../../src/optimise/run.js';
import { buildRun } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import { constantAreaBasin } from '../../src/scheme/basin.js';
import type { SchemeModel } from '../../src/solver/types.js';
import type { SeaLevel } from '../../src/tide/sea-level.js';
import { isoTime } from '../../src/time.js';
import { MERSEY } from '../fixtures.js';
import { idealTurbine, PERIOD, sinusoid } from '../ideal.js';

/**
 * A 10 km2 lagoon on a sinusoidal tide of 4 m range (12 h period, steps of `step` s): ten ideal
 * units (Cd*A 50 m2, 90 % efficient, 20 MW each, pumping at 80 % up to 300 m3/s), 1,000 m2 of
 * sluices, two-way with pumping. Its best fixed heads are near 4 m start, 1 m end.
 */
export function sineLagoon(days: number, step = 300, lookahead = 1): FlexibleInputs {
  const sea: SeaLevel = sinusoid(2, PERIOD, step, days);
  const turbine = idealTurbine(50, { efficiency: 0.9, rated: 2e7, pump: { efficiency: 0.8, power: 2e7, maxFlow: 300 } });
  const scheme: SchemeModel = { basin: constantAreaBasin(1e7, -50, 50), turbine, turbineCount: 10, sluiceCdA: 1000 };
  const c = { startHead: 2, endHead: 1, pumpToHead: 0.5 };
  const ops = fixedHeadCycle({ ebb: c, flood: c });
  return { sea, scheme, ops, ranges: { step: 0.1, start: [0.5, 5], end: [0, 4], pump: [0, 3] }, lookahead };
}

/** The Mersey barrage (two-way with pumping, observed tide) from `start` for `days`, at `step` seconds. */
export function merseyScenario(start: string, days: number, step = 300): Scenario {
  const s = loadScenario(MERSEY);
  // The observed record (the default runs on the harmonic prediction), so forecasts can differ from it.
  s.tide = {
    kind: 'observed',
    file: fileURLToPath(new URL('../../data/liverpool-gladstone-dock-2018-observed.csv', import.meta.url)),
    datum: 'ODN',
    sea_level_offset_m: 0,
  };
  s.period = { start, end: isoTime(Date.parse(start) / 1000 + days * 86400) };
  s.time_step_s = step;
  return s;
}

/** The Mersey barrage's solver inputs over a short period, for flexible operation. */
export function merseyInputs(start: string, days: number, step = 300, lookahead = 1): FlexibleInputs {
  const { sea, scheme, ops } = buildRun(merseyScenario(start, days, step));
  return { sea, scheme, ops, ranges: { step: 0.1, start: [1, 6], end: [0.5, 4], pump: [0, 4] }, lookahead };
}

/** Net energy (J) of a ledger's half tides starting within [from, to) (s since the epoch), per tide. */
export function energyPerTide(
  halfTides: readonly { start: number; generated: number; pumped: number }[],
  from: number,
  to: number,
): number {
  const h = halfTides.filter((x) => x.start >= from && x.start < to);
  return (h.reduce((a, x) => a + x.generated - x.pumped, 0) / h.length) * 2;
}
