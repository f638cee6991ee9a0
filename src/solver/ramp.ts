/**
 * Ramps at mode changes: after a switch, the paths the mode entered opens (turbines, sluices,
 * pumps) open over the ramp time, their flows and power rising from zero; the paths of the mode
 * left close at once. This is the opening ramp of the 0-D code of Angeloudis et al. (2018, github
 * thangel/tidalplant, operation.py: a ramp factor rising over 0.2 h after each mode change), with
 * a smoothstep instead of a sine so that the rise is C1 at both ends.
 */

/** Weight of the mode entered, `age` seconds into a ramp of `ramp` seconds: smoothstep, C1 at both ends. */
export function rampWeight(age: number, ramp: number): number {
  const s = age / ramp;
  return s >= 1 ? 1 : s * s * (3 - 2 * s);
}

/**
 * During a ramp: scales the flows and power of the mode entered, already in out[0..3], by its
 * weight w; returns the total flow (kept out of the hot path: it runs only while a ramp lasts).
 */
export function rampOpen(w: number, out: Float64Array): number {
  out[0] *= w;
  out[1] *= w;
  out[2] *= w;
  out[3] *= w;
  return out[0] + out[1];
}
