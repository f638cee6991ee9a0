/** `mersey-tidal merge <shard dirs...> --out DIR`: join the shard folders of a sweep into its single-machine result. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { prepareResultDir, writeDirAtomic, writtenText } from '../io/atomic.js';
import { bestText, SWEEP_IDENTITY, sweepFiles } from '../sweep/output.js';
import { mergeShards } from '../sweep/shard.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description(
      'Join the shard folders of one sweep (from `sweep --shard i/n`) into designs.csv, designs.json and designs.html, identical to a single-machine run',
    )
    .argument('<shards...>', 'shard folders, every shard of the sweep exactly once, in any order')
    .requiredOption('--out <dir>', 'output folder for the merged result')
    .action(async (dirs: string[], opts: { out: string }) => {
      const dir = resolve(opts.out);
      prepareResultDir(dir, SWEEP_IDENTITY);
      const { header, rows } = mergeShards(dirs);
      const written = await writeDirAtomic(dir, sweepFiles(header, rows));
      process.stdout.write(
        `Merged ${dirs.length} shards of sweep ${header.name}: ${rows.length} designs\n\n${bestText(header, rows)}\n\n${writtenText(written)}`,
      );
    });
}
