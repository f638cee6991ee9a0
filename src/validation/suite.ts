/**
 * The validation suite: every scheme of the published record (published.ts) simulated from its
 * scenario file over the scenario's own period and step, its modelled annual energy set beside
 * the published one, with the ratio and a verdict against the scheme's tolerance.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { loadScenario } from '../scenario/load.js';
import type { Override } from '../scenario/overrides.js';
import { acceptedBand, PUMPING_CHECK, VALIDATION_SCHEMES, type ValidationScheme } from './published.js';
import { type RunJobsOptions, runJobs } from './run.js';
import { type JobFigures, scenarioJob } from './scenario-run.js';

export interface ValidationRow {
  scheme: ValidationScheme;
  /** The scenario file (absolute). */
  file: string;
  figures: JobFigures;
  /** Modelled annual energy over the published reference figure. */
  ratio: number;
  /** Accepted annual energy (GWh/yr): the published range widened by the tolerance. */
  accepted_gwh: [number, number];
  /** The same band as ratios to the reference figure. */
  accepted_ratio: [number, number];
  pass: boolean;
}

/** The row of one scheme from its run's figures. */
export function validationRow(scheme: ValidationScheme, file: string, figures: JobFigures): ValidationRow {
  const ref = scheme.energy.reference_gwh;
  const [lo, hi] = acceptedBand(scheme);
  const e = figures.annual_energy_gwh;
  return {
    scheme,
    file,
    figures,
    ratio: e / ref,
    accepted_gwh: [lo, hi],
    accepted_ratio: [lo / ref, hi / ref],
    pass: e >= lo && e <= hi,
  };
}

/** Runs the suite (default: every scheme of the published record); rows in the order of the schemes. */
export async function runValidation(
  schemes: readonly ValidationScheme[] = VALIDATION_SCHEMES,
  o: RunJobsOptions & { overrides?: readonly Override[] } = {},
): Promise<ValidationRow[]> {
  const jobs = schemes.map((s) => ({
    ...scenarioJob(loadScenario(join(PACKAGE_ROOT, s.scenario), o.overrides), s.id),
    pumpingGain: s.id === PUMPING_CHECK.scheme,
  }));
  const figures = await runJobs(jobs, o);
  return schemes.map((s, i) => validationRow(s, jobs[i].file, figures[i]));
}

/** The rows outside their tolerance. */
export const failures = (rows: readonly ValidationRow[]) => rows.filter((r) => !r.pass);

export interface PumpingCheck {
  scheme: string;
  /** Net gain from pumping over the net without it (fraction); null when the scheme was not run or does not pump. */
  gain_fraction: number | null;
  band: [number, number];
  text: string;
  source: string;
  pass: boolean;
}

/** The pumping check (PUMPING_CHECK) on the rows of a validation run. */
export function pumpingCheck(rows: readonly ValidationRow[]): PumpingCheck {
  const row = rows.find((r) => r.scheme.id === PUMPING_CHECK.scheme);
  const g = row?.figures.pumping_gain_fraction ?? null;
  return {
    scheme: PUMPING_CHECK.scheme,
    gain_fraction: g,
    band: [PUMPING_CHECK.low, PUMPING_CHECK.high],
    text: PUMPING_CHECK.text,
    source: PUMPING_CHECK.source,
    pass: g !== null && g >= PUMPING_CHECK.low && g <= PUMPING_CHECK.high,
  };
}
