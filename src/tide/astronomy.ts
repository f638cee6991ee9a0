/**
 * Fundamental astronomical arguments for tide prediction: the mean longitudes that the
 * equilibrium arguments V0 and the nodal corrections f, u are built from.
 *
 * Polynomials in Julian centuries T from J2000.0 (TT ~ UT here: the difference, about a minute,
 * moves s by 0.0005 degrees, far below anything a tide prediction resolves), from J. Meeus,
 * Astronomical Algorithms, 2nd ed. (1998): eq. 47.1 (Moon's mean longitude), 47.2 (mean anomaly,
 * giving the perigee as L' - M'), 47.7 (ascending node), 25.2 (Sun's mean longitude); the solar
 * perigee is the Earth's perihelion longitude (Meeus table 31.A) plus 180 degrees.
 */

/** Indices into the argument vector, in the order of the Doodson-style coefficient vectors. */
export const ARG_TAU = 0; // mean lunar time tau = T + h - s (T: hour angle of the mean Sun)
export const ARG_S = 1; // Moon's mean longitude
export const ARG_H = 2; // Sun's mean longitude
export const ARG_P = 3; // longitude of the Moon's perigee
export const ARG_NPRIME = 4; // N' = -N (N: longitude of the Moon's ascending node)
export const ARG_P1 = 5; // longitude of the solar perigee
export const ARG_90 = 6; // the constant 90 degrees
export const ARG_COUNT = 7;

const SECONDS_PER_DAY = 86400;
/** Julian date of the Unix epoch 1970-01-01T00:00Z. */
const JD_UNIX_EPOCH = 2440587.5;
const JD_J2000 = 2451545.0;
const DAYS_PER_CENTURY = 36525;

function mod360(x: number): number {
  const r = x % 360;
  return r < 0 ? r + 360 : r;
}

/** Julian centuries since J2000.0 at t (s since 1970-01-01T00:00Z). */
export function julianCenturies(t: number): number {
  return (t / SECONDS_PER_DAY + JD_UNIX_EPOCH - JD_J2000) / DAYS_PER_CENTURY;
}

/** Moon's mean longitude s (deg), Meeus 47.1. */
function moonMeanLongitude(T: number): number {
  return 218.3164477 + T * (481267.88123421 + T * (-0.0015786 + T * (1 / 538841 - T / 65194000)));
}

/** Moon's mean anomaly M' (deg), Meeus 47.2. */
function moonMeanAnomaly(T: number): number {
  return 134.9633964 + T * (477198.8675055 + T * (0.0087414 + T * (1 / 69699 - T / 14712000)));
}

/** Longitude of the Moon's mean ascending node N (deg), Meeus 47.7. */
function lunarNode(T: number): number {
  return 125.0445479 + T * (-1934.1362891 + T * (0.0020754 + T * (1 / 467441 - T / 60616000)));
}

/**
 * Fills out[0..6] with the arguments tau, s, h, p, N', p1, 90 (degrees, reduced to [0, 360)) at
 * t (s since 1970-01-01T00:00Z, UTC).
 */
export function fundamentalArguments(t: number, out: Float64Array): void {
  const T = julianCenturies(t);
  const s = moonMeanLongitude(T);
  const h = 280.46646 + T * (36000.76983 + T * 0.0003032);
  // Hour angle of the mean Sun at Greenwich: 180 degrees at 00:00 UT.
  const dayFraction = t / SECONDS_PER_DAY - Math.floor(t / SECONDS_PER_DAY);
  const hourAngle = 360 * dayFraction + 180;
  out[ARG_TAU] = mod360(hourAngle + h - s);
  out[ARG_S] = mod360(s);
  out[ARG_H] = mod360(h);
  out[ARG_P] = mod360(s - moonMeanAnomaly(T));
  out[ARG_NPRIME] = mod360(-lunarNode(T));
  out[ARG_P1] = mod360(282.93735 + T * (1.71946 + T * 0.00046));
  out[ARG_90] = 90;
}
