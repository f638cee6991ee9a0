/**
 * A sweep's result folder written as its designs finish, so that memory does not grow with the
 * number of designs: each row, in design order, goes at once to designs.csv and to the designs
 * of designs.json (kept in a part file, since the best designs come before them in the file),
 * and into the running summary (sweep/summary.ts). finish() writes designs.json and the sweep
 * page and swaps the folder in; everything is written inside a temporary folder
 * (io/atomic.ts openResultDir), so a failed or interrupted sweep leaves no result half-written.
 * A shard's folder holds designs.csv of its slice and shard.json (sweep/shard.ts).
 */
import { rmSync } from 'node:fs';
import { FileAppender } from '../io/appender.js';
import { openResultDir, type ResultDirWriter } from '../io/atomic.js';
import {
  csvHeader,
  csvLine,
  designsJsonHead,
  designsJsonRow,
  designsJsonTail,
  SWEEP_IDENTITY,
  type SweepHeader,
  sweepPage,
} from './output.js';
import type { DesignRow } from './run.js';
import { SHARD_FILE, type ShardId, shardJson } from './shard.js';
import { SweepSummary } from './summary.js';

/** The designs of designs.json while they are written (removed before the folder is swapped in). */
const JSON_ROWS_PART = 'designs.json.rows';

export interface ResultWriterOptions {
  /** Write shard `shard`'s folder instead of a whole sweep's. */
  shard?: ShardId | null;
  /** The two swept fields of the page's heat map. */
  heatmap?: [string, string];
}

export class SweepResultWriter {
  readonly summary: SweepSummary;
  private readonly csv: FileAppender;
  private readonly jsonRows: FileAppender | null;
  private readonly shard: ShardId | null;

  /**
   * `h`: the sweep's header (its parameters and prices decide the columns); `total`: the designs
   * that will be added (the page samples beyond PAGE_DESIGNS).
   */
  constructor(
    private readonly out: ResultDirWriter,
    private readonly h: SweepHeader,
    total: number,
    private readonly o: ResultWriterOptions = {},
  ) {
    this.shard = o.shard ?? null;
    this.summary = new SweepSummary(h, total);
    this.csv = new FileAppender(out.path(SWEEP_IDENTITY));
    this.csv.write(csvHeader(h));
    this.jsonRows = this.shard ? null : new FileAppender(out.path(JSON_ROWS_PART));
  }

  /**
   * Opens the result folder `dir` of a sweep (or a shard: `o.shard`) and a writer into it; if the
   * writer cannot be made, the folder is given up before the error goes on.
   */
  static open(dir: string, h: SweepHeader, total: number, o: ResultWriterOptions = {}): SweepResultWriter {
    const out = openResultDir(dir, o.shard ? SHARD_FILE : SWEEP_IDENTITY);
    try {
      return new SweepResultWriter(out, h, total, o);
    } catch (err) {
      out.abort();
      throw err;
    }
  }

  /** The next row, in design order. */
  add(r: DesignRow): void {
    this.csv.write(csvLine(this.h, r));
    this.jsonRows?.write(designsJsonRow(this.h, r, this.summary.count));
    this.summary.add(r);
  }

  /**
   * Writes the rest (`header`: the final header, with what was done to the sea level's data),
   * swaps the folder in and returns the paths written.
   */
  async finish(header: SweepHeader): Promise<string[]> {
    this.csv.close();
    if (this.shard) {
      await this.out.write(SHARD_FILE, shardJson(header, this.shard));
      return this.out.commit([SHARD_FILE, SWEEP_IDENTITY]);
    }
    const names = [SWEEP_IDENTITY, 'designs.json'];
    const rowsPart = this.out.path(JSON_ROWS_PART);
    (this.jsonRows as FileAppender).close();
    const json = new FileAppender(this.out.path('designs.json'));
    try {
      json.write(designsJsonHead(header, this.summary));
      json.appendFile(rowsPart);
      json.write(designsJsonTail(this.summary.count));
    } finally {
      json.close();
    }
    rmSync(rowsPart);
    if (this.summary.count > 0) {
      await this.out.write('designs.html', sweepPage(header, this.summary, { heatmap: this.o.heatmap }));
      names.push('designs.html');
    }
    return this.out.commit(names);
  }

  /** Closes the files and removes the temporary folder (after a failure). */
  abort(): void {
    try {
      this.csv.close();
      this.jsonRows?.close();
    } catch {
      // The folder goes anyway; the failure that led here is the one to report.
    }
    this.out.abort();
  }
}

/** Rows written between two turns of the event loop, so that an interrupt is handled during a long write. */
const ROWS_PER_TURN = 10_000;

/**
 * Writes the result folder `dir` of a sweep (or a shard) from rows read one at a time (a merge's),
 * in design order: `total` rows. Resolves to the paths written and the summary of the rows.
 */
export async function writeSweepResult(
  dir: string,
  header: SweepHeader,
  rows: Iterable<DesignRow>,
  total: number,
  o: ResultWriterOptions = {},
): Promise<{ written: string[]; summary: SweepSummary }> {
  const writer = SweepResultWriter.open(dir, header, total, o);
  try {
    let k = 0;
    for (const r of rows) {
      writer.add(r);
      if (++k % ROWS_PER_TURN === 0) await new Promise(setImmediate);
    }
    return { written: await writer.finish(header), summary: writer.summary };
  } catch (err) {
    writer.abort();
    throw err;
  }
}
