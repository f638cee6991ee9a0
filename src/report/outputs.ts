/**
 * The result folder of a simulation: summary.json, monthly.csv, the per-tide tides.csv, and on
 * request the per-step series.csv and the self-contained report.html.
 */

import { type FileContent, writeDirAtomic } from '../io/atomic.js';
import { jsonText } from '../json.js';
import type { RecordedPlan } from '../optimise/plan-record.js';
import type { Result } from '../simulate.js';
import { monthlyCsv, seriesCsv, tidesCsv } from './csv.js';
import { summaryDocument } from './summary-file.js';

/** The first file of a result folder: it identifies a previous result that may be replaced. */
export const RESULT_IDENTITY = 'summary.json';

export interface WriteOptions {
  /** Write the per-step series.csv. */
  series: boolean;
  toolVersion: string;
  /** The report page to write as report.html (see reportHtml). */
  html?: string;
  /** A flexible run's plan, recorded in summary.json so that the run can be replayed. */
  plan?: RecordedPlan;
  /** More files of the same folder, by name (e.g. an optimisation's decisions.csv), written with it as a whole. */
  files?: Record<string, string>;
}

/** Writes the result folder `dir` as a whole; resolves to the paths written. */
export async function writeResult(r: Result, dir: string, o: WriteOptions): Promise<string[]> {
  const files: Record<string, FileContent> = {
    [RESULT_IDENTITY]: jsonText(summaryDocument(r, o.toolVersion, o.plan)),
    'monthly.csv': monthlyCsv(r),
    'tides.csv': tidesCsv(r),
  };
  if (o.series) files['series.csv'] = seriesCsv(r);
  if (o.html !== undefined) files['report.html'] = o.html;
  Object.assign(files, o.files);
  return writeDirAtomic(dir, files);
}
