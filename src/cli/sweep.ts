/**
 * `mersey-tidal sweep <sweep.json>`: run every design of a sweep (or one shard of it) on worker
 * threads, write designs.csv, designs.json and designs.html (or a shard folder), and name the best designs.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { writtenText } from '../io/atomic.js';
import { defaultWorkerCount } from '../parallel/pool.js';
import { toolVersion } from '../paths.js';
import type { Override } from '../scenario/overrides.js';
import { describeTide } from '../scenario/tide-source.js';
import { bestText, rowObject, type SweepHeader, sweepHeader } from '../sweep/output.js';
import { SweepResultWriter } from '../sweep/result-writer.js';
import { allIndices, runSweep, type SweepRun } from '../sweep/run.js';
import { parseShard, shardIndices } from '../sweep/shard.js';
import { checkDesigns, loadSweep } from '../sweep/spec.js';
import type { SweepSummary } from '../sweep/summary.js';
import { defaultResultDir, jsonOption, quietOption, setOption, workersOption } from './options.js';
import { output } from './output.js';

interface SweepOptions {
  out?: string;
  workers?: number;
  shard?: string;
  quiet?: boolean;
  json?: boolean;
  set?: Override[];
  heatmap?: string;
}

/** The two swept fields of --heatmap a,b, checked against the sweep's parameters before anything runs. */
function heatmapFields(arg: string | undefined, paths: readonly string[]): [string, string] | undefined {
  if (arg === undefined) return undefined;
  const f = arg.split(',').map((x) => x.trim());
  const bad = f.filter((x) => !paths.includes(x));
  if (f.length !== 2 || f[0] === f[1] || bad.length > 0)
    throw new InputError(
      `--heatmap ${arg}: expected two different swept fields separated by a comma${bad.length > 0 ? ` (not swept: ${bad.join(', ')})` : ''}; the swept fields are ${paths.join(', ')}`,
    );
  return [f[0], f[1]];
}

/** The result of a sweep for scripts (--json): what was run, the best designs and the files written. */
function sweepJson(header: SweepHeader, s: SweepSummary, seconds: number, workers: number, written: string[]) {
  return {
    sweep: header.name,
    designs: s.count,
    seconds,
    workers,
    best_by_energy: s.byEnergy.rows(5).map((r) => rowObject(header, r)),
    written,
  };
}

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description(
      'Run a design sweep (grid or Latin hypercube) on worker threads; write designs.csv, designs.json and designs.html and name the best designs',
    )
    .argument('<sweep>', 'sweep JSON file (e.g. models/mersey-sweep.json; schema models/sweep.schema.json)')
    .option(
      '--out <dir>',
      'output folder (default: out/<sweep name>, or out/<sweep name>-shard-<i>-of-<n> with --shard; with the changes appended when --set changes the base)',
    )
    .addOption(workersOption())
    .option(
      '--shard <i/n>',
      'run shard i of n only: the designs whose index % n == i-1; writes a shard folder for `mersey-tidal merge`',
    )
    .option('--heatmap <a,b>', "the two swept fields of designs.html's heat map (default: the two with the largest main effects)")
    .addOption(setOption())
    .addOption(quietOption())
    .addOption(jsonOption('a summary (the best designs and the files written)'))
    .action(async (file: string, opts: SweepOptions) => {
      const ui = output(opts);
      const sweep = loadSweep(file, opts.set);
      const { spec, designs } = sweep;
      const heatmap = heatmapFields(opts.heatmap, designs.paths);
      const shard = opts.shard === undefined ? null : parseShard(opts.shard);
      const indices = shard ? shardIndices(designs.count, shard) : allIndices(designs.count);
      checkDesigns(sweep, indices);
      const dir = resolve(
        opts.out ?? defaultResultDir(spec.name, spec.changes, shard ? `-shard-${shard.index}-of-${shard.count}` : ''),
      );
      // Rows go to a temporary folder as the designs finish, in design order; the folder is
      // swapped in when every design is done (an --out that is not a previous result is refused
      // here, before anything runs). Ctrl-C and SIGTERM are handled by main(): the temporary
      // folder is removed, exit 130/143, and the worker threads end with the process.
      const version = toolVersion();
      const writer = SweepResultWriter.open(dir, sweepHeader(sweep, version, []), indices.length, { shard, heatmap });
      const workers = Math.max(1, Math.min(opts.workers ?? defaultWorkerCount(), indices.length));
      const status = ui.status;

      status(
        `Sweep ${spec.name} (${file}): ${designs.count} designs, ${spec.method === 'grid' ? 'grid' : `Latin hypercube, seed ${spec.seed}`} over ${designs.paths.length} parameter${designs.paths.length > 1 ? 's' : ''}; base ${spec.base}`,
      );
      if (shard)
        status(
          `Shard ${shard.index}/${shard.count}: ${indices.length} designs (those whose index % ${shard.count} == ${shard.index - 1})`,
        );
      if (sweep.seaPaths.length > 0) {
        ui.note(
          `the sweep changes fields that define the sea level (${sweep.seaPaths.join(', ')}): each design computes its own instead of sharing one`,
        );
      } else {
        const sc = sweep.baseScenario;
        status(`Sea level: computed once and shared by all designs (${describeTide(sc.tide)}, step ${sc.time_step_s} s)`);
      }
      status(`Running ${indices.length} designs on ${workers} worker thread${workers > 1 ? 's' : ''}`);

      const bar = ui.progress(indices.length, 'designs', 'sweep');
      const t0 = performance.now();
      let run: SweepRun;
      let header: SweepHeader;
      let written: string[];
      try {
        try {
          run = await runSweep(sweep, {
            indices,
            workers,
            checked: true,
            onRow: (r) => writer.add(r),
            onProgress: (done) => bar.update(done),
          });
        } finally {
          bar.finish();
        }
        // The final header: with what was done to the sea level's data.
        header = sweepHeader(sweep, version, run.seaNotes);
        written = await writer.finish(header);
      } catch (err) {
        writer.abort();
        throw err;
      }
      const { summary } = writer;
      const seconds = (performance.now() - t0) / 1000;
      for (const n of run.seaNotes) ui.note(`sea level: ${n}`);
      status(
        `Done: ${summary.count} designs in ${seconds.toFixed(2)} s (${(summary.count / seconds).toFixed(1)} designs/s on ${workers} worker thread${workers > 1 ? 's' : ''})`,
      );
      const text = shard
        ? `Shard ${shard.index}/${shard.count} written; join all ${shard.count} shard folders with \`mersey-tidal merge <shard dirs...>\`\n\n`
        : `${bestText(header, summary)}\n\n`;
      ui.result(text, () => sweepJson(header, summary, seconds, workers, written), writtenText(written));
    });
}
