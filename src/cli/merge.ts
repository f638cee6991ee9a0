/** `mersey-tidal merge <shard dirs...>`: join the shard folders of a sweep into its single-machine result. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writtenText } from '../io/atomic.js';
import { bestText } from '../sweep/output.js';
import { writeSweepResult } from '../sweep/result-writer.js';
import { openShards } from '../sweep/shard.js';
import { defaultResultDir, jsonOption, quietOption } from './options.js';
import { output } from './output.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description(
      'Join the shard folders of one sweep (from `sweep --shard i/n`) into designs.csv, designs.json and designs.html, identical to a single-machine run',
    )
    .argument('<shards...>', 'shard folders, every shard of the sweep exactly once, in any order')
    .option(
      '--out <dir>',
      'output folder for the merged result (default: the folder the sweep would have written on one machine: out/<sweep name>, with the changes appended when --set changed it)',
    )
    .addOption(quietOption())
    .addOption(jsonOption('a summary (the sweep, its design count and the files written)'))
    .action(async (dirs: string[], opts: { out?: string; quiet?: boolean; json?: boolean }) => {
      const ui = output(opts);
      const shards = openShards(dirs);
      const { header } = shards;
      const dir = resolve(opts.out ?? defaultResultDir(header.name, header.command_line_changes));
      // The shards' rows are read one at a time and written as they are read.
      const { written, summary } = await writeSweepResult(dir, header, shards.rows(), header.design_count);
      ui.status(`Merged ${dirs.length} shards of sweep ${header.name}: ${summary.count} designs`);
      ui.result(
        `${bestText(header, summary)}\n\n`,
        () => ({ sweep: header.name, shards: dirs.length, designs: summary.count, written }),
        writtenText(written),
      );
    });
}
