/**
 * `mersey-tidal optimise [scenario]`: flexible operation of a scheme against its best fixed heads,
 * on worker threads; prints the comparison and writes the flexible run's folder (summary.json,
 * monthly.csv, tides.csv) with decisions.csv and optimise.json.
 */
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { prepareResultDir, writtenText } from '../io/atomic.js';
import { jsonText } from '../json.js';
import type { ModeTable } from '../operation/modes.js';
import { NO_DECISIONS } from '../optimise/apply.js';
import { decisionsCsv, optimiseDocument, optimiseText } from '../optimise/output.js';
import { recordPlan } from '../optimise/plan-record.js';
import { type OptimiseOutcome, optimiseScenario, optimiseSettings } from '../optimise/scenario.js';
import { DEFAULT_SCENARIO, toolVersion } from '../paths.js';
import { reportHtml } from '../report/html.js';
import { RESULT_IDENTITY, writeResult } from '../report/outputs.js';
import type { Progress } from '../report/progress.js';
import type { ReportRun } from '../report/report-run.js';
import { buildOperation, buildScheme } from '../scenario/build.js';
import { loadScenario } from '../scenario/load.js';
import { readPriceCsv, stepPrices } from '../scenario/prices.js';
import type { SchemeModel } from '../solver/types.js';
import { defaultResultDir, jsonOption, type ScenarioChanges, scenarioOverrides, workersOption } from './options.js';
import { output } from './output.js';
import { addScenarioOptions, warnShortPeriod } from './simulate.js';

interface OptimiseCliOptions extends ScenarioChanges {
  objective?: 'energy' | 'revenue';
  prices?: string;
  forecast?: 'perfect' | 'harmonic';
  lookahead?: number;
  workers?: number;
  out?: string;
  html?: boolean;
  json?: boolean;
  quiet?: boolean;
}

function lookaheadArg(text: string): number {
  if (text !== '1' && text !== '2') throw new InvalidArgumentError(`expected 1 or 2 half tides, got "${text}"`);
  return Number(text);
}

/** The flexible run and the best fixed heads as the report shows them: the heads that ran, and the prices when given. */
function optimiseRuns(outcome: OptimiseOutcome, scheme: SchemeModel, ops: ModeTable): ReportRun[] {
  const { sea } = outcome.flexible.result;
  const file = outcome.settings.pricesFile;
  const prices = file === null ? undefined : stepPrices(sea, readPriceCsv(file));
  const fixed = outcome.fixed;
  return [
    {
      result: outcome.flexible.result,
      scheme,
      ops,
      label: 'flexible',
      plan: outcome.flexible.record,
      operation: outcome.flexible.result.summary.operation,
      prices,
    },
    {
      result: fixed.result,
      scheme,
      ops,
      label: 'best fixed heads',
      plan: recordPlan(NO_DECISIONS, [], fixed.search.controls, sea),
      operation: fixed.result.summary.operation,
      prices,
    },
  ];
}

export function registerOptimise(program: Command): void {
  const cmd = program
    .command('optimise')
    .description(
      'Flexible operation: per half tide, the start head, end head and pumping target that maximise net energy or revenue over the coming half tides (receding horizon), ' +
        'against the best fixed heads; writes the flexible run (summary.json, monthly.csv, tides.csv), decisions.csv and optimise.json',
    )
    .argument(
      '[scenario]',
      'scenario JSON file; its operation.flexible block sets the search (defaults otherwise)',
      DEFAULT_SCENARIO,
    )
    .addOption(
      new Option(
        '--objective <what>',
        'maximise net energy or net revenue (default: operation.flexible.objective, energy)',
      ).choices(['energy', 'revenue']),
    )
    .option(
      '--prices <file>',
      'price CSV (time_utc, price_gbp_per_mwh), for the revenue objective and revenue figures (default: operation.flexible.prices_file)',
    )
    .addOption(
      new Option(
        '--forecast <kind>',
        "decide on the simulated sea level (perfect) or on the harmonic prediction at operation.flexible.forecast_site (default: the scenario's, perfect)",
      ).choices(['perfect', 'harmonic']),
    )
    .option('--lookahead <n>', "half tides searched together at each decision, 1 or 2 (default: the scenario's, 1)", lookaheadArg)
    .addOption(workersOption())
    .option(
      '--out <dir>',
      'output folder (default: out/<scenario name>-flexible, with the changes appended when --site, --near or --set change it)',
    )
    .option('--html', 'also write report.html: the flexible run over the best fixed heads, self-contained')
    .addOption(jsonOption('optimise.json'))
    .addHelpText(
      'after',
      '\nA half tide runs from one slack water (high or low water of the sea level) to the next; its decision is made there.\n' +
        'Energies are net of pumping and scaled to GWh per year; revenue is net (sold - bought for pumping) in GBP per year.\n',
    );
  addScenarioOptions(cmd).action(async (file: string, opts: OptimiseCliOptions) => {
    const ui = output(opts);
    const overrides = scenarioOverrides(opts, ui.status);
    const scenario = loadScenario(file, overrides);
    // Settings are checked before anything runs: a bad combination fails at once.
    optimiseSettings(scenario, {
      objective: opts.objective,
      pricesFile: opts.prices,
      forecast: opts.forecast,
      lookahead: opts.lookahead,
    });
    const dir = resolve(opts.out ?? defaultResultDir(scenario.name, overrides, '-flexible'));
    prepareResultDir(dir, RESULT_IDENTITY);
    // One bar at a time: each stage ends the previous stage's bar.
    let bar: Progress | null = null;
    let outcome: OptimiseOutcome;
    try {
      outcome = await optimiseScenario(scenario, {
        objective: opts.objective,
        pricesFile: opts.prices,
        forecast: opts.forecast,
        lookahead: opts.lookahead,
        workers: opts.workers,
        onStage: (line) => {
          bar?.finish();
          bar = null;
          ui.status(line);
        },
        onFixedRuns: (runs) => {
          bar ??= ui.progress(undefined, 'runs', 'fixed heads');
          bar.update(runs);
        },
        onProgress: (done, total) => {
          bar ??= ui.progress(total, 'chunks', 'flexible operation');
          bar.update(done);
        },
      });
    } finally {
      (bar as Progress | null)?.finish();
    }
    warnShortPeriod(outcome.flexible.result.summary, ui);
    const version = toolVersion();
    const scheme = buildScheme(scenario);
    const ops = buildOperation(scenario);
    const html = opts.html ? reportHtml(optimiseRuns(outcome, scheme, ops), { toolVersion: version }) : undefined;
    const doc = optimiseDocument(outcome, version);
    const written = await writeResult(outcome.flexible.result, dir, {
      series: false,
      toolVersion: version,
      html,
      plan: outcome.flexible.record,
      files: { 'decisions.csv': decisionsCsv(outcome), 'optimise.json': jsonText(doc) },
    });
    ui.result(
      `${optimiseText(
        outcome,
        file,
        overrides.map((o) => o.origin),
      )}\n\n`,
      () => doc,
      writtenText(written),
    );
  });
}
