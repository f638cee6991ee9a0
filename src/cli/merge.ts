/** `mersey-tidal merge <shard dirs...>`: join the shard folders of a sweep into its single-machine result. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { prepareResultDir, writeDirAtomic, writtenText } from '../io/atomic.js';
import { bestText, SWEEP_IDENTITY, sweepFiles } from '../sweep/output.js';
import { mergeShards } from '../sweep/shard.js';
import { jsonOption, quietOption } from './options.js';
import { output } from './output.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description(
      'Join the shard folders of one sweep (from `sweep --shard i/n`) into designs.csv, designs.json and designs.html, identical to a single-machine run',
    )
    .argument('<shards...>', 'shard folders, every shard of the sweep exactly once, in any order')
    .option('--out <dir>', 'output folder for the merged result (default: out/<sweep name>, as `mersey-tidal sweep` writes)')
    .addOption(quietOption())
    .addOption(jsonOption('a summary (the sweep, its design count and the files written)'))
    .action(async (dirs: string[], opts: { out?: string; quiet?: boolean; json?: boolean }) => {
      const ui = output(opts);
      const { header, rows } = mergeShards(dirs);
      const dir = resolve(opts.out ?? join('out', header.name));
      prepareResultDir(dir, SWEEP_IDENTITY);
      const written = await writeDirAtomic(dir, sweepFiles(header, rows));
      ui.status(`Merged ${dirs.length} shards of sweep ${header.name}: ${rows.length} designs`);
      ui.result(
        `${bestText(header, rows)}\n\n`,
        () => ({ sweep: header.name, shards: dirs.length, designs: rows.length, written }),
        writtenText(written),
      );
    });
}
