/**
 * What an optimisation reports: the terminal summary (flexible against the best fixed heads, with
 * units), decisions.csv (one row per decision) and optimise.json (settings, figures, heads, cost).
 * The flexible run itself is written like a simulation (summary.json, monthly.csv, tides.csv).
 */

import { csvText } from '../io/csv-write.js';
import { jsonText } from '../json.js';
import { fmt, signed } from '../numbers.js';
import { J_PER_MWH, perYear } from '../physics.js';
import { changedLines } from '../report/summary-text.js';
import { type Result, scaledToYear } from '../simulate.js';
import { seaSpan } from '../tide/sea-level.js';
import { isoTime } from '../time.js';
import { type Controls, controlsText } from './fixed.js';
import { type RecordedHeads, recordHeads } from './plan-record.js';
import type { FixedOutcome, OptimiseOutcome } from './scenario.js';

const pct = (x: number) => `${signed(x, 2)} %`;

/** One run's headline figures: energies in GWh/yr, revenue in GBP/yr (null without prices). */
export interface RunTotals {
  annual_energy_gwh: number;
  annual_generated_energy_gwh: number;
  annual_pumping_energy_gwh: number;
  capacity_factor: number;
  revenue_gbp_per_yr: number | null;
}

export function runTotals(r: Result, revenueGbp: number | null): RunTotals {
  const s = r.summary;
  return {
    annual_energy_gwh: s.annual_energy_gwh,
    annual_generated_energy_gwh: s.annual_generated_energy_gwh,
    annual_pumping_energy_gwh: s.annual_pumping_energy_gwh,
    capacity_factor: s.capacity_factor,
    revenue_gbp_per_yr: revenueGbp === null ? null : perYear(revenueGbp, seaSpan(r.sea)),
  };
}

/** Relative change from `base` to `x` (%); null when either is missing or the base is not positive. */
function gain(x: number | null, base: number | null): number | null {
  return x === null || base === null || !(base > 0) ? null : (x / base - 1) * 100;
}

/** Heads by direction as a plain object in metres. */
function headsJson(c: Controls): Record<string, RecordedHeads> {
  const out: Record<string, RecordedHeads> = {};
  c.forEach((h, k) => {
    if (h) out[k === 0 ? 'ebb' : 'flood'] = recordHeads(h);
  });
  return out;
}

/** decisions.csv: per decision, the slack water, the heads, and the half tide they governed. */
export function decisionsCsv(o: OptimiseOutcome): string {
  const header =
    'time_utc,slack,direction,start_head_m,end_head_m,pump_to_head_m,half_tide_start_utc,half_tide_end_utc,generated_mwh,pumping_mwh,net_mwh,revenue_gbp';
  return csvText(
    header.split(','),
    o.flexible.rows.map((d) => {
      const h = d.halfTide;
      const c = d.controls;
      return [
        isoTime(d.time),
        d.slack,
        d.direction,
        c.start.toFixed(2),
        c.end.toFixed(2),
        c.pump.toFixed(2),
        h ? isoTime(h.start) : '',
        h ? isoTime(h.end) : '',
        h ? (h.generated / J_PER_MWH).toFixed(3) : '',
        h ? (h.pumped / J_PER_MWH).toFixed(3) : '',
        h ? ((h.generated - h.pumped) / J_PER_MWH).toFixed(3) : '',
        d.revenueGbp === null ? '' : d.revenueGbp.toFixed(2),
      ];
    }),
  );
}

function fixedJson(x: FixedOutcome) {
  return {
    heads: headsJson(x.search.controls),
    runs_searched: x.search.evaluations,
    sample_runs_searched: x.search.sampleEvaluations,
    ...runTotals(x.result, x.revenueGbp),
  };
}

/** The document of optimise.json: the settings, each run's figures, the gains and what the search cost. */
export function optimiseDocument(o: OptimiseOutcome, toolVersion: string) {
  const flex = runTotals(o.flexible.result, o.flexible.revenueGbp);
  const fixed = runTotals(o.fixed.result, o.fixed.revenueGbp);
  const plan = o.flexible.plan;
  return {
    tool: 'mersey-tidal',
    tool_version: toolVersion,
    scenario: o.scenario.name,
    scenario_file: o.scenario.file,
    period_start: o.flexible.result.summary.period_start,
    period_end: o.flexible.result.summary.period_end,
    settings: {
      objective: o.settings.objective,
      prices_file: o.settings.pricesFile,
      forecast: o.settings.forecast,
      forecast_site: o.settings.forecastSite,
      lookahead_half_tides: o.settings.lookahead,
      head_step_m: o.settings.ranges.step,
      start_head_range_m: o.settings.ranges.start,
      end_head_range_m: o.settings.ranges.end,
      pump_to_head_range_m: o.settings.ranges.pump,
    },
    best_fixed: fixedJson(o.fixed),
    fixed_on_forecast: o.forecastFixed ? fixedJson(o.forecastFixed) : null,
    flexible: {
      ...flex,
      decisions: plan.controls.length,
      window_evaluations: plan.evaluations,
      chunks: plan.chunks,
      chunk_level_mismatch_m: plan.chunkLevelMismatch,
    },
    gain_energy_percent: gain(flex.annual_energy_gwh, fixed.annual_energy_gwh),
    gain_revenue_percent: gain(flex.revenue_gbp_per_yr, fixed.revenue_gbp_per_yr),
    workers: o.workers,
    seconds: o.seconds,
  };
}

