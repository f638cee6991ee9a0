/** The result folder of a simulation: summary.json, monthly CSV and (optionally) the per-step CSV. */
import { join } from 'node:path';
import type { Result } from '../simulate.js';
import { monthlyCsv, seriesCsv } from './csv.js';
import { writeDirAtomic } from './atomic.js';

/** Version of the summary.json layout; bump when fields change meaning. */
export const SUMMARY_FORMAT = 1;

export interface WriteOptions {
  series: boolean;
  toolVersion: string;
}

/** Writes the result folder `dir` as a whole; resolves to the paths written. */
export async function writeResult(r: Result, dir: string, o: WriteOptions): Promise<string[]> {
  const files: Record<string, string> = {
    'summary.json': JSON.stringify({ format: SUMMARY_FORMAT, tool_version: o.toolVersion, summary: r.summary, scenario: r.scenario }, null, 2) + '\n',
    'monthly.csv': monthlyCsv(r),
  };
  if (o.series) files['series.csv'] = seriesCsv(r);
  await writeDirAtomic(dir, files);
  return Object.keys(files).map((f) => join(dir, f));
}
