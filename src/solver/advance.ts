/**
 * The 0-D basin integrator: the hot loop (the method in full: docs/model.md, "The integrator").
 *
 * State: the basin's volume V (m^3), dV/dt = -Q(H, mode). Each step is Heun's method with the sea
 * linear across it, split where a mode exits (located by linear interpolation of the exit
 * function), at time events (minimum durations, ramp ends), by the error control (sub-steps
 * halved while Heun and Euler differ by more than LEVEL_TOL) and at the limiter (the basin never
 * passes the sea). Energy and every flow path share the volume's trapezoidal weights, so volume
 * closes to round-off. Quiet whole steps run in `cruise`. Anything that would give a wrong answer
 * stops the run with a SolverError naming the time, the mode and what to change.
 */

import { areaOfVolume, levelOfArea, segmentOfVolume, volumeAt } from '../scheme/basin.js';
import { cruise } from './cruise.js';
import { checkWindow, loopingModes, outOfRange, overshot, tooCoarse } from './errors.js';
import { modeFlows, unitFlows } from './flows.js';
import type { ModeLog } from './mode-log.js';
import { rampWeight } from './ramp.js';
import { inverseArea, type SolverRun, type SolverState } from './state.js';
import { LEVEL_TOL, MAX_SWITCHES_PER_STEP, OVERSHOOT_LIMIT, SWITCH_TOL } from './tolerances.js';
import type { StepSeries, WindowOptions } from './types.js';

/** Stand-ins for series buffers not recorded. */
const NO_SAMPLES = new Float64Array(0);
const NO_MODES = new Uint8Array(0);

/**
 * Integrates the steps from sample i0 to sample i1 (i0 < i1 <= samples - 1) from state `st`,
 * which it leaves at the end: windows run one after another (with the same log and series)
 * give exactly the run made in one go, and the thresholds may change between them. Returns the
 * sample reached: i1, or the end of the step in which the window's stop condition was met.
 *
 * Each sub-step is Heun's method: flows at the start (a), an Euler predictor, flows at the
 * predictor's end (b), and the trapezoidal corrector. The predictor's level is linearised with
 * the wetted area at the start (first order, which is all Heun needs); the corrector's level is
 * the exact inverse of V(z). Their difference is the local error estimate.
 */
export function advance(run: SolverRun, st: SolverState, i0: number, i1: number, o: WindowOptions = {}): number {
  const exitHead = o.exitHead ?? run.ops.exitHead;
  checkWindow(run.ops, exitHead, i0, i1, run.eta.length);
  const stopOn = o.stopOnEntry ?? run.neverStop;
  return steps(run, st, i0, i1, exitHead, o.series, o.log, stopOn, o.stopCount ?? 0, o.cruise ?? true);
}

/**
 * advance with its options read: the loops' own function takes only arrays and numbers (and the
 * series and log, each of one class), so that its compiled code does not depend on the shape of
 * the options object a caller builds (a shape it has not seen would send it back to be compiled
 * again, about 0.1 s of CPU). The rare paths (limiter, crossing) call functions V8 does not
 * inline, and V8 types the result of such a call as any value: `+x` and `x | 0` mark those results
 * as numbers, or the volume, level and segment they feed stay boxed through the whole loop and
 * every sub-step allocates.
 */
