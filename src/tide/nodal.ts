/**
 * Nodal corrections f (amplitude factor) and u (phase, degrees) of the fundamental constituents,
 * from the orbital elements N (longitude of the Moon's ascending node), p (lunar perigee) and
 * p' (solar perigee). Formulae of Annex A of the IHO Tide, Water Level and Current Working Group
 * "Standard List of Tidal Constituents" (8 May 2017). Other constituents take theirs from these by
 * the rules of its Annex B (f multiplies, u adds), see constituents.ts.
 */

/** The fundamentals, by the names the constituent table uses for them. */
export const FUNDAMENTALS = [
  'Mm',
  'Mf',
  'O1',
  'K1',
  'J1',
  'M1B',
  'M1C',
  'M1',
  'M1A',
  'M2',
  'K2',
  'M3',
  'L2',
  'gamma2',
  'alpha2',
  'delta2',
  'xi2',
  'eta2',
] as const;

export function isFundamental(name: string): name is (typeof FUNDAMENTALS)[number] {
  return (FUNDAMENTALS as readonly string[]).includes(name);
}

const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;

/** Index of each fundamental in FUNDAMENTALS (and in the f, u arrays). */
const F = {
  Mm: 0,
  Mf: 1,
  O1: 2,
  K1: 3,
  J1: 4,
  M1B: 5,
  M1C: 6,
  M1: 7,
  M1A: 8,
  M2: 9,
  K2: 10,
  M3: 11,
  L2: 12,
  gamma2: 13,
  alpha2: 14,
  delta2: 15,
  xi2: 16,
  eta2: 17,
} as const;

/**
 * Upper bounds of f for each fundamental, in the order of FUNDAMENTALS, by the triangle
 * inequality on the formulae below: the constant plus the sum of the absolute coefficients
 * (for M1, the bounds of its two components combined). Used to bound derivatives of the tide.
 */
const F_MAX_M2 = 1.0007 + 0.0373 + 0.0002;
export const F_MAX: readonly number[] = [
  1 + 0.1311 + 0.0538 + 0.0205, // Mm
  1.084 + 0.415 + 0.039, // Mf
  1.0176 + 0.1871 + 0.0147, // O1
  1.006 + 0.115 + 0.0088 + 0.0006, // K1
  1.1029 + 0.1676 + 0.017 + 0.0016, // J1
  1 + 2.783 + 0.558 + 0.184, // M1B
  Math.hypot(1 + 0.2, 2 * (1 + 0.2)), // M1C
  Math.hypot(1 + 0.2, 2 * (1 + 0.2)), // M1
  1 + 0.3593 + 0.2 + 0.066, // M1A
  F_MAX_M2, // M2
  1.0246 + 0.2863 + 0.0083 + 0.0015, // K2
  F_MAX_M2 ** 1.5, // M3
  1 + 0.2505 + 0.1102 + 0.0156 + 0.037, // L2
  1 + 0.147, // gamma2
  1 + 0.0446, // alpha2
  1 + 0.477, // delta2
  1 + 0.439, // xi2
  1 + 0.439, // eta2
];

/** Sets f[i] and u[i] from the pair (f sin u, f cos u) of Annex A. */
function fromComponents(i: number, fSinU: number, fCosU: number, f: Float64Array, u: Float64Array): void {
  f[i] = Math.hypot(fSinU, fCosU);
  u[i] = R2D * Math.atan2(fSinU, fCosU);
}

/**
 * Fills f[i], u[i] (u in degrees) for every fundamental, in the order of FUNDAMENTALS, from N, p
 * and p' in degrees.
 */
export function fundamentalCorrections(nDeg: number, pDeg: number, p1Deg: number, f: Float64Array, u: Float64Array): void {
  const N = D2R * nDeg;
  const p = D2R * pDeg;
  const p1 = D2R * p1Deg;
  const sN = Math.sin(N),
    cN = Math.cos(N);
  const s2N = Math.sin(2 * N),
    c2N = Math.cos(2 * N);
  const s3N = Math.sin(3 * N),
    c3N = Math.cos(3 * N);
  const s2p = Math.sin(2 * p),
    c2p = Math.cos(2 * p);
  const s2pN = Math.sin(2 * p - N),
    c2pN = Math.cos(2 * p - N);

  f[F.Mm] = 1 - 0.1311 * cN + 0.0538 * c2p + 0.0205 * c2pN;
  u[F.Mm] = 0;
  f[F.Mf] = 1.084 + 0.415 * cN + 0.039 * c2N;
  u[F.Mf] = -23.7 * sN + 2.7 * s2N - 0.4 * s3N;
  f[F.O1] = 1.0176 + 0.1871 * cN - 0.0147 * c2N;
  u[F.O1] = 10.8 * sN - 1.34 * s2N + 0.19 * s3N;
  f[F.K1] = 1.006 + 0.115 * cN - 0.0088 * c2N + 0.0006 * c3N;
  u[F.K1] = -8.86 * sN + 0.68 * s2N - 0.07 * s3N;
  f[F.J1] = 1.1029 + 0.1676 * cN - 0.017 * c2N + 0.0016 * c3N;
  u[F.J1] = -12.94 * sN + 1.34 * s2N - 0.19 * s3N;
  f[F.M2] = 1.0007 - 0.0373 * cN + 0.0002 * c2N;
  u[F.M2] = -2.14 * sN;
  f[F.K2] = 1.0246 + 0.2863 * cN + 0.0083 * c2N - 0.0015 * c3N;
  u[F.K2] = -17.74 * sN + 0.68 * s2N - 0.04 * s3N;
  f[F.M3] = f[F.M2] ** 1.5;
  u[F.M3] = -3.21 * sN;

  fromComponents(F.M1B, 2.783 * s2p + 0.558 * s2pN + 0.184 * sN, 1 + 2.783 * c2p + 0.558 * c2pN + 0.184 * cN, f, u);
  const m1Sin = Math.sin(p) + 0.2 * Math.sin(p - N);
  const m1Cos = 2 * (Math.cos(p) + 0.2 * Math.cos(p - N));
  fromComponents(F.M1, m1Sin, m1Cos, f, u);
  // M1C (14.492052 deg/h) carries the same code as M1 in the list; it takes the M1 formula.
  fromComponents(F.M1C, m1Sin, m1Cos, f, u);
  fromComponents(F.M1A, -0.3593 * s2p - 0.2 * sN - 0.066 * s2pN, 1 + 0.3593 * c2p + 0.2 * cN + 0.066 * c2pN, f, u);
  fromComponents(F.gamma2, 0.147 * Math.sin(2 * (N - p)), 1 + 0.147 * Math.cos(2 * (N - p)), f, u);
  fromComponents(F.alpha2, -0.0446 * Math.sin(p - p1), 1 - 0.0446 * Math.cos(p - p1), f, u);
  fromComponents(F.delta2, 0.477 * sN, 1 - 0.477 * cN, f, u);
  fromComponents(F.xi2, -0.439 * sN, 1 + 0.439 * cN, f, u);
  fromComponents(F.eta2, -0.439 * sN, 1 + 0.439 * cN, f, u);
  const s2p2N = Math.sin(2 * p - 2 * N),
    c2p2N = Math.cos(2 * p - 2 * N);
  fromComponents(
    F.L2,
    -0.2505 * s2p - 0.1102 * s2pN - 0.0156 * s2p2N - 0.037 * sN,
    1 - 0.2505 * c2p - 0.1102 * c2pN - 0.0156 * c2p2N - 0.037 * cN,
    f,
    u,
  );
}
