#!/usr/bin/env node
// The benchmarks: runBench runs bench/<name>.bench.js for each name (default: all), prints a table
// and a verdict against the targets per bench, with the machine's cores and load, and returns
// the report. `mersey-tidal bench` calls it (src/cli/bench.ts); run directly (`npm run bench`)
// it also writes out/bench/bench.json. `--quick` does fewer repetitions and skips the longest parts.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Harness } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The benches shipped: the names runBench accepts. */
export function benchNames() {
  return readdirSync(here)
    .filter((f) => f.endsWith('.bench.js'))
    .map((f) => f.slice(0, -'.bench.js'.length))
    .sort();
}

/** What is wrong with the bench names asked for; undefined when each names a bench. */
export function benchNamesProblem(names) {
  const all = benchNames();
  const unknown = names.filter((n) => !all.includes(n));
  return unknown.length > 0 ? `no bench named ${unknown.join(', ')}; choose from ${all.join(', ')}` : undefined;
}

const load = () => loadavg().map((x) => Number(x.toFixed(2)));

/**
 * Runs the named benches (all when empty); `log` receives the printed lines (none with --json).
 * Returns the report: node, cores, CPU, and per bench its figures, the load average (1, 5, 15
 * minutes) before and after, and its verdict.
 */
export async function runBench(names = [], { quick = false, log = console.log } = {}) {
  const problem = benchNamesProblem(names);
  if (problem) throw new Error(problem);
  const all = benchNames();
  const run = names.length === 0 ? all : all.filter((n) => names.includes(n));
  const cores = availableParallelism();
  const cpu = cpus()[0]?.model ?? 'unknown cpu';
  log(
    `node ${process.version}, ${cores} cores (${cpu})${quick ? ', quick' : ''}; load average ${load().join(', ')} (1, 5, 15 min)`,
  );
  log('Targets are for a quiet 2-core machine: compare the load average with the cores before reading a miss.');
  const report = { node: process.version, cores, cpu, quick, date: new Date().toISOString(), benches: {} };
  for (const name of run) {
    const h = new Harness({ quick });
    log(`\n== ${name}`);
    const before = load();
    const mod = await import(pathToFileURL(join(here, `${name}.bench.js`)).href);
    await mod.default(h);
    const after = load();
    const busy = Math.max(before[0], after[0]) > cores;
    const verdict = `${h.verdict()}${busy ? ` (load ${Math.max(before[0], after[0])} on ${cores} cores: busy machine, the targets are for a quiet one)` : ''}`;
    log(h.table());
    log(`load average ${before.join(', ')} before, ${after.join(', ')} after, on ${cores} cores`);
    log(verdict);
    report.benches[name] = { load_before: before, load_after: after, verdict, figures: h.rows };
  }
  return report;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const report = await runBench(
    args.filter((a) => !a.startsWith('--')),
    { quick: args.includes('--quick') },
  );
  const outDir = join(here, '..', 'out', 'bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nfigures written to out/bench/bench.json`);
}