function steps(
  run: SolverRun,
  st: SolverState,
  i0: number,
  i1: number,
  exitHead: Float64Array,
  series: StepSeries | undefined,
  log: ModeLog | undefined,
  stopOn: Uint8Array,
  stopCount: number,
  cruising: boolean,
): number {
  const { sea, ops, basin, eta, dt, out, levels, volumes, areas, areaSq, slope2, invSlope, topSeg, zBottom, zTop } = run;
  const { banded, headDriven, closed, minLen } = run;
  const f = run.flows;
  const { kOrifice, tableStart, tableLast, readScale, flowSign, generating, table } = f;
  const { exitDir, next, generate, pump, minDuration, maxDuration, basinLow, basinHigh, seaLow, seaHigh, rampTime } = ops;
  const invDt = 1 / dt;
  // The series buffers, hoisted (empty when not recorded; every write is behind `if (series)`).
  const none = NO_SAMPLES;
  const outLevel = series ? series.basinLevel : none;
  const outMode = series ? series.mode : NO_MODES;
  const outTurbine = series ? series.turbineFlow : none;
  const outSluice = series ? series.sluiceFlow : none;
  const outPower = series ? series.power : none;
  const outPump = series ? series.pumpPower : none;
  let stopLeft = stopCount;
  let stopping = false;
  let reached = i1;
  const state = run.cruiseState;
  const modeTime = st.modeTime;

  let V = st.volume;
  let z = st.level;
  let seg = st.segment;
  let invA = st.invArea;
  let mode = st.mode;
  let age = st.age;
  let from = st.rampFrom;
  let settled = st.settled;
  let energy = st.energy;
  let pumpEnergy = st.pumpEnergy;
  let released = st.released;
  let lifted = st.lifted;
  let genPeriods = st.generatingPeriods;
  let pumpPeriods = st.pumpingPeriods;
  let turbVol = st.turbineVolume;
  let sluiceVol = st.sluiceVolume;
  let switches = st.switches;
  let overshoot = st.overshoot;
  let rejected = st.halvings;
  let segStart = st.logStart;
  let segGen = st.logGenerated;
  let segPump = st.logPumped;
  if (series && i0 === 0) outLevel[0] = z;
  // Cruise is not tried after a step that needed halving (it would fail) nor where it just stopped
  // (it would stop there again): the step is done below either way, with the same trajectory.
  let skipCruise = false;

  for (let i = i0; i < i1; i++) {
    const e0 = eta[i];
    if (
      cruising &&
      !skipCruise &&
      from < 0 &&
      age >= minDuration[mode] &&
      banded[mode] === 0 &&
      exitDir[mode] * (z - e0 - exitHead[mode]) <= SWITCH_TOL
    ) {
      // The common case: whole steps in one mode with nothing happening in them.
      state[0] = V;
      state[1] = z;
      state[2] = seg;
      state[3] = invA;
      state[4] = energy;
      state[5] = pumpEnergy;
      state[6] = turbVol;
      state[7] = sluiceVol;
      state[8] = age;
      state[9] = released;
      state[10] = lifted;
      const j = cruise(run, mode, exitHead[mode], series, i, i1, state);
      if (j > i) {
        V = state[0];
        z = state[1];
        seg = state[2] | 0; // an index: kept a small integer in SolverState.segment
        invA = state[3];
        energy = state[4];
        pumpEnergy = state[5];
        turbVol = state[6];
        sluiceVol = state[7];
        age = state[8];
        released = state[9];
        lifted = state[10];
        i = j - 1;
        skipCruise = true;
        continue;
      }
    }
    const e1 = eta[i + 1];
    const de = e1 - e0;
    const rejectedBefore = rejected;
    if (series) outMode[i] = mode;
    let tau = 0; // seconds of the step done
    let sGen = 0;
    let sPump = 0;
    let sTurb = 0;
    let sSluice = 0;
    let sReleased = 0;
    let sLifted = 0;
    let switchesHere = 0;
    // Longest sub-step the error control allows now (s). Each step starts afresh, so the result
    // depends on the state and the sea alone, not on the history of the step sizes.
    let cap = dt;
    while (tau < dt) {
      // The sub-step: to the end of the step, or shorter for the error control or a time event.
      let len = dt - tau;
      let toEnd = true;
      if (cap < len) {
        len = cap;
        toEnd = false;
      }
      const md = minDuration[mode];
      const armed = age >= md;
      if (!armed && md - age < len) {
        len = md - age;
        toEnd = false;
      }
      const mx = maxDuration[mode];
      if (age < mx && mx - age < len) {
        len = mx - age;
        toEnd = false;
      }
      if (from >= 0) {
        if (age >= rampTime) from = -1;
        else if (rampTime - age < len) {
          len = rampTime - age;
          toEnd = false;
        }
      }
      const eS = tau === 0 ? e0 : e0 + de * (tau * invDt);
      let eE = toEnd ? e1 : e0 + de * ((tau + len) * invDt);
      const h0 = z - eS;
      const dir = exitDir[mode];
      const thr = exitHead[mode];
      const band = banded[mode] === 1;
      // Exit function: >= 0 when the mode must end (its head threshold once armed, or its safe band).
      let g0 = armed ? dir * (h0 - thr) : -Infinity;
      if (band) g0 = Math.max(g0, basinLow[mode] - z, z - basinHigh[mode], seaLow[mode] - eS, eS - seaHigh[mode]);
      // The mode's longest time is up: it ends now, whatever the head.
      if (age >= mx) g0 = Infinity;
      if (g0 <= SWITCH_TOL) {
        let qa = 0;
        let ta = 0;
        let wa = 0;
        let wb = 0;
        let sa = 0;
        let ga = 0;
        let pa = 0;
        let V1 = V;
        let z1 = z;
        let s1 = seg;
        let a1 = 0;
        let err = 0;
        let limit = 1;
        if (closed[mode] === 1 && from < 0) {
          // Every path closed: the basin keeps its volume.
          out[0] = 0;
          out[1] = 0;
          out[2] = 0;
          out[3] = 0;
        } else {
          const k = kOrifice[mode];
          const start = tableStart[mode];
          const last = tableLast[mode];
          const rs = readScale[mode];
          const fs = flowSign[mode];
          const gm = generating[mode];
          qa = unitFlows(k, start, last, rs, fs, gm, table, h0, out, from >= 0 ? rampWeight(age, rampTime) : 1);
          ta = out[0];
          sa = out[1];
          ga = out[2];
          pa = out[3];
          wa = ta * h0;
          // Error control: Heun and its Euler predictor agree to LEVEL_TOL, or the sub-step is halved (its start flows kept).
          for (;;) {
            const zp = z - qa * len * invA;
            const opening = from >= 0 ? rampWeight(age + len, rampTime) : 1;
            const qb = unitFlows(k, start, last, rs, fs, gm, table, zp - eE, out, opening);
            wb = out[0] * (zp - eE);
            V1 = V - 0.5 * len * (qa + qb);
            z1 = z;
            s1 = seg;
            a1 = 0;
            if (V1 !== V) {
              s1 = segmentOfVolume(volumes, topSeg, V1, seg);
              a1 = areaOfVolume(areaSq, slope2, volumes, V1, s1);
              z1 = levelOfArea(levels, areas, volumes, invSlope, V1, s1, a1);
            }
            err = z1 > zp ? z1 - zp : zp - z1;
            if (err <= LEVEL_TOL) break;
            if (!(len > minLen)) tooCoarse(sea, i, tau, ops, mode, err, minLen);
            // Halved, the sub-step ends before every time event that could limit it.
            rejected++;
            len *= 0.5;
            cap = len;
            toEnd = false;
            eE = e0 + de * ((tau + len) * invDt);
          }
          if (headDriven[mode] === 1 && (from < 0 || headDriven[from] === 1)) {
            // The exact solution stays between the basin's start level and the sea levels over the
            // step (water flows downhill). Past that the step overshot: above the limit the step is
            // too coarse; below it a limiter stops the basin at the bound, scaling the sub-step's
            // flows and power alike so that volume and energy stay consistent.
            const hi = Math.max(z, eS, eE);
            const lo = Math.min(z, eS, eE);
            const by = Math.max(z1 - hi, lo - z1);
            if (by > 0) {
              if (by > overshoot) {
                overshoot = by;
                if (by > OVERSHOOT_LIMIT) overshot(sea, i, tau, ops, mode, by);
              }
              const zc = z1 > hi ? hi : lo;
              const Vc = +volumeAt(basin, zc);
              limit = (V - Vc) / (V - V1);
              V1 = Vc;
              z1 = zc;
              s1 = segmentOfVolume(volumes, topSeg, Vc, s1) | 0;
              a1 = +areaOfVolume(areaSq, slope2, volumes, Vc, s1);
            }
          }
          if (!(z1 >= zBottom && z1 <= zTop)) outOfRange(sea, i, tau + len, ops, mode, z1, basin);
        }
        let g1 = armed ? dir * (z1 - eE - thr) : -Infinity;
        if (band) g1 = Math.max(g1, basinLow[mode] - z1, z1 - basinHigh[mode], seaLow[mode] - eE, eE - seaHigh[mode]);
        // A tie (the limiter puts a basin that follows the sea exactly on its threshold) ends the
        // mode only when the sea moves the head across the threshold.
        if (g1 < 0 || (g1 === 0 && dir * de >= 0)) {
          // The whole sub-step in this mode.
          const wt = 0.5 * len * limit;
          sGen += wt * (ga + out[2]);
          sPump += wt * (pa + out[3]);
          sTurb += wt * (ta + out[0]);
          sSluice += wt * (sa + out[1]);
          sReleased += wt * (Math.max(wa, 0) + Math.max(wb, 0));
          sLifted -= wt * (Math.min(wa, 0) + Math.min(wb, 0));
          if (V1 !== V) {
            V = V1;
            z = z1;
            seg = s1;
            invA = inverseArea(a1);
          }
          age += len;
          if (err < 0.25 * LEVEL_TOL) cap *= 2;
          if (toEnd) break;
          tau += len;
          continue;
        }
        // The mode ends inside the sub-step: integrate up to the crossing.
        const sub = g0 >= 0 ? 0 : (g0 / (g0 - g1)) * len;
        if (sub > 0) {
          const eX = eS + de * (sub * invDt);
          const zq = z - qa * sub * invA;
          const qb = +modeFlows(f, mode, zq - eX, out, from >= 0 ? rampWeight(age + sub, rampTime) : 1);
          const wx = out[0] * (zq - eX);
          const wt = 0.5 * sub;
          sReleased += wt * (Math.max(wa, 0) + Math.max(wx, 0));
          sLifted -= wt * (Math.min(wa, 0) + Math.min(wx, 0));
          sGen += wt * (ga + out[2]);
          sPump += wt * (pa + out[3]);
          sTurb += wt * (ta + out[0]);
          sSluice += wt * (sa + out[1]);
          if (qa + qb !== 0) {
            V -= wt * (qa + qb);
            seg = segmentOfVolume(volumes, topSeg, V, seg) | 0;
            const a = +areaOfVolume(areaSq, slope2, volumes, V, seg);
            z = +levelOfArea(levels, areas, volumes, invSlope, V, seg, a);
            invA = inverseArea(a);
            if (!(z >= zBottom && z <= zTop)) outOfRange(sea, i, tau + sub, ops, mode, z, basin);
          }
          age += sub;
          tau += sub;
        }
      }
      // Switch.
      if (++switchesHere > MAX_SWITCHES_PER_STEP) loopingModes(sea, i, tau, ops, mode);
      if (log) {
        log.push(segStart, mode, energy + sGen - segGen, pumpEnergy + sPump - segPump);
        segStart = sea.t0 + i * dt + tau;
        segGen = energy + sGen;
        segPump = pumpEnergy + sPump;
      }
      if (age > 0) settled = mode;
      from = rampTime > 0 ? settled : -1;
      modeTime[mode] += age;
      mode = next[mode];
      age = 0;
      switches++;
      if (generate[mode] !== 0) genPeriods++;
      else if (pump[mode] !== 0) pumpPeriods++;
      if (stopOn[mode] === 1 && --stopLeft === 0) stopping = true;
    }
    energy += sGen;
    pumpEnergy += sPump;
    released += sReleased;
    lifted += sLifted;
    turbVol += sTurb;
    sluiceVol += sSluice;
    skipCruise = rejected !== rejectedBefore;
    if (series) {
      outLevel[i + 1] = z;
      outPower[i] = sGen * invDt;
      outPump[i] = sPump * invDt;
      outTurbine[i] = sTurb * invDt;
      outSluice[i] = sSluice * invDt;
    }
    if (stopping) {
      reached = i + 1;
      break;
    }
  }

  st.volume = V;
  st.level = z;
  st.segment = seg;
  st.invArea = invA;
  st.mode = mode;
  st.age = age;
  st.rampFrom = from;
  st.settled = settled;
  st.energy = energy;
  st.pumpEnergy = pumpEnergy;
  st.released = released;
  st.lifted = lifted;
  st.generatingPeriods = genPeriods;
  st.pumpingPeriods = pumpPeriods;
  st.turbineVolume = turbVol;
  st.sluiceVolume = sluiceVol;
  st.switches = switches;
  st.overshoot = overshoot;
  st.halvings = rejected;
  st.steps += reached - i0;
  st.logStart = segStart;
  st.logGenerated = segGen;
  st.logPumped = segPump;
  return reached;
}
