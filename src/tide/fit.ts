/**
 * Harmonic analysis: amplitudes, phases and z0 fitted to an observed series by least squares,
 * with the nodal corrections of every day applied, after a Rayleigh-criterion check on which
 * constituents the record can separate.
 */

import { InputError } from '../errors.js';
import { DAY_S } from '../physics.js';
import { isoTime } from '../time.js';
import type { ConstituentSet } from './constituents.js';
import { resolveConstituents } from './constituents.js';
import { harmonicModel, TideEvaluator, unitModel } from './harmonic.js';
import { addRow, normalEquations, solveNormalEquations } from './least-squares.js';
import type { GapReport, ObservedSeries } from './series.js';
import { findGaps, requireNoGaps, sampleProblems } from './series.js';
import type { Site, SiteConstituent } from './site.js';

/**
 * The standard constituent list of harmonic analysis: the astronomical and shallow-water
 * constituents that Foreman (1977, Manual for tidal heights analysis and prediction, Pacific
 * Marine Science Report 77-10) selects from for a record of up to a year, which t_tide
 * (Pawlowicz, Beardsley & Lentz 2002) also starts from, in order of frequency: 66 of its 68;
 * ALP1 and BET1 are left out because the constituent table used here does not define them.
 * Names are those of that table (SIGMA1 for SIG1, MA2 and MB2 for H1 and H2).
 */
export const STANDARD_ANALYSIS_CONSTITUENTS: readonly string[] = [
  'SA',
  'SSA',
  'MSm',
  'MM',
  'MSF',
  'MF',
  '2Q1',
  'SIGMA1',
  'Q1',
  'RHO1',
  'O1',
  'TAU1',
  'NO1',
  'CHI1',
  'PI1',
  'P1',
  'S1',
  'K1',
  'PSI1',
  'PHI1',
  'THETA1',
  'J1',
  'SO1',
  'OO1',
  'UPS1',
  'OQ2',
  'EP2',
  '2N2',
  'MU2',
  'N2',
  'NU2',
  'GAMMA2',
  'MA2',
  'M2',
  'MB2',
  'MKS2',
  'LAMBDA2',
  'L2',
  'T2',
  'S2',
  'R2',
  'K2',
  'MSN2',
  'ETA2',
  'MO3',
  'M3',
  'SO3',
  'MK3',
  'SK3',
  'MN4',
  'M4',
  'SN4',
  'MS4',
  'MK4',
  'S4',
  'SK4',
  '2MK5',
  '2SK5',
  '2MN6',
  'M6',
  '2MS6',
  '2MK6',
  '2SM6',
  'MSK6',
  '3MK7',
  'M8',
];

/** Speeds closer than this (deg/h) are one frequency under two names. */
const SAME_SPEED_DEG_PER_HOUR = 1e-6;

/**
 * The constituents `tide fit` analyses by default, in priority order for the Rayleigh criterion:
 * the reference site's, largest amplitude first, then those of the standard list it lacks (a
 * site's published set, like TICON's fixed 50, can miss shallow-water constituents that are large
 * at a shallow site: MK4, 2MN6, MSN2 and MO3 are 2.5-4 cm at Liverpool).
 */
export function analysisConstituents(reference: Site): string[] {
  const own = [...reference.constituents].sort((a, b) => b.amplitude - a.amplitude).map((c) => c.name);
  const ownSpeeds = resolveConstituents(own, (i) => `${reference.name}: constituent ${i + 1}`).speedDegPerHour;
  const standard = resolveConstituents(STANDARD_ANALYSIS_CONSTITUENTS, (i) => `standard list, item ${i + 1}`);
  // A standard name whose speed the site already has (an alias, or NO1 beside M1) adds nothing.
  const lacking = STANDARD_ANALYSIS_CONSTITUENTS.filter(
    (_, i) => !ownSpeeds.some((w) => Math.abs(w - standard.speedDegPerHour[i]) < SAME_SPEED_DEG_PER_HOUR),
  );
  return [...own, ...lacking];
}

const R2D = 180 / Math.PI;

export interface RayleighExclusion {
  readonly name: string;
  /** The constituent of higher priority (or "Z0", the mean) it is too close to. */
  readonly conflictsWith: string;
  /** Frequency difference times record length (cycles); the criterion asks for >= R. */
  readonly cycles: number;
  /** Record length (days) the pair would need. */
  readonly daysNeeded: number;
}

export interface FitOptions {
  /** Rayleigh factor R (default 1): a pair needs |f1 - f2| * T >= R, T the record length. */
  rayleigh?: number;
  /** Fit a series with gaps, using the samples it has (default: gaps are an error). */
  allowGaps?: boolean;
  /** Metadata of the site written. */
  name?: string;
  datum?: string;
  source?: string;
  licence?: string;
  position?: Site['position'];
}

export interface HarmonicFit {
  /** The fitted constants (constituents in the given priority order, excluded ones left out). */
  readonly site: Site;
  readonly excluded: readonly RayleighExclusion[];
  /** Rms of observed minus fitted level over the samples (m). */
  readonly rmsResidual: number;
  readonly samples: number;
  /** Record length T = last time - first time (s). */
  readonly span: number;
  /** The gaps of the series (empty unless allowGaps). */
  readonly gaps: GapReport;
}

