/**
 * `mersey-tidal bench [names...]`: the benchmarks of bench/ (shipped with the package), with the
 * machine's cores and load, each target beside its figure and a verdict per bench.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { jsonText } from '../json.js';
import { PACKAGE_ROOT } from '../paths.js';
import { quietOption } from './options.js';

interface BenchOptions {
  quick?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** What bench/run.js exports. */
interface BenchModule {
  benchNamesProblem(names: string[]): string | undefined;
  runBench(names: string[], o: { quick?: boolean; log?: (line: string) => void }): Promise<object>;
}

const BENCH_RUNNER = join(PACKAGE_ROOT, 'bench', 'run.js');

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description(
      'Benchmark this machine: solver throughput, tide synthesis against @neaps/tide-predictor, sweep throughput, overhead and memory, ' +
        'optimise and validate run times, report pages drawn in Chromium; each figure beside its target (targets are for a quiet 2-core machine), the cores and load noted',
    )
    .argument('[names...]', 'benches to run (default: all; a name that is not a bench lists the benches)')
    .option('--quick', 'fewer repetitions, and the longest parts (100,000 designs, the research figures) skipped')
    .option('--json', 'print the figures as JSON instead of the tables')
    .addOption(quietOption())
    .action(async (names: string[], opts: BenchOptions) => {
      if (!existsSync(BENCH_RUNNER)) throw new Error(`${BENCH_RUNNER} is missing: this installation has no bench/ folder`);
      const bench = (await import(pathToFileURL(BENCH_RUNNER).href)) as BenchModule;
      const problem = bench.benchNamesProblem(names);
      if (problem) throw new InputError(`bench: ${problem}`);
      const log = opts.json
        ? () => {}
        : opts.quiet
          ? (line: string) => {
              if (line.startsWith('verdict') || line.startsWith('== ')) process.stdout.write(`${line}\n`);
            }
          : (line: string) => process.stdout.write(`${line}\n`);
      const report = await bench.runBench(names, { quick: opts.quick, log });
      if (opts.json) process.stdout.write(jsonText(report));
    });
}
