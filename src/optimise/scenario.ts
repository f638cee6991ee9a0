/**
 * Flexible operation of a scenario: its settings (operation.flexible, with command-line
 * overrides), the sea levels and prices it needs, and the runs it reports, each a Result like
 * simulate's: the best fixed heads, the flexible operation, and for a harmonic forecast the fixed
 * heads an operator would choose on that forecast.
 */
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { HalfControls } from '../operation/cycle.js';
import { defaultWorkerCount, WorkerPool } from '../parallel/pool.js';
import { taskModule } from '../parallel/task.js';
import { J_PER_MWH } from '../physics.js';
import { buildRun, type RunInputs } from '../scenario/build.js';
import { scenarioFromObject } from '../scenario/load.js';
import { checkPriceCoverage, type PriceSeries, readPriceCsv, revenue, stepPrices } from '../scenario/prices.js';
import { harmonicSea } from '../scenario/tide-source.js';
import type { FlexibleSpec, Scenario } from '../scenario/types.js';
import { type Result, type Summary, summarise } from '../simulate.js';
import { type HalfTide, halfTideLedger } from '../solver/ledger.js';
import { ModeLog } from '../solver/mode-log.js';
import { allocateSeries, type StepSeries } from '../solver/types.js';
import { isSitePath, siteFile } from '../tide/index.js';
import { applyPlan, type RecordedRun } from './apply.js';
import { type Controls, controlsText, type FixedSearch } from './fixed.js';
import type { Decisions } from './horizon.js';
import type { HeadRanges } from './lattice.js';
import { planFromRecord, type RecordedPlan, recordPlan } from './plan-record.js';
import { openProblem, type PlanRun, planRun } from './problem.js';
import { bestFixed, type FlexiblePlan, flexiblePlan, problemData } from './run.js';

/** What the optimisation does, resolved from operation.flexible and the overrides. */
export interface OptimiseSettings {
  readonly objective: 'energy' | 'revenue';
  /** Absolute path of the price CSV; null: no prices (energy objective, no revenue reported). */
  readonly pricesFile: string | null;
  readonly forecast: 'perfect' | 'harmonic';
  /** The harmonic forecast's site (built-in name or absolute path); null for a perfect forecast. */
  readonly forecastSite: string | null;
  readonly lookahead: number;
  readonly ranges: HeadRanges;
}

/** Overrides of operation.flexible (e.g. from the command line); a relative prices file is taken from the working folder. */
export interface SettingsOverrides {
  objective?: 'energy' | 'revenue';
  pricesFile?: string;
  forecast?: 'perfect' | 'harmonic';
  lookahead?: number;
}

/** operation.flexible with the schema's defaults filled in (absent: all defaults). */
function flexibleSpec(s: Scenario): FlexibleSpec {
  if (s.operation.flexible) return s.operation.flexible;
  const { file, ...fields } = s;
  const withBlock = scenarioFromObject(
    { ...fields, operation: { ...s.operation, flexible: {} } },
    file,
    file === '<inline>' ? process.cwd() : dirname(file),
  );
  return withBlock.operation.flexible as FlexibleSpec;
}

/** Resolves the settings; every problem is an InputError naming the field and how to fix it. */
export function optimiseSettings(s: Scenario, o: SettingsOverrides = {}): OptimiseSettings {
  const f = flexibleSpec(s);
  const where = `${s.file}: operation.flexible`;
  const objective = o.objective ?? f.objective;
  const pricesFile = o.pricesFile !== undefined ? resolve(o.pricesFile) : (f.prices_file ?? null);
  if (objective === 'revenue' && pricesFile === null) {
    throw new InputError(
      `${where}.prices_file: the revenue objective needs prices; give prices_file in the scenario or --prices FILE (CSV time_utc, price_gbp_per_mwh)`,
    );
  }
  const forecast = o.forecast ?? f.forecast;
  let forecastSite: string | null = null;
  if (forecast === 'harmonic') {
    const site = f.forecast_site ?? (s.tide.kind === 'harmonic' ? s.tide.site : undefined);
    if (site === undefined) {
      throw new InputError(
        `${where}.forecast_site: a harmonic forecast of an observed tide needs the site to predict at; give forecast_site (e.g. "liverpool", or the path of a site file)`,
      );
    }
    forecastSite = isSitePath(site) && s.file !== '<inline>' ? resolve(dirname(s.file), site) : site;
  }
  const lookahead = o.lookahead ?? f.lookahead_half_tides;
  if (lookahead !== 1 && lookahead !== 2)
    throw new InputError(`${where}.lookahead_half_tides: expected 1 or 2 half tides, got ${lookahead}`);
  for (const key of ['start_head_range_m', 'end_head_range_m', 'pump_to_head_range_m'] as const) {
    const [lo, hi] = f[key];
    if (!(lo <= hi))
      throw new InputError(`${where}.${key}: expected [lowest, highest] with lowest <= highest, got [${lo}, ${hi}] m`);
  }
  if (!(f.start_head_range_m[1] >= f.head_step_m))
    throw new InputError(
      `${where}.start_head_range_m: the highest start head must be at least one head step (${f.head_step_m} m)`,
    );
  return {
    objective,
    pricesFile,
    forecast,
    forecastSite,
    lookahead,
    ranges: { step: f.head_step_m, start: f.start_head_range_m, end: f.end_head_range_m, pump: f.pump_to_head_range_m },
  };
}

