/** Ramps between modes: after a switch the flows blend from the mode left to the mode entered. */

import { type FlowModel, modeFlows } from './flows.js';

/** Weight of the mode entered, `age` seconds into a ramp of `ramp` seconds: smoothstep, C1 at both ends. */
export function rampWeight(age: number, ramp: number): number {
  const s = age / ramp;
  return s >= 1 ? 1 : s * s * (3 - 2 * s);
}

/**
 * During a ramp: blends the flows and power of mode m already in out[0..3] with those of mode
 * `from` at head h, by weight w of m (kept out of the hot path: it runs only while a ramp lasts).
 */
export function rampBlend(f: FlowModel, from: number, w: number, h: number, out: Float64Array): number {
  modeFlows(f, from, h, out, 4);
  const v = 1 - w;
  out[0] = w * out[0] + v * out[4];
  out[1] = w * out[1] + v * out[5];
  out[2] = w * out[2] + v * out[6];
  out[3] = w * out[3] + v * out[7];
  return out[0] + out[1];
}
