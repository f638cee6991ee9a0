/**
 * One validation run: a scenario object (a scenario file's JSON, possibly with some fields
 * replaced) simulated over its period, reduced to the figures the validation tables need. Plain
 * data in and out, so a run can go to a worker thread (task.ts) or run here alike.
 */
import { dirname } from 'node:path';
import { scenarioFromObject } from '../scenario/load.js';
import { describeTide } from '../scenario/tide-source.js';
import type { Scenario } from '../scenario/types.js';
import { type Result, simulate } from '../simulate.js';

export interface ScenarioJob {
  /** Names the run in messages. */
  label: string;
  /** The scenario's fields (fields replaced as the study needs), checked again when the job runs. */
  scenario: unknown;
  /** The scenario file (absolute): relative data paths resolve from its folder. */
  file: string;
}

/** What a validation table reads from one run; every figure in reporting units. */
export interface JobFigures {
  scenario: string;
  period_start: string;
  period_end: string;
  period_days: number;
  time_step_s: number;
  tide_source: string;
  /** The tide in a few words: "harmonic <site> (m <datum>)" or "observed <file name> (m <datum>)", with any sea-level offset. */
  tide: string;
  operation: string;
  installed_capacity_mw: number;
  /** Net of pumping, scaled to 365.25 days (GWh/yr). */
  annual_energy_gwh: number;
  annual_generated_energy_gwh: number;
  annual_pumping_energy_gwh: number;
  /** Net energy over installed capacity (fraction). */
  capacity_factor: number;
  /** Net gain from pumping over the net without it, same heads (fraction); null when the scheme does not pump. */
  pumping_gain_fraction: number | null;
  /** Share of the generated energy made on the ebb (basin to sea), from the per-tide ledger (fraction). */
  ebb_share: number;
  mass_balance_error: number;
}

/** The figures of a simulation result. */
export function jobFigures(r: Result): JobFigures {
  const s = r.summary;
  let ebb = 0;
  let all = 0;
  for (const h of r.halfTides) {
    all += h.generated;
    if (h.half === 'ebb') ebb += h.generated;
  }
  return {
    scenario: s.scenario,
    period_start: s.period_start,
    period_end: s.period_end,
    period_days: s.period_days,
    time_step_s: s.time_step_s,
    tide_source: s.tide_source,
    tide: describeTide(r.scenario.tide, true),
    operation: s.operation,
    installed_capacity_mw: s.installed_capacity_mw,
    annual_energy_gwh: s.annual_energy_gwh,
    annual_generated_energy_gwh: s.annual_generated_energy_gwh,
    annual_pumping_energy_gwh: s.annual_pumping_energy_gwh,
    capacity_factor: s.capacity_factor,
    pumping_gain_fraction: s.pumping_gain?.gain_fraction ?? null,
    ebb_share: all > 0 ? ebb / all : 0,
    mass_balance_error: s.mass_balance_error,
  };
}

/** Runs one job in this thread. */
export function runJob(job: ScenarioJob): JobFigures {
  return jobFigures(simulate(scenarioFromObject(job.scenario, job.file, dirname(job.file)), { pumpingGain: true }));
}

/**
 * The job of a loaded scenario (checked, defaults filled, paths absolute), with top-level fields
 * replaced (e.g. the tide or the period); the replaced fields are checked when the job runs.
 */
export function scenarioJob(scenario: Scenario, label: string, replace: Record<string, unknown> = {}): ScenarioJob {
  const { file, ...fields } = scenario;
  return withFields({ label, scenario: fields, file }, label, replace);
}

/** A copy of a job with top-level fields of its scenario replaced, under a new label. */
export function withFields(job: ScenarioJob, label: string, replace: Record<string, unknown>): ScenarioJob {
  return { label, scenario: { ...(job.scenario as Record<string, unknown>), ...replace }, file: job.file };
}
