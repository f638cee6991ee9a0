/**
 * `mersey-tidal sweep <sweep.json>`: run every design of a sweep (or one shard of it) on worker
 * threads, write designs.csv, designs.json and designs.html (or a shard folder), and name the best designs.
 */
import { join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { toolVersion } from '../paths.js';
import { describeTide } from '../scenario/tide-source.js';
import { writeDirAtomic } from '../report/atomic.js';
import { progressBar } from '../report/progress.js';
import { PoolInterrupted, defaultWorkerCount } from '../parallel/pool.js';
import { checkDesigns, loadSweep } from '../sweep/spec.js';
import { allIndices, runSweep } from '../sweep/run.js';
import { bestText, sweepFiles, sweepHeader } from '../sweep/output.js';
import { parseShard, shardFiles, shardIndices } from '../sweep/shard.js';

interface SweepOptions {
  out?: string;
  workers?: number;
  shard?: string;
  quiet?: boolean;
}

function parseWorkers(text: string): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || n < 1) throw new InvalidArgumentError(`expected a whole number of worker threads >= 1, got "${text}"`);
  return n;
}

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('Run a design sweep (grid or Latin hypercube) on worker threads; write designs.csv, designs.json and designs.html and name the best designs')
    .argument('<sweep>', 'sweep JSON file (e.g. models/mersey-sweep.json; schema models/sweep.schema.json)')
    .option('--out <dir>', 'output folder (default: out/<sweep name>, or out/<sweep name>-shard-<i>-of-<n> with --shard)')
    .option('--workers <n>', `worker threads (default: the available cores, here ${defaultWorkerCount()})`, parseWorkers)
    .option('--shard <i/n>', 'run shard i of n only: the designs whose index % n == i-1; writes a shard folder for `mersey-tidal merge`')
    .option('--quiet', 'no progress bar or status lines on stderr')
    .action(async (file: string, opts: SweepOptions) => {
      const sweep = loadSweep(file);
      const { spec, designs } = sweep;
      const shard = opts.shard === undefined ? null : parseShard(opts.shard);
      const indices = shard ? shardIndices(designs.count, shard) : allIndices(designs.count);
      checkDesigns(sweep, indices);
      const dir = resolve(opts.out ?? join('out', shard ? `${spec.name}-shard-${shard.index}-of-${shard.count}` : spec.name));
      const workers = Math.max(1, Math.min(opts.workers ?? defaultWorkerCount(), indices.length));
      const status = (line: string) => {
        if (!opts.quiet) process.stderr.write(`${line}\n`);
      };

      status(`Sweep ${spec.name} (${file}): ${designs.count} designs, ${spec.method === 'grid' ? 'grid' : `Latin hypercube, seed ${spec.seed}`} over ${designs.paths.length} parameter${designs.paths.length > 1 ? 's' : ''}; base ${spec.base}`);
      if (shard) status(`Shard ${shard.index}/${shard.count}: ${indices.length} designs (those whose index % ${shard.count} == ${shard.index - 1})`);
      if (sweep.seaPaths.length > 0) {
        process.stderr.write(`note: the sweep changes fields that define the sea level (${sweep.seaPaths.join(', ')}): each design computes its own instead of sharing one\n`);
      } else {
        const sc = sweep.baseScenario;
        status(`Sea level: computed once and shared by all designs (${describeTide(sc.tide)}, step ${sc.time_step_s} s)`);
      }
      status(`Running ${indices.length} designs on ${workers} worker thread${workers > 1 ? 's' : ''}`);

      const bar = progressBar(indices.length, { unit: 'designs', quiet: opts.quiet });
      const ac = new AbortController();
      const stop = (sig: NodeJS.Signals) => ac.abort(sig);
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      const t0 = performance.now();
      let rows;
      try {
        ({ rows } = await runSweep(sweep, { indices, workers, signal: ac.signal, onProgress: (done) => bar.update(done) }));
      } catch (err) {
        if (err instanceof PoolInterrupted) throw new Error(`interrupted by ${String(ac.signal.reason)}: the workers were stopped; nothing was written to ${dir}`);
        throw err;
      } finally {
        bar.finish();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      const seconds = (performance.now() - t0) / 1000;

      const header = sweepHeader(sweep, toolVersion());
      const files = shard ? shardFiles(header, shard, rows) : sweepFiles(header, rows);
      writeDirAtomic(dir, files);
      const out = [`Done: ${rows.length} designs in ${seconds.toFixed(2)} s (${(rows.length / seconds).toFixed(1)} designs/s on ${workers} worker thread${workers > 1 ? 's' : ''})`, ''];
      if (shard) out.push(`Shard ${shard.index}/${shard.count} written; join all ${shard.count} shard folders with \`mersey-tidal merge <shard dirs...> --out DIR\``, '');
      else out.push(bestText(header, rows), '');
      out.push('Written', ...Object.keys(files).map((f) => `  ${join(dir, f)}`));
      process.stdout.write(out.join('\n') + '\n');
    });
}
