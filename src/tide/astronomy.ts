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
import { DAY_S } from '../physics.js';

/** Indices into the argument vector, in the order of the Doodson-style coefficient vectors. */
export const ARG_TAU = 0; // mean lunar time tau = T + h - s (T: hour angle of the mean Sun)
export const ARG_S = 1; // Moon's mean longitude
export const ARG_H = 2; // Sun's mean longitude
export const ARG_P = 3; // longitude of the Moon's perigee
export const ARG_NPRIME = 4; // N' = -N (N: longitude of the Moon's ascending node)
export const ARG_P1 = 5; // longitude of the solar perigee
export const ARG_90 = 6; // the constant 90 degrees
export const ARG_COUNT = 7;

/** Julian date of the Unix epoch 1970-01-01T00:00Z. */
const JD_UNIX_EPOCH = 2440587.5;
const JD_J2000 = 2451545.0;
const DAYS_PER_CENTURY = 36525;
const HOURS_PER_CENTURY = 24 * DAYS_PER_CENTURY;

// Polynomial coefficients (degrees, powers of T from 0 up).
const MOON_LONGITUDE = [218.3164477, 481267.88123421, -0.0015786, 1 / 538841, -1 / 65194000]; // 47.1
const MOON_ANOMALY = [134.9633964, 477198.8675055, 0.0087414, 1 / 69699, -1 / 14712000]; // 47.2
const MOON_NODE = [125.0445479, -1934.1362891, 0.0020754, 1 / 467441, -1 / 60616000]; // 47.7
const SUN_LONGITUDE = [280.46646, 36000.76983, 0.0003032]; // 25.2
const SOLAR_PERIGEE = [282.93735, 1.71946, 0.00046]; // table 31.A, + 180 deg

function polynomial(c: readonly number[], T: number): number {
  let v = 0;
  for (let k = c.length - 1; k >= 0; k--) v = v * T + c[k];
  return v;
}

function mod360(x: number): number {
  const r = x % 360;
  return r < 0 ? r + 360 : r;
}

/**
 * Fills out[0..6] with the arguments tau, s, h, p, N', p1, 90 (degrees, reduced to [0, 360)) at
 * t (s since 1970-01-01T00:00Z, UTC).
 */
export function fundamentalArguments(t: number, out: Float64Array): void {
  const T = (t / DAY_S + JD_UNIX_EPOCH - JD_J2000) / DAYS_PER_CENTURY;
  const s = polynomial(MOON_LONGITUDE, T);
  const h = polynomial(SUN_LONGITUDE, T);
  // Hour angle of the mean Sun at Greenwich: 180 degrees at 00:00 UT.
  const dayFraction = t / DAY_S - Math.floor(t / DAY_S);
  out[ARG_TAU] = mod360(360 * dayFraction + 180 + h - s);
  out[ARG_S] = mod360(s);
  out[ARG_H] = mod360(h);
  out[ARG_P] = mod360(s - polynomial(MOON_ANOMALY, T));
  out[ARG_NPRIME] = mod360(-polynomial(MOON_NODE, T));
  out[ARG_P1] = mod360(polynomial(SOLAR_PERIGEE, T));
  out[ARG_90] = 90;
}

/** Rates of the arguments at J2000 (degrees per hour), in the same order; 0 for the 90 degrees. */
export const ARGUMENT_RATES: readonly number[] = (() => {
  const s = MOON_LONGITUDE[1] / HOURS_PER_CENTURY;
  const h = SUN_LONGITUDE[1] / HOURS_PER_CENTURY;
  return [
    15 + h - s,
    s,
    h,
    (MOON_LONGITUDE[1] - MOON_ANOMALY[1]) / HOURS_PER_CENTURY,
    -MOON_NODE[1] / HOURS_PER_CENTURY,
    SOLAR_PERIGEE[1] / HOURS_PER_CENTURY,
    0,
  ];
})();
