/** `mersey-tidal simulate [scenario]`: run one scenario, print the summary, write the result folder. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { checkFreeSpace, prepareResultDir, withDefaultSignals, writtenText } from '../io/atomic.js';
import { fmt } from '../numbers.js';
import { DEFAULT_SCENARIO, toolVersion } from '../paths.js';
import { DAY_S } from '../physics.js';
import { seriesCsvMaxBytes } from '../report/csv.js';
import { reportHtml } from '../report/html.js';
import { RESULT_IDENTITY, writeResult } from '../report/outputs.js';
import type { Progress } from '../report/progress.js';
import { SPRING_NEAP_S } from '../report/report-run.js';
import { summaryText } from '../report/summary-text.js';
import { buildOperation, buildScheme } from '../scenario/build.js';
import { loadScenario } from '../scenario/load.js';
import { runSamples } from '../scenario/tide-source.js';
import { type Result, type Summary, simulate } from '../simulate.js';
import {
  defaultResultDir,
  jsonOption,
  nearOption,
  quietOption,
  type ScenarioChanges,
  scenarioOverrides,
  setOption,
  siteOption,
} from './options.js';
import { type Output, output } from './output.js';

interface SimulateOptions extends ScenarioChanges {
  out?: string;
  series?: boolean;
  html?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** Warns when a period is shorter than a spring-neap cycle: its annual figure does not represent a year. */
export function warnShortPeriod(s: Pick<Summary, 'period_days'>, ui: Output): void {
  const days = SPRING_NEAP_S / DAY_S;
  if (s.period_days < days)
    ui.warn(
      `the period (${fmt(s.period_days, 2)} days) is shorter than a spring-neap cycle (${fmt(days, 2)} days): the annual figures are extrapolated from it and do not represent a year; simulate a year for annual energy`,
    );
}

/** --site, --near, --set and --quiet: what every command that runs a scenario takes. */
export function addScenarioOptions(cmd: Command): Command {
  return cmd.addOption(siteOption()).addOption(nearOption()).addOption(setOption()).addOption(quietOption());
}

export function registerSimulate(program: Command): void {
  const cmd = program
    .command('simulate')
    .description(
      'Simulate a scheme over its period; print a summary and write summary.json, monthly.csv and tides.csv (per-tide ledger); series.csv and report.html on request',
    )
    .argument('[scenario]', 'scenario JSON file', DEFAULT_SCENARIO)
    .option(
      '--out <dir>',
      'output folder (default: out/<scenario name>, with the changes appended when --site, --near or --set change it)',
    )
    .option(
      '--series',
      'also write the per-step series.csv (a row a step; its size is checked against the free disk space before the run)',
    )
    .option('--html', 'also write report.html: the plots, self-contained (opens offline)')
    .addOption(jsonOption('the summary'));
  addScenarioOptions(cmd).action(async (file: string, opts: SimulateOptions) => {
    const ui = output(opts);
    const overrides = scenarioOverrides(opts, ui.status);
    const scenario = loadScenario(file, overrides);
    const dir = resolve(opts.out ?? defaultResultDir(scenario.name, overrides));
    // A folder that is not a previous result is refused before the run, not after it.
    prepareResultDir(dir, RESULT_IDENTITY);
    const ops = buildOperation(scenario);
    const steps = opts.series ? runSamples(scenario) : undefined;
    if (steps !== undefined) checkFreeSpace(join(dir, 'series.csv'), seriesCsvMaxBytes(steps, ops.names), 'series.csv');
    let bar: Progress | undefined;
    let result: Result;
    try {
      result = withDefaultSignals(() =>
        simulate(scenario, {
          pumpingGain: true,
          onProgress: (done, total) => {
            bar ??= ui.progress(total, 'steps', 'simulate');
            bar.update(done);
          },
        }),
      );
    } finally {
      bar?.finish();
    }
    warnShortPeriod(result.summary, ui);
    const version = toolVersion();
    const html = opts.html
      ? reportHtml([{ result, scheme: buildScheme(scenario), ops, label: scenario.name }], {
          toolVersion: version,
        })
      : undefined;
    const written = await writeResult(result, dir, { series: opts.series === true, toolVersion: version, html });
    ui.result(
      `${summaryText(
        result.summary,
        file,
        scenario.description,
        overrides.map((o) => o.origin),
      )}\n\n`,
      () => result.summary,
      writtenText(written),
    );
  });
}
