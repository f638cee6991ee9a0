/** The result folder of a simulation: summary.json, monthly and per-tide CSVs and (optionally) the per-step CSV. */
import { join } from 'node:path';
import type { Result } from '../simulate.js';
import { monthlyCsv, seriesCsv, tidesCsv } from './csv.js';
import { writeDirAtomic } from './atomic.js';

/** Version of the summary.json layout; bump when fields change meaning. */
export const SUMMARY_FORMAT = 1;

export interface WriteOptions {
  series: boolean;
  toolVersion: string;
}

/** Writes the result folder `dir` as a whole; returns the paths written. */
export function writeResult(r: Result, dir: string, o: WriteOptions): string[] {
  const files: Record<string, string> = {
    'summary.json': JSON.stringify({ format: SUMMARY_FORMAT, tool_version: o.toolVersion, summary: r.summary, scenario: r.scenario }, null, 2) + '\n',
    'monthly.csv': monthlyCsv(r),
    'tides.csv': tidesCsv(r),
  };
  if (o.series) files['series.csv'] = seriesCsv(r);
  writeDirAtomic(dir, files);
  return Object.keys(files).map((f) => join(dir, f));
}
