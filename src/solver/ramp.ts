/**
 * Ramps at mode changes: after a switch, the paths the mode entered opens (turbines, sluices,
 * pumps) open over the ramp time, their flows and power rising from zero; the paths of the mode
 * left close at once. This is the opening ramp of the 0-D code of Angeloudis et al. (2018, github
 * thangel/tidalplant, operation.py: a ramp factor rising over 0.2 h after each mode change), with
 * a smoothstep instead of a sine so that the rise is C1 at both ends.
 */

/**
 * Opening of the mode entered, `age` seconds into a ramp of `ramp` seconds: the weight its flows
 * and power are scaled by (unitFlows), a smoothstep, C1 at both ends.
 */
export function rampWeight(age: number, ramp: number): number {
  const s = age / ramp;
  return s >= 1 ? 1 : s * s * (3 - 2 * s);
}
