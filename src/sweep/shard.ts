/**
 * Shards: a deterministic slice of a sweep for one machine of many, and the merge that joins the
 * slices into exactly the single-machine result. Shard i of n (1-based) runs the designs whose
 * index leaves remainder i-1 when divided by n: round-robin, so every shard gets a similar mix of
 * small and large designs (the grid's slowest-varying parameter is spread over all shards).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { designsCsv, rowFromObject, rowObject, SWEEP_FORMAT, type SweepHeader } from './output.js';
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
  const first = s.index - 1;
  return Int32Array.from({ length: first < total ? Math.ceil((total - first) / s.count) : 0 }, (_, k) => first + k * s.count);
}

interface ShardFile {
  format: number;
  kind: string;
  shard: ShardId & { rule: string };
  sweep: SweepHeader;
  designs: Record<string, number | null>[];
}

/** The files of a shard folder: shard.json (header, shard, rows) and designs.csv of its slice. */
export function shardFiles(h: SweepHeader, s: ShardId, rows: readonly DesignRow[]): Record<string, string> {
  const file: ShardFile = {
    format: SWEEP_FORMAT,
    kind: 'mersey-tidal sweep shard',
    shard: { ...s, rule: SHARD_RULE },
    sweep: h,
    designs: rows.map((r) => rowObject(h, r)),
  };
  return { [SHARD_FILE]: `${JSON.stringify(file, null, 2)}\n`, 'designs.csv': designsCsv(h, rows) };
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
    obj.format !== SWEEP_FORMAT ||
    !Array.isArray(obj.designs) ||
    typeof obj.sweep?.sha256 !== 'string'
  ) {
    throw new InputError(
      `${file}: not a shard file of this tool's format ${SWEEP_FORMAT} (kind "${obj?.kind}", format ${obj?.format})`,
    );
  }
  return obj;
}

const short = (sha: string) => sha.slice(0, 12);

/**
 * Reads shard folders and joins them: every shard of one sweep, each exactly once. Returns the
 * sweep header and all rows in design order.
 */
export function mergeShards(dirs: readonly string[]): { header: SweepHeader; rows: DesignRow[] } {
  if (dirs.length === 0) throw new InputError('merge: give the shard folders to join');
  const shards = dirs.map((d) => ({ dir: d, f: readShard(d) }));
  const first = shards[0];
  const h = first.f.sweep;
  const what = (s: (typeof shards)[number]) =>
    `${s.dir} (shard ${s.f.shard.index}/${s.f.shard.count} of sweep "${s.f.sweep.name}", sha256 ${short(s.f.sweep.sha256)}, tool ${s.f.sweep.tool_version})`;
  for (const s of shards.slice(1)) {
    if (s.f.sweep.sha256 !== h.sha256 || s.f.sweep.tool_version !== h.tool_version) {
      throw new InputError(
        `merge: mixed sweeps: ${what(first)} and ${what(s)} differ in their sweep file, base scenario, prices or tool version; merge the shards of one run only`,
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
  const rows = new Array<DesignRow>(h.design_count);
  for (const s of shards) {
    const expected = shardIndices(h.design_count, s.f.shard);
    const got = s.f.designs.map((o) => o.design);
    if (got.length !== expected.length || got.some((d, k) => d !== expected[k])) {
      throw new InputError(
        `merge: ${s.dir}: shard ${s.f.shard.index}/${n} should hold ${expected.length} designs (${SHARD_RULE}) but holds ${got.length}; the folder is incomplete or was altered, run that shard again`,
      );
    }
    for (const o of s.f.designs) rows[o.design as number] = rowFromObject(h, o);
  }
  return { header: h, rows };
}