/** One fixed-head outcome: the heads, the run and its revenue. */
export interface FixedOutcome {
  readonly search: FixedSearch;
  readonly result: Result;
  /** Net revenue over the period (GBP); null without prices. */
  readonly revenueGbp: number | null;
}

/** One row per decision: the slack water, the controls and what the half tide they governed gave. */
export interface DecisionRow {
  /** Time of the slack water (s since the epoch). */
  readonly time: number;
  readonly slack: 'high' | 'low';
  readonly direction: 'ebb' | 'flood';
  readonly controls: HalfControls;
  /** The half tide of the ledger the decision governed (null when it governed none: its start head was never reached). */
  readonly halfTide: HalfTide | null;
  /** Its net revenue (GBP); null without prices. */
  readonly revenueGbp: number | null;
}

export interface OptimiseOutcome {
  readonly settings: OptimiseSettings;
  readonly scenario: Scenario;
  /** The best fixed heads on the simulated sea level: the baseline. */
  readonly fixed: FixedOutcome;
  /** Harmonic forecast only: the best fixed heads on the forecast, applied to the simulated sea level. */
  readonly forecastFixed: FixedOutcome | null;
  readonly flexible: {
    readonly plan: FlexiblePlan;
    /** The plan with the controls in force before its first decision, as summary.json records it. */
    readonly record: RecordedPlan;
    readonly result: Result;
    readonly revenueGbp: number | null;
    readonly rows: DecisionRow[];
  };
  readonly workers: number;
  /**
   * Wall-clock seconds of each stage: setup (settings, sea levels, prices, the pool started),
   * fixed (the best fixed heads, and on the forecast), flexible (the decisions and the runs
   * reported), and the total.
   */
  readonly seconds: { readonly setup: number; readonly fixed: number; readonly flexible: number; readonly total: number };
}

export interface OptimiseOptions extends SettingsOverrides {
  /** Worker threads of the pool the run starts and closes (default: the available cores). */
  workers?: number;
  /** A pool to use instead; it is left open. */
  pool?: WorkerPool;
  /** Progress of the flexible stage, in chunks of decisions. */
  onProgress?: (done: number, total: number) => void;
  /** A line at the start of each stage. */
  onStage?: (text: string) => void;
  /** Progress of the fixed-head searches: runs done so far (the total is not known ahead). */
  onFixedRuns?: (runs: number) => void;
  signal?: AbortSignal;
  /** Decisions per parallel chunk (see optimise/run.ts). */
  chunkDecisions?: number;
}

/** The text of Summary.operation for a fixed or flexible run. */
function operationText(s: Scenario, what: string, c?: Controls): string {
  return c ? `${s.operation.mode}, ${what}: ${controlsText(c)}` : `${s.operation.mode}, ${what}`;
}

/** The controls a run applies: `reference` until the first decision, then each decision's. */
interface AppliedControls {
  readonly decisions: Decisions;
  readonly controls: readonly HalfControls[];
  readonly reference: Controls;
}

/** Empty buffers for a run of the period to record into. */
function recorders(inputs: RunInputs): { series: StepSeries; log: ModeLog } {
  return { series: allocateSeries(inputs.sea.level.length), log: new ModeLog() };
}

/**
 * A Result of a recorded run of the period, summarised like simulate's, its summary naming the
 * operation and, beside the scenario's data files, those in `dataFiles`.
 */
