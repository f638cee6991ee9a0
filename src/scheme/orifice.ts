import { GRAVITY } from '../physics.js';

/**
 * Orifice flow (m^3/s) through an opening of effective area cdA = Cd*A (m^2) under head h (m):
 * Q = cdA*sqrt(2g|h|), signed like h (positive from basin to sea when h > 0).
 */
export function orificeFlow(cdA: number, h: number): number {
  return h >= 0 ? cdA * Math.sqrt(2 * GRAVITY * h) : -cdA * Math.sqrt(-2 * GRAVITY * h);
}
