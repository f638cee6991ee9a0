/**
 * A whole run: one window of steps (advance) from the first sample to the last, and the totals
 * of a run whose state has reached its end. The integration scheme is described in advance.ts.
 */

import type { ModeTable } from '../operation/modes.js';
import { GRAVITY, RHO_SEAWATER } from '../physics.js';
import type { SeaLevel } from '../tide/sea-level.js';
import { advance } from './advance.js';
import { stop } from './errors.js';
import type { ModeLog } from './mode-log.js';
import { prepareRun, seaStartMode, startState } from './run.js';
import type { SolverRun, SolverState } from './state.js';
import type { IntegrateOptions, SchemeModel, StepSeries, Totals } from './types.js';

/**
 * The totals of a run whose state has reached sample `end` (default: the last); closes the log
 * and writes the mode at that sample into the series, when given.
 */
export function finishRun(run: SolverRun, st: SolverState, o: { series?: StepSeries; log?: ModeLog; end?: number } = {}): Totals {
  const { sea, ops } = run;
  const n = run.eta.length;
  const end = o.end ?? Math.max(n - 1, 0);
  const mode = st.mode;
  const modeTime = st.modeTime.slice();
  modeTime[mode] += st.age;
  if (o.series && n > 0) o.series.mode[end] = mode;
  if (o.log) {
    o.log.push(st.logStart, mode, st.energy - st.logGenerated, st.pumpEnergy - st.logPumped);
    o.log.end = sea.t0 + end * sea.dt;
  }
  if (!Number.isFinite(st.energy) || !Number.isFinite(st.pumpEnergy))
    stop(
      sea,
      Math.max(end - 1, 0),
      sea.dt,
      ops,
      mode,
      'the energy total is not finite; check the turbine curves for non-finite values',
    );

  let genTime = 0;
  let pumpTime = 0;
  for (let m = 0; m < ops.names.length; m++) {
    if (ops.generate[m] !== 0) genTime += modeTime[m];
    else if (ops.pump[m] !== 0) pumpTime += modeTime[m];
  }
  return {
    energy: st.energy,
    pumpEnergy: st.pumpEnergy,
    hydraulicEnergy: RHO_SEAWATER * GRAVITY * st.released,
    liftEnergy: RHO_SEAWATER * GRAVITY * st.lifted,
    modeTime,
    generatingTime: genTime,
    generatingPeriods: st.generatingPeriods,
    pumpingTime: pumpTime,
    pumpingPeriods: st.pumpingPeriods,
    turbineVolume: st.turbineVolume,
    sluiceVolume: st.sluiceVolume,
    initialVolume: st.initialVolume,
    finalVolume: st.volume,
    finalLevel: st.level,
    finalMode: mode,
    steps: st.steps,
    switches: st.switches,
    overshoot: st.overshoot,
    halvings: st.halvings,
  };
}

/** Steps between progress reports of a run that asks for them (about a day at 60 s steps). */
const PROGRESS_STEPS = 1440;

/**
 * Integrates the basin over the whole sea-level series with the given operation: one window from
 * the first sample to the last (windows of PROGRESS_STEPS when `onProgress` is given). Pure apart from writing the optional series buffers and log.
 */
export function integrate(sea: SeaLevel, scheme: SchemeModel, ops: ModeTable, opt: IntegrateOptions = {}): Totals {
  const mode = opt.initialMode ?? seaStartMode(ops, sea.level);
  if (!(mode >= 0 && mode < ops.names.length))
    throw new Error(`initial mode ${mode} is not a mode of the table (0 to ${ops.names.length - 1})`);
  const run = prepareRun(sea, scheme, ops, mode);
  const st = startState(run, opt.initialLevel ?? sea.level[0], mode);
  const n = sea.level.length;
  const window = { series: opt.series, log: opt.log, cruise: opt.cruise };
  if (n > 1 && opt.onProgress) {
    for (let i = 0; i < n - 1; ) {
      const j = Math.min(n - 1, i + PROGRESS_STEPS);
      advance(run, st, i, j, window);
      i = j;
      opt.onProgress(i, n - 1);
    }
  } else if (n > 1) advance(run, st, 0, n - 1, window);
  else if (opt.series && n === 1) opt.series.basinLevel[0] = st.level;
  return finishRun(run, st, { series: opt.series, log: opt.log });
}