function runResult(
  s: Scenario,
  p: PlanRun,
  inputs: RunInputs,
  { totals, series, log }: RecordedRun,
  operation: string,
  dataFiles: readonly string[],
): Result {
  const halfTides = halfTideLedger(log, p.apply.ops, inputs.sea, series);
  const summary = summarise(s, inputs, series, totals, halfTides.length);
  summary.operation = operation;
  for (const f of dataFiles) if (!summary.data_files.includes(f)) summary.data_files.push(f);
  return { scenario: s, sea: inputs.sea, series, totals, modeNames: p.apply.ops.names, halfTides, summary };
}

/** The Result of controls applied by applyPlan (see runResult). */
function planResult(
  s: Scenario,
  p: PlanRun,
  inputs: RunInputs,
  c: AppliedControls,
  operation: string,
  dataFiles: readonly string[],
): Result {
  const buffers = recorders(inputs);
  const { totals } = applyPlan(p, c.decisions, c.controls, c.reference, buffers);
  return runResult(s, p, inputs, { totals, ...buffers }, operation, dataFiles);
}

/** Net revenue (GBP) of each half tide of a result: its steps (by start time) at the prices in force. */
function halfTideRevenue(r: Result, price: Float64Array, h: HalfTide): number {
  const { sea, series } = r;
  const from = Math.max(0, Math.ceil((h.start - sea.t0) / sea.dt - 1e-9));
  const to = Math.min(sea.level.length - 1, Math.ceil((h.end - sea.t0) / sea.dt - 1e-9));
  return revenue(series.power, series.pumpPower, sea.dt, price, from, to);
}

/**
 * Each decision with the half tide of the ledger it governed: a half tide belongs to the last
 * decision of its direction made before it ended (a decision whose start head was never reached
 * before the next one of its direction governed none, and has no half tide).
 */
function decisionRows(plan: FlexiblePlan, r: Result, price: Float64Array | null): DecisionRow[] {
  const governed = new Map<number, HalfTide>();
  for (const half of ['ebb', 'flood'] as const) {
    const dir = half === 'ebb' ? 1 : -1;
    let last = -1;
    let j = 0;
    for (const h of r.halfTides) {
      if (h.half !== half) continue;
      for (; j < plan.slack.length && plan.slack[j].time < h.end; j++) if (plan.decisions.dir[j] === dir) last = j;
      if (last >= 0) governed.set(last, h);
    }
  }
  return plan.slack.map((w, j) => {
    const halfTide = governed.get(j) ?? null;
    return {
      time: w.time,
      slack: w.kind,
      direction: plan.decisions.dir[j] > 0 ? 'ebb' : 'flood',
      controls: plan.controls[j],
      halfTide,
      revenueGbp: halfTide && price ? halfTideRevenue(r, price, halfTide) : null,
    };
  });
}

/** Runs flexible operation on a scenario and the fixed-head runs it is compared with. */
export async function optimiseScenario(s: Scenario, o: OptimiseOptions = {}): Promise<OptimiseOutcome> {
  const t0 = performance.now();
  const settings = optimiseSettings(s, o);
  const stage = o.onStage ?? (() => {});
  // Workers start (load their modules) while this thread builds the sea levels.
  const pool =
    o.pool ??
    new WorkerPool(o.workers ?? defaultWorkerCount(), [
      taskModule('optimise/fixed-task.js'),
      taskModule('optimise/flexible-task.js'),
    ]);
  try {
    return await optimiseOn(s, settings, pool, stage, t0, o);
  } finally {
    if (!o.pool) await pool.close();
  }
}

