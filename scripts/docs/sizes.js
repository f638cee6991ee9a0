/**
 * Figures of docs/errors.md's "run size": the memory a run is planned at and the size series.csv
 * is checked at, from the code's own constants and functions, beside what runs measure: the bytes
 * of series.csv rows the shipped Mersey scenarios write (the runs docs/scenarios.md quotes), and
 * that a run at 1 s steps fits the memory planned for it (slow).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PEAK_RSS } from '../../bench/scale.bench.js';
import { lib, ROOT } from './figures.js';
import { SCENARIOS, scenarioRun } from './scenarios.js';

const LF = 0x0a;

/** Rows of a CSV file after its header: their count, their bytes (line ends included) and the widest. */
function rowBytes(file) {
  const b = readFileSync(file);
  const header = b.indexOf(LF) + 1;
  let rows = 0;
  let widest = 0;
  for (let at = header; at < b.length; ) {
    const end = b.indexOf(LF, at) + 1 || b.length;
    widest = Math.max(widest, end - at);
    rows++;
    at = end;
  }
  return { rows, bytes: b.length - header, widest };
}

/** "a to b", or "a" when they are the same. */
const span = (lo, hi) => (lo === hi ? lo : `${lo} to ${hi}`);

/** The series.csv row bound of each shipped Mersey scenario (seriesCsvMaxBytes) against the rows its run writes. */
async function seriesRows(cli) {
  const { loadScenario } = await lib('scenario/load.js');
  const { buildOperation } = await lib('scenario/build.js');
  const { seriesCsvMaxBytes } = await lib('report/csv.js');
  await Promise.all(SCENARIOS.map((name) => scenarioRun(cli, name)));
  const bounds = [];
  const means = [];
  let widest = 0;
  for (const name of SCENARIOS) {
    const { names } = buildOperation(loadScenario(join(ROOT, 'models', `${name}.json`)));
    bounds.push(seriesCsvMaxBytes(1, names) - seriesCsvMaxBytes(0, names));
    const r = rowBytes(join(cli.out(name), 'series.csv'));
    if (r.rows === 0) throw new Error(`models/${name}.json: its series.csv has no rows`);
    if (r.widest > bounds.at(-1))
      throw new Error(
        `models/${name}.json writes a series.csv row of ${r.widest} bytes, above seriesCsvMaxBytes's ${bounds.at(-1)}`,
      );
    means.push(r.bytes / r.rows);
    widest = Math.max(widest, r.widest);
  }
  const f = (x) => cli.fmt(x, 0);
  return (
    `${span(f(Math.min(...bounds)), f(Math.max(...bounds)))} bytes a row (by the longest mode name), against ` +
    `${span(f(Math.min(...means)), f(Math.max(...means)))} on average (the widest row ${f(widest)}) in the series.csv of ` +
    `the shipped Mersey scenarios (${SCENARIOS.map((n) => `\`${n}\``).join(', ')})`
  );
}

/** The magnitudes a series.csv row is sized for (SERIES_LIMITS). */
async function seriesLimits(cli) {
  const { SERIES_LIMITS: L } = await lib('report/csv.js');
  const f = (x) => cli.fmt(x, 0);
  return `levels within ±${f(L.level)} m (heads ±${f(L.head)} m), flows within ±${f(L.flow)} m3/s and powers below ${f(L.power)} MW`;
}

/** What the run-size check plans a step at (RUN_BYTES_PER_STEP). */
async function runBytesPerStep(cli) {
  const { RUN_BYTES_PER_STEP } = await lib('scenario/tide-source.js');
  return `${cli.fmt(RUN_BYTES_PER_STEP, 0)} bytes`;
}

/** The default scenario over 30 days at 1 s steps, series.csv and report.html written. */
const MEMORY_RUN = [
  'simulate',
  '--set',
  'time_step_s=1',
  '--set',
  'period.start=2018-01-01T00:00:00Z',
  '--set',
  'period.end=2018-01-31T00:00:00Z',
  '--series',
  '--html',
  '--json',
  '--quiet',
];

/**
 * That MEMORY_RUN's peak resident memory (the whole process) stays within its steps (series.csv's
 * rows) x RUN_BYTES_PER_STEP. The peak varies by about a percent from run to run, so the figure
 * states the bound it is measured against, not the peak: `npm run docs:check` measures it again
 * and fails when the run no longer fits.
 */
async function runMemory(cli) {
  const out = cli.out('memory-1s');
  const kb = await new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', PEAK_RSS, join(ROOT, 'dist', 'cli', 'bin.js'), ...MEMORY_RUN, '--out', out],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        const m = /peak-rss-kb (\d+)/.exec(stderr);
        if (err || !m) reject(new Error(`mersey-tidal ${MEMORY_RUN.join(' ')} failed: ${stderr.trim().slice(-400)}`));
        else resolve(Number(m[1]));
      },
    );
  });
  const { rows } = rowBytes(join(out, 'series.csv'));
  const { RUN_BYTES_PER_STEP } = await lib('scenario/tide-source.js');
  const bound = rows * RUN_BYTES_PER_STEP;
  if (kb * 1024 > bound)
    throw new Error(
      `the run's peak, ${((kb * 1024) / rows).toFixed(0)} bytes a step, is above RUN_BYTES_PER_STEP (${RUN_BYTES_PER_STEP}): raise it`,
    );
  return (
    `the peak resident memory of 30 days of the default at 1 s steps with \`--series --html\` (the whole process) is within ` +
    `its ${cli.fmt(rows, 0)} steps x ${RUN_BYTES_PER_STEP} bytes (${cli.fmt(bound / 1e6, 0)} MB)`
  );
}

/** @type {import('./figures.js').FigureSet} */
export default {
  'run-bytes-per-step': { cost: 'fast', generate: runBytesPerStep },
  // a 2.6-million-step run that writes its series and report: tens of seconds
  'run-memory-measured': { cost: 'slow', generate: runMemory },
  'series-limits': { cost: 'fast', generate: seriesLimits },
  'series-row-bytes': { cost: 'fast', generate: seriesRows },
};
