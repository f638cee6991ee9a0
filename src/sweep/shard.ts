/**
 * Shards: a deterministic slice of a sweep for one machine of many, and the merge that joins the
 * slices into exactly the single-machine result. Shard i of n (1-based) runs the designs whose
 * index leaves remainder i-1 when divided by n: round-robin, so every shard gets a similar mix of
 * small and large designs (the grid's slowest-varying parameter is spread over all shards).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { LineReader } from '../io/lines.js';
import { failureReason } from '../io/text.js';
import { jsonText } from '../json.js';
import { csvHeader, rowFromCsv, SWEEP_IDENTITY, type SweepHeader } from './output.js';
import type { DesignRow } from './run.js';

export interface ShardId {
  /** 1-based shard number. */
  index: number;
  /** Number of shards. */
  count: number;
}

const SHARD_RULE = 'design % count == index - 1';
/** The file that identifies a shard folder (written first). */
export const SHARD_FILE = 'shard.json';

/** Parses "i/n" (1 <= i <= n). */
export function parseShard(text: string): ShardId {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && index >= 1 && index <= count)) {
    throw new InputError(`--shard: expected i/n with 1 <= i <= n (shard i of n, e.g. 2/8), got "${text}"`);
  }
  return { index, count };
}

/** The design indices of a shard, ascending. */
export function shardIndices(total: number, s: ShardId): Int32Array {
  return Int32Array.from({ length: shardSize(total, s) }, (_, k) => s.index - 1 + k * s.count);
}

/** Version of the shard.json layout: 2 holds no rows (they are in the shard's designs.csv, read by merge); 3 records the sweep's command-line changes (merge names its folder with them). */
export const SHARD_FORMAT = 3;

interface ShardFile {
  format: number;
  kind: string;
  shard: ShardId & { rule: string };
  sweep: SweepHeader;
  /** Rows in the shard's designs.csv. */
  design_count: number;
}

/** A shard's count of designs: those of `total` whose index % count == index - 1. */
function shardSize(total: number, s: ShardId): number {
  const first = s.index - 1;
  return first < total ? Math.ceil((total - first) / s.count) : 0;
}

/** shard.json: the sweep's header and the shard; its rows are in the folder's designs.csv. */
export function shardJson(h: SweepHeader, s: ShardId): string {
  const file: ShardFile = {
    format: SHARD_FORMAT,
    kind: 'mersey-tidal sweep shard',
    shard: { ...s, rule: SHARD_RULE },
    sweep: h,
    design_count: shardSize(h.design_count, s),
  };
  return jsonText(file);
}

function readShard(dir: string): ShardFile {
  const file = join(resolve(dir), SHARD_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(
      `${dir}: not a shard folder (cannot read ${SHARD_FILE}: ${(err as NodeJS.ErrnoException).code ?? err}); shard folders are written by \`mersey-tidal sweep --shard i/n\``,
    );
  }
  let obj: ShardFile;
  try {
    obj = JSON.parse(text) as ShardFile;
  } catch (err) {
    throw new InputError(`${file}: not valid JSON (${(err as Error).message}); the shard folder is damaged, run the shard again`);
  }
  if (
    obj?.kind !== 'mersey-tidal sweep shard' ||
    obj.format !== SHARD_FORMAT ||
    typeof obj.sweep?.sha256 !== 'string' ||
    !Array.isArray(obj.sweep.command_line_changes)
  ) {
    throw new InputError(
      `${file}: not a shard file of this tool's format ${SHARD_FORMAT} (kind "${obj?.kind}", format ${obj?.format}); run the shard again with this version`,
    );
  }
  return obj;
}

const short = (sha: string) => sha.slice(0, 12);

/** The shards of one sweep, checked, and their rows read from their designs.csv files in design order. */
export interface OpenShards {
  header: SweepHeader;
  /** Every design's row, in design order, read one at a time; a shard whose file is not its slice throws. */
  rows(): Generator<DesignRow>;
}

/**
 * Reads shard folders and checks that they are every shard of one sweep, each exactly once;
 * their rows are then read as they are needed (rows()), so a merge holds no more than a row.
 */