async function optimiseOn(
  s: Scenario,
  settings: OptimiseSettings,
  pool: WorkerPool,
  stage: (text: string) => void,
  t0: number,
  o: OptimiseOptions,
): Promise<OptimiseOutcome> {
  const inputs = buildRun(s);
  const { sea, scheme, ops } = inputs;
  const forecast =
    settings.forecastSite !== null ? harmonicSea(s, settings.forecastSite, sea.t0, sea.dt, sea.level.length) : undefined;
  let prices: PriceSeries | null = null;
  let gbpPerMwh: Float64Array | null = null;
  if (settings.pricesFile !== null) {
    prices = readPriceCsv(
      settings.pricesFile,
      "give the path of the price CSV (operation.flexible.prices_file is resolved from the scenario file's folder, --prices from the working folder)",
    );
    checkPriceCoverage(prices, sea, `scenario ${s.name}`);
    gbpPerMwh = stepPrices(sea, prices);
  }
  const price = settings.objective === 'revenue' && gbpPerMwh ? gbpPerMwh.map((x) => x / J_PER_MWH) : undefined;
  const data = problemData({ sea, forecast, scheme, ops, ranges: settings.ranges, price, lookahead: settings.lookahead });
  const p = openProblem(data);
  const extraFiles = [
    ...(settings.forecastSite !== null ? [siteFile(settings.forecastSite)] : []),
    ...(settings.pricesFile !== null ? [settings.pricesFile] : []),
  ];
  const revenueOf = (r: Result) => (gbpPerMwh ? revenue(r.series.power, r.series.pumpPower, r.sea.dt, gbpPerMwh) : null);
  const fixedOutcome = (search: FixedSearch, what: string, run: RecordedRun): FixedOutcome => {
    const result = runResult(s, p, inputs, run, operationText(s, what, search.controls), extraFiles);
    return { search, result, revenueGbp: revenueOf(result) };
  };

  const tSetup = performance.now();
  const objective = settings.objective === 'energy' ? 'net energy' : 'net revenue';
  stage(
    `Best fixed heads: a climb on a sample of the period, then compass searches on the ${settings.ranges.step} m lattice over the whole period, for the largest ${objective}`,
  );
  const fixedSearch = await bestFixed(data, pool, false, o.signal, o.onFixedRuns);
  let onForecast: FixedSearch | null = null;
  if (forecast) {
    stage(`Best fixed heads on the harmonic forecast (what an operator can choose in advance)`);
    onForecast = await bestFixed(data, pool, true, o.signal, o.onFixedRuns);
  }
  const reference = (onForecast ?? fixedSearch).controls;
  const t1 = performance.now();
  stage(
    `Flexible operation: receding horizon, ${settings.lookahead} half tide${settings.lookahead > 1 ? 's' : ''} searched per decision, ${settings.forecast} forecast`,
  );
  // The workers make the decisions and the fixed-head runs reported; this thread follows the
  // decisions with the continuous run that applies them, recorded for the flexible result.
  const buffers = recorders(inputs);
  const plan = await flexiblePlan(data, pool, reference, settings.lookahead, {
    chunkDecisions: o.chunkDecisions,
    onProgress: o.onProgress,
    signal: o.signal,
    fixedRuns: onForecast ? [fixedSearch.controls, onForecast.controls] : [fixedSearch.controls],
    ...buffers,
  });
  const fixed = fixedOutcome(fixedSearch, 'best fixed heads', plan.fixedRuns[0]);
  const forecastFixed = onForecast
    ? fixedOutcome(onForecast, 'fixed heads best on the harmonic forecast', plan.fixedRuns[1])
    : null;
  const what = `flexible heads per half tide (receding horizon, look-ahead ${settings.lookahead} half tide${settings.lookahead > 1 ? 's' : ''}, ${settings.forecast} forecast, ${objective})`;
  const result = runResult(s, p, inputs, { totals: plan.totals, ...buffers }, operationText(s, what), extraFiles);
  const t2 = performance.now();
  return {
    settings,
    scenario: s,
    fixed,
    forecastFixed,
    flexible: {
      plan,
      record: recordPlan(plan.decisions, plan.controls, reference, sea),
      result,
      revenueGbp: revenueOf(result),
      rows: decisionRows(plan, result, gbpPerMwh),
    },
    workers: pool.size,
    seconds: { setup: (tSetup - t0) / 1000, fixed: (t1 - tSetup) / 1000, flexible: (t2 - t1) / 1000, total: (t2 - t0) / 1000 },
  };
}

/**
 * The flexible run a recorded plan gives on the scenario's sea level: what `optimise` wrote, rerun
 * (`mersey-tidal report`) without searching again. `recorded` is the summary it wrote, for the
 * text of the operation and the data files read (a forecast's site, prices); problems with the
 * record are InputErrors naming the field under `where`.
 */
export function replayFlexible(
  s: Scenario,
  record: unknown,
  where: string,
  recorded: Pick<Summary, 'operation' | 'data_files'>,
): Result {
  const inputs = buildRun(s);
  const p = planRun(inputs.sea, inputs.scheme, inputs.ops);
  const plan = planFromRecord(record, where, inputs.sea.level.length, [
    p.modes.directions[0] !== null,
    p.modes.directions[1] !== null,
  ]);
  return planResult(s, p, inputs, plan, recorded.operation, recorded.data_files);
}
