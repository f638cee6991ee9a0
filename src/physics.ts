/** Physical constants shared by the scheme physics and the energy accounting (SI units). */

/** Density of sea water, kg/m^3. */
export const RHO_SEAWATER = 1025;
/** Gravitational acceleration, m/s^2. */
export const GRAVITY = 9.81;
/** Seconds per hour. */
export const HOUR_S = 3600;
/** Seconds per day. */
export const DAY_S = 86400;
/** Seconds per year of 365.25 days (the Julian year): the year annual figures are scaled to. */
export const YEAR_S = 365.25 * DAY_S;
/** Watts per megawatt. */
export const W_PER_MW = 1e6;
/** Joules per gigawatt-hour. */
export const J_PER_GWH = 3.6e12;
/** Joules per megawatt-hour. */
export const J_PER_MWH = 3.6e9;

/** A figure over a period of `seconds`, scaled to a year of YEAR_S: the one per-year scaling of every annual figure. */
export function perYear(x: number, seconds: number): number {
  return x * (YEAR_S / seconds);
}
