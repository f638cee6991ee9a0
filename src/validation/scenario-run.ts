/**
 * One validation run: a scenario object (a scenario file's JSON, possibly with some fields
 * replaced) simulated over its period, reduced to the figures the validation tables need. Plain
 * data in and out, so a run can go to a worker thread (task.ts) or run here alike.
 */
import { dirname } from 'node:path';
import { scenarioFromObject } from '../scenario/load.js';
import { buildSea, describeTide, withOffset } from '../scenario/tide-source.js';
import type { Scenario } from '../scenario/types.js';
import { type Result, simulate } from '../simulate.js';
import { allocateSeries, type StepSeries } from '../solver/types.js';
import type { SeaLevel } from '../tide/sea-level.js';

export interface ScenarioJob {
  /** Names the run in messages. */
  label: string;
  /** The scenario's fields (fields replaced as the study needs), checked again when the job runs. */
  scenario: unknown;
  /** The scenario file (absolute): relative data paths resolve from its folder. */
  file: string;
  /** Also run it without pumping and report the gain (JobFigures.pumping_gain_fraction): a second run. */
  pumpingGain?: boolean;
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

/** A job's scenario, checked (schema and relations), as the loader would give it. */
export function checkedScenario(job: ScenarioJob): Scenario {
  return scenarioFromObject(structuredClone(job.scenario), job.file, dirname(job.file));
}

/**
 * What a thread keeps between the runs it makes: the last harmonic sea levels before their
 * offset (the sensitivity study runs each year at several offsets) and the per-step buffers.
 */
export class RunCache {
  private readonly seas = new Map<string, SeaLevel>();
  private series: StepSeries | null = null;

  /** The scenario's sea level: a harmonic prediction made once per site, datum, period and step, then offset. */
  sea(s: Scenario): SeaLevel {
    if (s.tide.kind !== 'harmonic') return buildSea(s);
    const key = JSON.stringify([s.tide.site, s.tide.datum, s.period, s.time_step_s]);
    let base = this.seas.get(key);
    if (!base) {
      base = buildSea({ ...s, tide: { ...s.tide, sea_level_offset_m: 0 } });
      if (this.seas.size >= SEAS_KEPT) this.seas.delete(this.seas.keys().next().value as string);
      this.seas.set(key, base);
    }
    return withOffset(s, { ...base, level: base.level.slice() });
  }

  /** Per-step buffers of `n` samples, reused while the length stays the same. */
  buffers(n: number): StepSeries {
    if (this.series?.power.length !== n) this.series = allocateSeries(n);
    return this.series;
  }
}

/** Harmonic sea levels a RunCache keeps (a year at 5-minute steps is 0.8 MB). */
const SEAS_KEPT = 4;

/** Runs one checked scenario (a job's), with what `cache` holds; with `pumpingGain`, once more without pumping. */
export function runScenario(s: Scenario, cache: RunCache, pumpingGain = false): JobFigures {
  const sea = cache.sea(s);
  return jobFigures(simulate(s, { sea, series: cache.buffers(sea.level.length), pumpingGain }));
}

/** Runs one job in this thread. */
export function runJob(job: ScenarioJob, cache = new RunCache()): JobFigures {
  return runScenario(checkedScenario(job), cache, job.pumpingGain === true);
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
