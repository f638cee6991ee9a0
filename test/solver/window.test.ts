/**
 * The solver's window API, which flexible operation is built on: a run cut into windows of steps,
 * each continuing from the state the last one left, is exactly the run made in one go, series
 * and ledger included; a window stops where it is told to.
 */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/load.js';
import { advance } from '../../src/solver/advance.js';
import { finishRun, integrate } from '../../src/solver/integrate.js';
import { ModeLog } from '../../src/solver/mode-log.js';
import { prepareRun, startState } from '../../src/solver/run.js';
import { SolverState } from '../../src/solver/state.js';
import { allocateSeries } from '../../src/solver/types.js';
import { LIBAUX, MERSEY } from '../fixtures.js';

/** Two weeks of a scenario at 10-minute steps. */
function fortnight(file: string) {
  const s = loadScenario(file);
  s.period = { start: '2018-03-01T00:00:00Z', end: '2018-03-15T00:00:00Z' };
  s.time_step_s = 600;
  return buildRun(s);
}

describe('integrating in windows', () => {
  for (const file of [MERSEY, LIBAUX]) {
    it(`${file.split('/').pop()}: windows of uneven length give the one-go run: the same trajectory, totals and ledger to the last bit`, () => {
      const { sea, scheme, ops } = fortnight(file);
      const n = sea.level.length;
      const whole = allocateSeries(n);
      const wholeLog = new ModeLog();
      const t1 = integrate(sea, scheme, ops, { series: whole, log: wholeLog });

      const run = prepareRun(sea, scheme, ops);
      const st = startState(run);
      const parts = allocateSeries(n);
      const log = new ModeLog();
      // Windows of 1 to 97 steps, cut anywhere (mid-generation, mid-sluicing).
      let i = 0;
      for (let k = 0; i < n - 1; k++) {
        const j = Math.min(n - 1, i + 1 + ((k * 37) % 97));
        expect(advance(run, st, i, j, { series: parts, log })).toBe(j);
        i = j;
      }
      const t2 = finishRun(run, st, { series: parts, log });
      // The trajectory, the totals and the ledger are the same to the last bit: every running
      // total adds a step at a time in the same order, wherever a window cuts the run.
      for (const key of Object.keys(whole) as (keyof typeof whole)[]) expect(parts[key]).toEqual(whole[key]);
      for (const key of Object.keys(t1) as (keyof typeof t1)[]) expect(t2[key], key).toStrictEqual(t1[key]);
      expect(log.count).toBe(wholeLog.count);
      for (const key of ['start', 'mode', 'generated', 'pumped'] as const)
        expect(log[key].subarray(0, log.count), key).toStrictEqual(wholeLog[key].subarray(0, log.count));
      expect(t1.generatingPeriods).toBeGreaterThan(20);
    });
  }

  it('a copied state continues exactly like the original, and the copy leaves the original untouched', () => {
    const { sea, scheme, ops } = fortnight(MERSEY);
    const run = prepareRun(sea, scheme, ops);
    const a = startState(run);
    advance(run, a, 0, 500);
    const b = new SolverState(ops.names.length).copyFrom(a);
    const before = { ...a, modeTime: a.modeTime.slice() };
    advance(run, b, 500, 900);
    expect({ ...a, modeTime: a.modeTime.slice() }).toEqual(before);
    advance(run, a, 500, 900);
    expect(b).toEqual(a);
  });

  it('stops at the end of the step in which the counted mode is entered for the n-th time', () => {
    const { sea, scheme, ops } = fortnight(MERSEY);
    const fill = ops.names.indexOf('fill');
    const stopOnEntry = new Uint8Array(ops.names.length);
    stopOnEntry[fill] = 1;
    const run = prepareRun(sea, scheme, ops);
    const log = new ModeLog();
    const st = startState(run);
    const reached = advance(run, st, 0, sea.level.length - 1, { stopOnEntry, stopCount: 3, log });
    finishRun(run, st, { log, end: reached });
    // The log's segments: entries into fill after the start (mode 0 is fill itself, not counted).
    const entries: number[] = [];
    for (let k = 1; k < log.count; k++) if (log.mode[k] === fill) entries.push(log.start[k]);
    expect(entries.length).toBe(3);
    const third = (entries[2] - sea.t0) / sea.dt;
    expect(reached).toBe(Math.floor(third) + 1);
    expect(st.mode).toBe(fill);
  });

  it('runs with thresholds given per window, leaving the table as it was', () => {
    const { sea, scheme, ops } = fortnight(LIBAUX);
    const run = prepareRun(sea, scheme, ops);
    const hold = ops.names.indexOf('hold-high');
    const own = ops.exitHead[hold];
    const higher = ops.exitHead.slice();
    higher[hold] = own + 0.5;
    const a = startState(run);
    advance(run, a, 0, sea.level.length - 1, { exitHead: higher });
    const b = startState(run);
    advance(run, b, 0, sea.level.length - 1);
    // A later start of generation changes the energy; the table itself is left as it was.
    expect(a.energy).not.toBe(b.energy);
    expect(ops.exitHead[hold]).toBe(own);
    expect(integrate(sea, scheme, ops).energy).toBe(b.energy);
  });
});

describe('a window that cannot run', () => {
  it('is refused before any step: outside the samples, or thresholds for another mode table', () => {
    const { sea, scheme, ops } = fortnight(MERSEY);
    const run = prepareRun(sea, scheme, ops);
    const n = sea.level.length;
    expect(() => advance(run, startState(run), 0, n)).toThrow(`window 0..${n} is outside the ${n} samples`);
    expect(() => advance(run, startState(run), 5, 4)).toThrow(`window 5..4 is outside the ${n} samples`);
    expect(() => advance(run, startState(run), 0, 1, { exitHead: new Float64Array(2) })).toThrow(
      `thresholds for 2 modes, the table has ${ops.names.length}`,
    );
  });
});