export function openShards(dirs: readonly string[]): OpenShards {
  if (dirs.length === 0) throw new InputError('merge: give the shard folders to join');
  const shards = dirs.map((d) => ({ dir: d, f: readShard(d) }));
  const first = shards[0];
  const h = first.f.sweep;
  const what = (s: (typeof shards)[number]) =>
    `${s.dir} (shard ${s.f.shard.index}/${s.f.shard.count} of sweep "${s.f.sweep.name}", sha256 ${short(s.f.sweep.sha256)}, tool ${s.f.sweep.tool_version})`;
  for (const s of shards.slice(1)) {
    if (s.f.sweep.sha256 !== h.sha256 || s.f.sweep.tool_version !== h.tool_version) {
      throw new InputError(
        `merge: mixed sweeps: ${what(first)} and ${what(s)} differ in their sweep file, base scenario, prices, --set changes or tool version; merge the shards of one run only`,
      );
    }
    if (s.f.shard.count !== first.f.shard.count)
      throw new InputError(`merge: ${what(first)} and ${what(s)} split the sweep into different numbers of shards`);
  }
  const n = first.f.shard.count;
  const byIndex = new Map<number, (typeof shards)[number]>();
  for (const s of shards) {
    const other = byIndex.get(s.f.shard.index);
    if (other) throw new InputError(`merge: shard ${s.f.shard.index}/${n} is given twice: ${other.dir} and ${s.dir}`);
    byIndex.set(s.f.shard.index, s);
  }
  const missing = Array.from({ length: n }, (_, k) => k + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    throw new InputError(
      `merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')} of sweep "${h.name}" (given: ${[
        ...byIndex.keys(),
      ]
        .sort((a, b) => a - b)
        .map((i) => `${i}/${n}`)
        .join(', ')})`,
    );
  const ordered = Array.from({ length: n }, (_, k) => byIndex.get(k + 1) as (typeof shards)[number]);
  return { header: h, rows: () => shardRows(h, ordered) };
}

/** The rows of the shards (ordered by shard index) interleaved into design order, each checked to be its slice. */
function* shardRows(h: SweepHeader, shards: readonly { dir: string; f: ShardFile }[]): Generator<DesignRow> {
  const n = shards.length;
  const head = csvHeader(h).slice(0, -1);
  const readers: LineReader[] = [];
  const wrong = (k: number, detail: string) => {
    const s = shards[k];
    return new InputError(
      `merge: ${join(s.dir, SWEEP_IDENTITY)}: shard ${s.f.shard.index}/${n} should hold ${shardSize(h.design_count, s.f.shard)} designs (${SHARD_RULE}) but ${detail}; the folder is incomplete or was altered, run that shard again`,
    );
  };
  try {
    shards.forEach((s, k) => {
      try {
        readers.push(new LineReader(join(resolve(s.dir), SWEEP_IDENTITY)));
      } catch (err) {
        throw wrong(k, `cannot be read ${failureReason(err)}`);
      }
    });
    readers.forEach((r, k) => {
      if (r.next() !== head) throw wrong(k, `its header row is not that of the sweep's designs.csv (${head})`);
    });
    const width = head.split(',').length;
    for (let d = 0; d < h.design_count; d++) {
      const k = d % n;
      const line = readers[k].next();
      if (line === null) throw wrong(k, `holds ${readers[k].line - 1}`);
      const cells = line.split(',');
      const r = rowFromCsv(h, cells);
      if (cells.length !== width || r.design !== d)
        throw wrong(k, `its line ${readers[k].line} holds "${line.slice(0, 80)}" where design ${d} belongs`);
      yield r;
    }
    readers.forEach((r, k) => {
      if (r.next() !== null) {
        let extra = 1;
        while (r.next() !== null) extra++;
        throw wrong(k, `holds ${extra} more`);
      }
    });
  } finally {
    for (const r of readers) r.close();
  }
}

/** Reads shard folders and joins them (see openShards): the sweep header and all rows in design order. */
export function mergeShards(dirs: readonly string[]): { header: SweepHeader; rows: DesignRow[] } {
  const s = openShards(dirs);
  return { header: s.header, rows: [...s.rows()] };
}
