/** The common case of the hot loop: whole steps in one mode with nothing happening in them. */

import { areaOfVolume, levelOfArea, segmentOfVolume } from '../scheme/basin.js';
import { unitFlows } from './flows.js';
import { inverseArea, type SolverRun } from './state.js';
import { LEVEL_TOL } from './tolerances.js';
import type { StepSeries } from './types.js';

/**
 * The common case, kept apart in a small function of its own so that its loop compiles tight
 * whatever the modes of the run: whole steps of mode m from step i0 on, each one Heun step, while
 * nothing happens in them. It stops before the first step where something does (the mode's exit
 * crossed, the error control or the limiter needed, the level out of the curve) and leaves that
 * step, untouched, to the general loop of advance, which does everything this does and more.
 * The mode must be armed (its minimum duration past), without ramp or safe band, and its exit
 * not due at the start of step i0; a longest time stops it before the step it would end in.
 * state: [V, z, segment, 1/area, energy generated, energy pumped, turbine volume, sluice volume,
 * age of the mode, head x flow released and lifted], in and out: the running totals go on adding
 * a step at a time, in the order advance's general loop adds them, so that the run is the same to
 * the last bit whether or not a step went through here. `thr` is the mode's threshold in force,
 * `series` the buffers to fill (if any). Returns the index of the first step not done (at most
 * `end`). (`end` and `state` come as arguments: read from the run object, they cost the loop
 * about 8 %.)
 */
export function cruise(
  c: SolverRun,
  m: number,
  thr: number,
  series: StepSeries | undefined,
  i0: number,
  end: number,
  state: Float64Array,
): number {
  const { eta, dt, table, out, levels, volumes, areas, areaSq, slope2, invSlope, topSeg, zBottom, zTop } = c;
  const dir = c.exitDir[m];
  const closed = c.closed[m] === 1;
  const bounded = c.headDriven[m] === 1;
  const k = c.flows.kOrifice[m];
  const start = c.flows.tableStart[m];
  const last = c.flows.tableLast[m];
  const read = c.flows.readScale[m];
  const sign = c.flows.flowSign[m];
  const gen = c.flows.generating[m];
  // A longest time (Infinity: none) ends cruising before the step it would end inside.
  const mx = c.ops.maxDuration[m];
  const wt = 0.5 * dt;
  const invDt = 1 / dt;
  let V = state[0];
  let z = state[1];
  let seg = state[2];
  let invA = state[3];
  let eGen = state[4];
  let ePump = state[5];
  let vTurb = state[6];
  let vSluice = state[7];
  let age = state[8];
  let released = state[9];
  let lifted = state[10];
  let i = i0;
  for (; i < end; i++) {
    const e0 = eta[i];
    const e1 = eta[i + 1];
    const de = e1 - e0;
    if (mx - age < dt) break;
    let g = 0;
    if (closed) {
      g = dir * (z - e1 - thr);
      if (!(g < 0 || (g === 0 && dir * de >= 0))) break;
      age += dt;
      if (series) {
        series.mode[i] = m;
        series.basinLevel[i + 1] = z;
        series.turbineFlow[i] = 0;
        series.sluiceFlow[i] = 0;
        series.power[i] = 0;
        series.pumpPower[i] = 0;
      }
      continue;
    }
    // One Heun step, as in advance's general loop, accepted only if nothing happens in it.
    const qa = unitFlows(k, start, last, read, sign, gen, table, z - e0, out, 1);
    const ta = out[0];
    const wa = ta * (z - e0);
    const sa = out[1];
    const ga = out[2];
    const pa = out[3];
    const zp = z - qa * dt * invA;
    const qb = unitFlows(k, start, last, read, sign, gen, table, zp - e1, out, 1);
    const wb = out[0] * (zp - e1);
    const V1 = V - wt * (qa + qb);
    const s1 = segmentOfVolume(volumes, topSeg, V1, seg);
    const a1 = areaOfVolume(areaSq, slope2, volumes, V1, s1);
    const z1 = levelOfArea(levels, areas, volumes, invSlope, V1, s1, a1);
    g = dir * (z1 - e1 - thr);
    if (
      !(
        (z1 > zp ? z1 - zp : zp - z1) <= LEVEL_TOL &&
        z1 >= zBottom &&
        z1 <= zTop &&
        (!bounded || ((z1 <= z || z1 <= e0 || z1 <= e1) && (z1 >= z || z1 >= e0 || z1 >= e1))) &&
        (g < 0 || (g === 0 && dir * de >= 0))
      )
    ) {
      break;
    }
    const sGen = wt * (ga + out[2]);
    const sPump = wt * (pa + out[3]);
    const sTurb = wt * (ta + out[0]);
    const sSluice = wt * (sa + out[1]);
    eGen += sGen;
    ePump += sPump;
    vTurb += sTurb;
    vSluice += sSluice;
    released += wt * (Math.max(wa, 0) + Math.max(wb, 0));
    lifted -= wt * (Math.min(wa, 0) + Math.min(wb, 0));
    V = V1;
    z = z1;
    seg = s1;
    invA = inverseArea(a1);
    age += dt;
    if (series) {
      series.mode[i] = m;
      series.basinLevel[i + 1] = z;
      series.turbineFlow[i] = sTurb * invDt;
      series.sluiceFlow[i] = sSluice * invDt;
      series.power[i] = sGen * invDt;
      series.pumpPower[i] = sPump * invDt;
    }
  }
  state[0] = V;
  state[1] = z;
  state[2] = seg;
  state[3] = invA;
  state[4] = eGen;
  state[5] = ePump;
  state[6] = vTurb;
  state[7] = vSluice;
  state[8] = age;
  state[9] = released;
  state[10] = lifted;
  return i;
}
