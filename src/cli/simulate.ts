/** `mersey-tidal simulate [scenario]`: run one scenario, print the summary, write the result folder. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_SCENARIO, toolVersion } from '../paths.js';
import { loadScenario } from '../scenario/load.js';
import { simulate } from '../simulate.js';
import { summaryText } from '../report/summary-text.js';
import { writeResult } from '../report/outputs.js';

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('Simulate a scheme over its period; print a summary and write summary.json, monthly.csv, tides.csv (per-tide ledger) and series.csv')
    .argument('[scenario]', 'scenario JSON file', DEFAULT_SCENARIO)
    .option('--out <dir>', 'output folder (default: out/<scenario name>)')
    .option('--no-series', 'do not write the per-step series.csv')
    .option('--json', 'print the summary as JSON instead of the table')
    .action((file: string, opts: { out?: string; series: boolean; json?: boolean }) => {
      const scenario = loadScenario(file);
      const result = simulate(scenario);
      const dir = resolve(opts.out ?? join('out', scenario.name));
      const written = writeResult(result, dir, { series: opts.series, toolVersion: toolVersion() });
      if (opts.json) process.stdout.write(JSON.stringify(result.summary, null, 2) + '\n');
      else process.stdout.write(`${summaryText(result.summary, file, scenario.description)}\n\nWritten\n${written.map((w) => `  ${w}`).join('\n')}\n`);
    });
}
