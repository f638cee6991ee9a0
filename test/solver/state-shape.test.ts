/**
 * A solver state keeps its hidden class through a run. V8 fixes a field's representation at the
 * field's first value; a state whose field changes representation mid-run (a small integer that
 * becomes a fraction) throws away the solver's compiled code (see SolverState). Checked with V8's
 * own %HaveSameMap, against a state made before the run: it fails if a real-valued field is
 * created holding a small integer, or if the segment advance reads back from cruise is stored as
 * a double.
 */
import { setFlagsFromString } from 'node:v8';
import { expect, it } from 'vitest';
import { buildRun } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/load.js';
import { advance } from '../../src/solver/advance.js';
import { ModeLog } from '../../src/solver/mode-log.js';
import { prepareRun, startState } from '../../src/solver/run.js';
import { SolverState } from '../../src/solver/state.js';
import { allocateSeries } from '../../src/solver/types.js';
import { MERSEY } from '../fixtures.js';

setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

it('a new state holds no NaN: every field created as NaN is set by the constructor', () => {
  const st = new SolverState(3);
  const nan = Object.entries(st).filter(([, v]) => typeof v === 'number' && Number.isNaN(v));
  expect(nan).toEqual([]);
  expect([st.invArea, st.volume, st.energy, st.logStart]).toEqual([1, 0, 0, 0]);
});

it('a state run through a fortnight with its log and series keeps the hidden class of a state made before', () => {
  const s = loadScenario(MERSEY);
  s.period = { start: '2018-03-01T00:00:00Z', end: '2018-03-15T00:00:00Z' };
  const { sea, scheme, ops } = buildRun(s);
  const run = prepareRun(sea, scheme, ops);
  const before = new SolverState(ops.names.length);
  const st = startState(run);
  const n = sea.level.length;
  advance(run, st, 0, n - 1, { log: new ModeLog(), series: allocateSeries(n) });
  // The run gave fractions to the fields that start at 0: else the check would prove nothing.
  const { age, energy, pumpEnergy, released, lifted, overshoot, logStart, logGenerated } = st;
  const fields = { age, energy, pumpEnergy, released, lifted, overshoot, logStart, logGenerated };
  expect(Object.entries(fields).filter(([, v]) => Number.isInteger(v))).toEqual([]);
  expect(sameMap(before, st)).toBe(true);
  expect(sameMap(before, new SolverState(ops.names.length).copyFrom(st))).toBe(true);
});
