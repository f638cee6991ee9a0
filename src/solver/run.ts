/** Setting up a run: the flat tables, the checks made once, and the state at the first sample. */

import { type ModeTable, startMode } from '../operation/modes.js';
import { areaOfVolume, segmentOfVolume, volumeAt, volumeInverse } from '../scheme/basin.js';
import type { SeaLevel } from '../tide/sea-level.js';
import { checkSea, outOfRange } from './errors.js';
import { compileFlows } from './flows.js';
import { inverseArea, type SolverRun, SolverState } from './state.js';
import { MAX_HALVINGS } from './tolerances.js';
import type { SchemeModel } from './types.js';

/** Builds the tables of a run and checks the sea level once (`mode`: the mode named if it is not finite). */
export function prepareRun(sea: SeaLevel, scheme: SchemeModel, ops: ModeTable, mode = 0): SolverRun {
  checkSea(sea, ops, mode);
  const flows = compileFlows(scheme, ops);
  const basin = scheme.basin;
  const inv = volumeInverse(basin);
  const nModes = ops.names.length;
  const { kOrifice, tableStart } = flows;
  const { basinLow, basinHigh, seaLow, seaHigh, pump } = ops;
  const banded = new Uint8Array(nModes);
  const headDriven = new Uint8Array(nModes);
  const closed = new Uint8Array(nModes);
  for (let m = 0; m < nModes; m++) {
    banded[m] = basinLow[m] > -Infinity || basinHigh[m] < Infinity || seaLow[m] > -Infinity || seaHigh[m] < Infinity ? 1 : 0;
    headDriven[m] = pump[m] === 0 ? 1 : 0;
    closed[m] = kOrifice[m] === 0 && tableStart[m] < 0 ? 1 : 0;
  }
  return {
    sea,
    ops,
    basin,
    eta: sea.level,
    dt: sea.dt,
    table: flows.table,
    out: new Float64Array(4),
    ...inv,
    topSeg: inv.last - 1,
    zBottom: inv.levels[0],
    zTop: inv.levels[inv.last],
    flows,
    exitDir: ops.exitDir,
    banded,
    headDriven,
    closed,
    minLen: sea.dt / 2 ** MAX_HALVINGS,
    cruiseState: new Float64Array(11),
    neverStop: new Uint8Array(nModes),
  };
}

/** The state at the first sample: the basin at `level` (default: the sea level there) in `mode` (default 0). */
export function startState(run: SolverRun, level = run.eta[0], mode = seaStartMode(run.ops, run.eta)): SolverState {
  const { ops, basin, sea } = run;
  if (!(mode >= 0 && mode < ops.names.length))
    throw new Error(`initial mode ${mode} is not a mode of the table (0 to ${ops.names.length - 1})`);
  const st = new SolverState(ops.names.length);
  st.mode = mode;
  st.settled = mode;
  if (!(level >= run.zBottom && level <= run.zTop)) outOfRange(sea, 0, 0, ops, mode, level, basin);
  st.level = level;
  st.volume = volumeAt(basin, level);
  st.initialVolume = st.volume;
  st.segment = segmentOfVolume(run.volumes, run.topSeg, st.volume, 0);
  st.invArea = inverseArea(areaOfVolume(run.areaSq, run.slope2, run.volumes, st.volume, st.segment));
  st.logStart = sea.t0;
  return st;
}

/** The start mode for a run on this sea level: one waiting for the slack water the sea heads to (startMode). */
export function seaStartMode(ops: ModeTable, eta: Float64Array): number {
  return startMode(ops, eta.length < 2 || eta[1] >= eta[0]);
}