/**
 * Rayleigh criterion: taking the constituents in priority order, keeps each whose frequency is
 * at least R / T from every constituent already kept and from zero (the mean, z0).
 */
export function rayleighSelection(
  set: ConstituentSet,
  span: number,
  rayleigh: number,
): { keep: number[]; excluded: RayleighExclusion[] } {
  const keep: number[] = [];
  const excluded: RayleighExclusion[] = [];
  const cyclesPerSecond = (i: number) => set.omega[i] / (2 * Math.PI);
  for (let i = 0; i < set.omega.length; i++) {
    let worst = cyclesPerSecond(i) * span;
    let against = 'Z0';
    for (const j of keep) {
      const c = Math.abs(cyclesPerSecond(i) - cyclesPerSecond(j)) * span;
      if (c < worst) {
        worst = c;
        against = set.names[j];
      }
    }
    if (worst >= rayleigh) keep.push(i);
    else
      excluded.push({ name: set.names[i], conflictsWith: against, cycles: worst, daysNeeded: (rayleigh * span) / worst / DAY_S });
  }
  return { keep, excluded };
}

/**
 * Fits z0 and the amplitude and phase of each named constituent (names in priority order for
 * the Rayleigh criterion; unknown names are errors) to the series, levels in the series' datum.
 */
export function fitHarmonics(series: ObservedSeries, names: readonly string[], options: FitOptions = {}): HarmonicFit {
  const problems = sampleProblems(series);
  if (problems.length > 0) throw InputError.of(problems);
  const n = series.time.length;
  const span = n > 1 ? series.time[n - 1] - series.time[0] : 0;
  if (!(span > 0)) throw new InputError(`${series.file}: a harmonic analysis needs a record longer than one sample`);
  const gaps = options.allowGaps ? findGaps(series) : requireNoGaps(series);
  const rayleigh = options.rayleigh ?? 1;
  if (!(rayleigh > 0)) throw new Error(`the Rayleigh factor must be > 0, got ${rayleigh}`);

  const all = resolveConstituents(names, (i) => `constituent list, item ${i + 1}`);
  const { keep, excluded } = rayleighSelection(all, span, rayleigh);
  const kept = resolveConstituents(
    keep.map((i) => all.names[i]),
    (i) => `constituent ${keep[i]}`,
  );
  const k = keep.length;
  const p = 1 + 2 * k;
  if (n < p) throw new InputError(`${series.file}: ${n} samples cannot determine ${p} unknowns (z0 and ${k} constituents)`);

  // Columns: 1, then f cos(V0 + u + w t) and f sin(V0 + u + w t) of each kept constituent.
  const ev = new TideEvaluator(unitModel(kept));
  const re = new Float64Array(k);
  const im = new Float64Array(k);
  const x = new Float64Array(p);
  const ne = normalEquations(p);
  x[0] = 1;
  for (let s = 0; s < n; s++) {
    ev.at(series.time[s], re, im);
    for (let i = 0; i < k; i++) {
      x[1 + 2 * i] = re[i];
      x[2 + 2 * i] = im[i];
    }
    addRow(ne, x, series.level[s]);
  }
  const beta = solveNormalEquations(ne, (j) => (j === 0 ? 'z0' : kept.names[(j - 1) >> 1]));

  // a cos(theta) + b sin(theta) = A cos(theta - g) with A = hypot(a, b), g = atan2(b, a).
  const constituents: SiteConstituent[] = [];
  for (let i = 0; i < k; i++) {
    const a = beta[1 + 2 * i];
    const b = beta[2 + 2 * i];
    let g = R2D * Math.atan2(b, a);
    if (g < 0) g += 360;
    constituents.push({ name: kept.names[i], amplitude: Math.hypot(a, b), phase: g >= 360 ? 0 : g });
  }
  const datum = options.datum ?? 'ODN';
  const first = isoTime(series.time[0]);
  const last = isoTime(series.time[n - 1]);
  const site: Site = {
    name: options.name ?? `harmonic analysis of ${series.file}`,
    ...(options.position ? { position: options.position } : {}),
    datum,
    z0: beta[0],
    datums: { [datum]: 0 },
    constituents,
    source:
      options.source ??
      `least-squares harmonic analysis by mersey-tidal of ${series.file}, ${n} samples from ${first} to ${last}, nodal corrections applied daily, Rayleigh factor ${rayleigh}`,
    licence: options.licence ?? 'as the analysed series',
    file: '',
  };

  // Residual of the constants as written (amplitude and phase), evaluated afresh.
  const check = new TideEvaluator(harmonicModel(site));
  let sum2 = 0;
  for (let s = 0; s < n; s++) {
    check.at(series.time[s]);
    sum2 += (series.level[s] - check.level) ** 2;
  }
  return { site, excluded, rmsResidual: Math.sqrt(sum2 / n), samples: n, span, gaps };
}
