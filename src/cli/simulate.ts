/** `mersey-tidal simulate [scenario]`: run one scenario, print the summary, write the result folder. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_SCENARIO, toolVersion } from '../paths.js';
import { prepareResultDir, writtenText } from '../report/atomic.js';
import { reportHtml } from '../report/html.js';
import { RESULT_IDENTITY, writeResult } from '../report/outputs.js';
import { summaryText } from '../report/summary-text.js';
import { buildOperation, buildScheme } from '../scenario/build.js';
import { loadScenario } from '../scenario/load.js';
import { simulate } from '../simulate.js';

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(
      'Simulate a scheme over its period; print a summary and write summary.json, monthly.csv and tides.csv (per-tide ledger); series.csv and report.html on request',
    )
    .argument('[scenario]', 'scenario JSON file', DEFAULT_SCENARIO)
    .option('--out <dir>', 'output folder (default: out/<scenario name>)')
    .option('--series', 'also write the per-step series.csv (a year at 5-minute steps is about 8 MB)')
    .option('--html', 'also write report.html: the plots, self-contained (opens offline)')
    .option('--json', 'print the summary as JSON instead of the table')
    .action(async (file: string, opts: { out?: string; series?: boolean; html?: boolean; json?: boolean }) => {
      const scenario = loadScenario(file);
      const dir = resolve(opts.out ?? join('out', scenario.name));
      // A folder that is not a previous result is refused before the run, not after it.
      prepareResultDir(dir, RESULT_IDENTITY);
      const result = simulate(scenario, { pumpingGain: true });
      const version = toolVersion();
      const html = opts.html
        ? reportHtml([{ result, scheme: buildScheme(scenario), ops: buildOperation(scenario), label: scenario.name }], {
            toolVersion: version,
          })
        : undefined;
      const written = await writeResult(result, dir, { series: opts.series === true, toolVersion: version, html });
      if (opts.json) process.stdout.write(`${JSON.stringify(result.summary, null, 2)}\n`);
      else process.stdout.write(`${summaryText(result.summary, file, scenario.description)}\n\n${writtenText(written)}`);
    });
}
