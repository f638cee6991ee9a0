/**
 * Sensitivity of a scheme's annual energy to the 18.6-year lunar nodal cycle and to mean
 * sea-level rise: the scenario's scheme and operation on the harmonic tide of its site, one run
 * per calendar year, for each sea-level offset.
 *
 * The nodal cycle: the Moon's orbit is inclined 5.1 deg to the ecliptic and its nodes regress
 * once in 18.61 years, so the lunar constituents' amplitudes swing about their means (M2's by
 * the nodal factor f; its range over a cycle is in docs/validation.md). The annual mean of f(M2) from the tide engine's own
 * nodal corrections (tide/nodal.ts) is reported beside each year's energy.
 *
 * Sea-level rise is a uniform offset of every predicted level (`tide.sea_level_offset_m`): the
 * tide keeps its amplitudes (no change of the tidal dynamics with depth is modelled), so the
 * energy changes only through the basin's area-level curve and the operation's level limits. A
 * constant-area basin without level limits gives the same energy at any offset.
 */

import { InputError } from '../errors.js';
import { signed } from '../numbers.js';
import { DEFAULT_SCENARIO } from '../paths.js';
import { DAY_S } from '../physics.js';
import { loadScenario } from '../scenario/load.js';
import type { Override } from '../scenario/overrides.js';
import { ARG_COUNT, ARG_NPRIME, ARG_P, ARG_P1, fundamentalArguments } from '../tide/astronomy.js';
import { FUNDAMENTALS, fundamentalCorrections } from '../tide/nodal.js';
import { type RunJobsOptions, runJobs } from './run.js';
import { scenarioJob, withFields } from './scenario-run.js';

/**
 * Mean of the nodal factor f of a fundamental constituent (default M2) over a calendar year
 * (UTC), from its value at noon of every day.
 */
export function annualMeanNodalFactor(year: number, constituent: (typeof FUNDAMENTALS)[number] = 'M2'): number {
  const k = FUNDAMENTALS.indexOf(constituent);
  const args = new Float64Array(ARG_COUNT);
  const f = new Float64Array(FUNDAMENTALS.length);
  const u = new Float64Array(FUNDAMENTALS.length);
  const t0 = Date.UTC(year, 0, 1) / 1000;
  const days = Math.round((Date.UTC(year + 1, 0, 1) / 1000 - t0) / DAY_S);
  let sum = 0;
  for (let d = 0; d < days; d++) {
    fundamentalArguments(t0 + (d + 0.5) * DAY_S, args);
    fundamentalCorrections(-args[ARG_NPRIME], args[ARG_P], args[ARG_P1], f, u);
    sum += f[k];
  }
  return sum / days;
}

export interface SensitivityOptions {
  /** The scenario whose scheme and operation are run (default: the built-in Mersey default). */
  scenario?: string;
  /** Harmonic site of the tide (default "liverpool"). */
  site?: string;
  /** Datum of the predicted levels (default: the scenario's tide datum). */
  datum?: string;
  /** Calendar years, one run each (default 2020 to 2038: a whole nodal cycle and a year). */
  years?: readonly number[];
  /** Sea-level offsets (m), each run for every year (default 0, +0.3, +1). */
  offsets_m?: readonly number[];
  /** Solver step (s); default: the scenario's own. */
  time_step_s?: number;
  /** Changes to the scenario (--set), applied before the years and offsets. */
  overrides?: readonly Override[];
}

export interface SensitivityYear {
  year: number;
  /** Annual mean nodal factor of M2 (dimensionless). */
  m2_nodal_factor: number;
  /** Net annual energy (GWh/yr), one per offset, in the order of `offsets_m`. */
  energy_gwh: number[];
}

export interface Sensitivity {
  /** The scenario file (absolute) and its name. */
  file: string;
  scenario: string;
  site: string;
  datum: string;
  time_step_s: number;
  offsets_m: number[];
  years: SensitivityYear[];
  /** Mean over the years of the annual energy, per offset (GWh/yr). */
  mean_gwh: number[];
}

export const DEFAULT_YEARS: readonly number[] = Array.from({ length: 19 }, (_, i) => 2020 + i);
export const DEFAULT_OFFSETS_M: readonly number[] = [0, 0.3, 1];

export async function runSensitivity(o: SensitivityOptions = {}, run: RunJobsOptions = {}): Promise<Sensitivity> {
  const path = o.scenario ?? DEFAULT_SCENARIO;
  const site = o.site ?? 'liverpool';
  const years = o.years ?? DEFAULT_YEARS;
  const offsets = o.offsets_m ?? DEFAULT_OFFSETS_M;
  if (years.length === 0 || offsets.length === 0)
    throw new InputError('a sensitivity study needs at least one year and one sea-level offset');
  const scenario = loadScenario(path, o.overrides);
  const base = scenarioJob(scenario, 'base');
  const datum = o.datum ?? scenario.tide.datum;
  // Year by year, so that the runs of a year at each offset follow each other and a worker makes
  // its prediction once (RunCache).
  const jobs = years.flatMap((year) =>
    offsets.map((offset) =>
      withFields(base, `${scenario.name}, ${year}, sea level ${signed(offset)} m`, {
        period: { year },
        tide: { kind: 'harmonic', site, datum, sea_level_offset_m: offset },
        ...(o.time_step_s !== undefined ? { time_step_s: o.time_step_s } : {}),
      }),
    ),
  );
  const figures = await runJobs(jobs, run);
  const n = years.length;
  const rows = years.map((year, i) => ({
    year,
    m2_nodal_factor: annualMeanNodalFactor(year),
    energy_gwh: offsets.map((_, j) => figures[i * offsets.length + j].annual_energy_gwh),
  }));
  return {
    file: base.file,
    scenario: scenario.name,
    site,
    datum,
    time_step_s: figures[0].time_step_s,
    offsets_m: [...offsets],
    years: rows,
    mean_gwh: offsets.map((_, j) => rows.reduce((a, r) => a + r.energy_gwh[j], 0) / n),
  };
}
