/**
 * `mersey-tidal report <summary.json...>`: the HTML report of a finished run, or a comparison page
 * of several. A summary.json holds the resolved scenario, its hash and the hashes of the data files
 * it read; the run is repeated from them, and the page is written only when the rerun reproduces
 * the recorded energy.
 */
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { prepareOutputFile, withDefaultSignals, writeFileAtomic, writtenText } from '../io/atomic.js';
import { readText } from '../io/text.js';
import { replayFlexible } from '../optimise/scenario.js';
import { toolVersion } from '../paths.js';
import { reportHtml, runLabels } from '../report/html.js';
import type { ReportRun } from '../report/report-run.js';
import { dataFileProblems, rerunProblems, type SummaryDocument, summaryDocumentProblems } from '../report/summary-file.js';
import { buildOperation, buildScheme } from '../scenario/build.js';
import { scenarioFromObject } from '../scenario/load.js';
import { readPriceCsv, stepPrices } from '../scenario/prices.js';
import { simulate } from '../simulate.js';
import { isoTime } from '../time.js';
import { isoArgument, jsonOption, quietOption } from './options.js';
import { output } from './output.js';

function fail(problems: string[]): never {
  throw InputError.of(problems);
}

/** Reads a summary.json, checks it, and reruns its scenario; throws InputError when it cannot be reproduced. */
function rerunSummary(path: string, version: string): { doc: SummaryDocument; run: Omit<ReportRun, 'label'> } {
  const file = resolve(path);
  let doc: unknown;
  try {
    doc = JSON.parse(readText(file, 'summary'));
  } catch (err) {
    if (err instanceof InputError) throw err;
    fail([`${file}: not valid JSON: ${(err as Error).message}`]);
  }
  const problems = summaryDocumentProblems(doc, file);
  if (problems.length > 0) fail(problems);
  const d = doc as SummaryDocument;
  const dataProblems = dataFileProblems(d, file);
  if (dataProblems.length > 0) fail(dataProblems);
  const { file: scenarioFile, ...fields } = d.scenario;
  const scenario = scenarioFromObject(fields, scenarioFile, dirname(scenarioFile));
  // Rerun as the writer ran it: with the run without pumping when the summary records its gain.
  const result = d.plan
    ? replayFlexible(scenario, d.plan, `${file}: plan`, d.summary)
    : simulate(scenario, { pumpingGain: d.summary.pumping_gain !== undefined });
  const rerun = rerunProblems(d, result.summary, version, file);
  if (rerun.length > 0) fail(rerun);
  const prices = scenario.operation.flexible?.prices_file;
  return {
    doc: d,
    run: {
      result,
      scheme: buildScheme(scenario),
      ops: buildOperation(scenario),
      // A flexible run: the heads per tide are the plan's, not the scenario's.
      ...(d.plan ? { plan: d.plan, operation: d.summary.operation } : {}),
      ...(prices ? { prices: stepPrices(result.sea, readPriceCsv(prices)) } : {}),
    },
  };
}

/** --window-start must fall inside the first run's period (the page's window follows it); else the page would show another fortnight. */
function checkWindowStart(t: number, reruns: readonly { run: Omit<ReportRun, 'label'> }[], files: readonly string[]): void {
  const { sea } = reruns[0].run.result;
  const t1 = sea.t0 + (sea.level.length - 1) * sea.dt;
  if (t < sea.t0 || t >= t1)
    fail([
      `--window-start ${isoTime(t)} is outside the run of ${resolve(files[0])} (${isoTime(sea.t0)} to ${isoTime(t1)}); give a time inside it, or leave it out to centre the window on the largest tide`,
    ]);
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'Write the self-contained HTML report of a run (one summary.json) or a comparison page overlaying several; each run is repeated from its summary and checked against it',
    )
    .argument(
      '<summary...>',
      'summary.json files written by `mersey-tidal simulate` or `mersey-tidal optimise` (a flexible run is replayed from the plan it records)',
    )
    .option('--out <file>', 'HTML file to write (default: report.html beside a single summary; out/comparison.html for several)')
    .option(
      '--window-start <time>',
      'start of the spring-neap fortnight shown first, ISO 8601 UTC (default: centred on the largest tide)',
      (v) => isoArgument(v, '--window-start'),
    )
    .addOption(quietOption())
    .addOption(jsonOption('the file written and the runs it shows'))
    .action((files: string[], opts: { out?: string; windowStart?: number; json?: boolean; quiet?: boolean }) => {
      const ui = output(opts);
      const version = toolVersion();
      const out = resolve(
        opts.out ?? (files.length === 1 ? join(dirname(resolve(files[0])), 'report.html') : join('out', 'comparison.html')),
      );
      prepareOutputFile(out);
      const reruns = withDefaultSignals(() => files.map((f) => rerunSummary(f, version)));
      if (opts.windowStart !== undefined) checkWindowStart(opts.windowStart, reruns, files);
      const labels = runLabels(reruns.map((r) => (r.doc.plan ? `${r.doc.scenario.name} (flexible)` : r.doc.scenario.name)));
      const runs: ReportRun[] = reruns.map((r, i) => ({ ...r.run, label: labels[i] }));
      writeFileAtomic(out, reportHtml(runs, { toolVersion: version, windowStart: opts.windowStart }));
      ui.result(writtenText([out]), () => ({ written: out, runs: labels }));
    });
}