/** optimise.json's text (optimiseDocument). */
export function optimiseJson(o: OptimiseOutcome, toolVersion: string): string {
  return jsonText(optimiseDocument(o, toolVersion));
}

/** The terminal summary: each run's net energy and revenue per year, the gains, the heads, the cost. */
/** `changes`: the command-line options that changed the scenario file (--site, --near, --set), as given. */
export function optimiseText(o: OptimiseOutcome, scenarioFile: string, changes: readonly string[] = []): string {
  const s = o.flexible.result.summary;
  const set = o.settings;
  const plan = o.flexible.plan;
  const lines: string[] = [];
  lines.push(`Scenario        ${o.scenario.name}  (${scenarioFile})`);
  lines.push(...changedLines(changes));
  lines.push(
    `Period          ${s.period_start} to ${s.period_end}  (${fmt(s.period_days, 2)} days, step ${fmt(s.time_step_s, 0)} s)`,
  );
  lines.push(`Tide            ${s.tide_source}`);
  lines.push(
    `Flexible        ${plan.controls.length} half tides decided at slack water; objective ${set.objective === 'energy' ? 'net energy' : 'net revenue'}; ` +
      `${set.forecast === 'perfect' ? 'perfect forecast' : `harmonic forecast at ${set.forecastSite}`}; look-ahead ${set.lookahead} half tide${set.lookahead > 1 ? 's' : ''}; heads on a ${set.ranges.step} m lattice`,
  );
  lines.push('');
  const withRevenue = o.fixed.revenueGbp !== null;
  const header = `${''.padEnd(34)}${'net energy'.padStart(12)}${'generated'.padStart(12)}${'pumping'.padStart(12)}${withRevenue ? 'revenue'.padStart(16) : ''}`;
  const units = `${''.padEnd(34)}${'GWh/yr'.padStart(12)}${'GWh/yr'.padStart(12)}${'GWh/yr'.padStart(12)}${withRevenue ? 'GBP/yr'.padStart(16) : ''}`;
  const row = (label: string, x: RunTotals) =>
    `${label.padEnd(34)}${fmt(x.annual_energy_gwh, 1).padStart(12)}${fmt(x.annual_generated_energy_gwh, 1).padStart(12)}${fmt(x.annual_pumping_energy_gwh, 1).padStart(12)}` +
    (withRevenue ? fmt(x.revenue_gbp_per_yr ?? 0, 0).padStart(16) : '');
  const fixed = runTotals(o.fixed.result, o.fixed.revenueGbp);
  const flex = runTotals(o.flexible.result, o.flexible.revenueGbp);
  lines.push(header, units);
  lines.push(row('best fixed heads', fixed));
  if (o.forecastFixed)
    lines.push(row('fixed heads best on the forecast', runTotals(o.forecastFixed.result, o.forecastFixed.revenueGbp)));
  lines.push(row('flexible', flex));
  const ge = gain(flex.annual_energy_gwh, fixed.annual_energy_gwh);
  const gr = gain(flex.revenue_gbp_per_yr, fixed.revenue_gbp_per_yr);
  lines.push(
    `${'gain over the best fixed heads'.padEnd(34)}${(ge === null ? '' : pct(ge)).padStart(12)}${''.padStart(24)}${withRevenue && gr !== null ? pct(gr).padStart(16) : ''}`,
  );
  if (scaledToYear(s)) lines.push(`(per-year figures scaled from ${fmt(s.period_days, 1)} days)`);
  lines.push('');
  lines.push(
    `Best fixed heads     ${controlsText(o.fixed.search.controls)}  (${o.fixed.search.evaluations} runs of the period searched, ${o.fixed.search.sampleEvaluations} of a sample)`,
  );
  if (o.forecastFixed)
    lines.push(`On the forecast      ${controlsText(o.forecastFixed.search.controls)}  (these close each decision's window)`);
  const evals = plan.evaluations;
  lines.push(
    `Search              ${fmt(evals, 0)} window evaluations (${fmt(evals / Math.max(plan.controls.length, 1), 0)} per decision) in ${fmt(o.seconds.flexible, 2)} s ` +
      `on ${o.workers} worker thread${o.workers > 1 ? 's' : ''} (${fmt(evals / Math.max(o.seconds.flexible, 1e-9), 0)} /s); fixed-head search ${fmt(o.seconds.fixed, 2)} s`,
  );
  lines.push(
    `Chunks              ${plan.chunks} in parallel; largest level mismatch at a chunk start ${fmt(plan.chunkLevelMismatch * 1000, 1)} mm`,
  );
  lines.push(`Mass balance error  ${s.mass_balance_error.toExponential(1)} (relative, flexible run)`);
  return lines.join('\n');
}
