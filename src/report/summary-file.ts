/**
 * The summary.json document: the run's summary with what it takes to reproduce it (the resolved
 * scenario, its hash, the hash of every data file it read, the tool version), and the checks that
 * a document read back is intact and that a rerun reproduces it.
 */

import { isJsonObject } from '../json.js';
import type { RecordedPlan } from '../optimise/plan-record.js';
import type { Scenario } from '../scenario/types.js';
import type { Result, Summary } from '../simulate.js';
import { fileSha256, jsonSha256 } from './digest.js';

/** Version of the summary.json layout; bump when fields change meaning. 2: scenario and data hashes; 3: energies through the loss chain (generated = exported, pumping = drawn from the grid), the waterfall and the pumping gain. */
export const SUMMARY_FORMAT = 3;

export interface SummaryDocument {
  format: number;
  tool: 'mersey-tidal';
  tool_version: string;
  /** SHA-256 (hex) of the canonical JSON of `scenario` (see canonicalJson). */
  scenario_sha256: string;
  /** SHA-256 (hex) of each data file the scenario reads, by absolute path. */
  data_sha256: Record<string, string>;
  summary: Summary;
  scenario: Scenario;
  /** A flexible run (`mersey-tidal optimise`): its plan, replayed by a rerun. Absent: the scenario's fixed heads. */
  plan?: RecordedPlan;
}

export function summaryDocument(r: Result, toolVersion: string, plan?: RecordedPlan): SummaryDocument {
  const data: Record<string, string> = {};
  for (const f of r.summary.data_files) data[f] = fileSha256(f);
  return {
    format: SUMMARY_FORMAT,
    tool: 'mersey-tidal',
    tool_version: toolVersion,
    scenario_sha256: jsonSha256(r.scenario),
    data_sha256: data,
    summary: r.summary,
    scenario: r.scenario,
    ...(plan ? { plan } : {}),
  };
}

/** The command that writes a document of this kind afresh. */
const writer = (doc: { plan?: unknown }) => `\`mersey-tidal ${doc.plan !== undefined ? 'optimise' : 'simulate'}\``;

/**
 * Problems with a parsed summary.json (empty when it is a current, intact document): the wrong
 * kind of file, another format version, or a scenario edited since it was written.
 */
export function summaryDocumentProblems(doc: unknown, file: string): string[] {
  if (isJsonObject(doc) && doc.format === 1)
    return [
      `${file}: summary.json format 1 (before scenario hashes); run ${writer(doc)} again to write format ${SUMMARY_FORMAT}`,
    ];
  if (!isJsonObject(doc) || doc.tool !== 'mersey-tidal' || !isJsonObject(doc.summary) || !isJsonObject(doc.scenario)) {
    return [
      `${file}: not a mersey-tidal summary.json (expected an object with "tool": "mersey-tidal", "summary" and "scenario")`,
    ];
  }
  if (doc.format !== SUMMARY_FORMAT) {
    return [
      `${file}: summary.json format ${JSON.stringify(doc.format)}; this version (format ${SUMMARY_FORMAT}) reads only its own format: run ${writer(doc)} again`,
    ];
  }
  const out: string[] = [];
  const h = jsonSha256(doc.scenario);
  if (h !== doc.scenario_sha256) {
    out.push(
      `${file}: the scenario does not match its recorded hash (scenario_sha256 ${String(doc.scenario_sha256).slice(0, 12)}..., content ${h.slice(0, 12)}...): the file was edited after the run; run ${writer(doc)} again`,
    );
  }
  if (!isJsonObject(doc.data_sha256)) out.push(`${file}: data_sha256: expected an object of file -> SHA-256`);
  return out;
}

/** Data files of a document that are missing or differ from the ones the run read. */
export function dataFileProblems(doc: SummaryDocument, file: string): string[] {
  const out: string[] = [];
  for (const [path, hash] of Object.entries(doc.data_sha256)) {
    let now: string;
    try {
      now = fileSha256(path);
    } catch (err) {
      out.push(
        `${file}: data file ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? err}); the run cannot be reproduced without it`,
      );
      continue;
    }
    if (now !== hash)
      out.push(
        `${file}: data file ${path} changed since the run (SHA-256 ${now.slice(0, 12)}..., recorded ${hash.slice(0, 12)}...)`,
      );
  }
  return out;
}

/** Relative agreement required between a recorded and a rerun figure (floating-point noise only). */
export const RERUN_TOLERANCE = 1e-9;
/** Absolute agreement below which figures count as equal (round-off figures such as the mass-balance error). */
const RERUN_FLOOR = 1e-12;

/** Dotted paths of the leaves where `a` (recorded) and `b` (rerun) differ: numbers beyond the tolerance, anything else when not equal. */
function differences(a: unknown, b: unknown, path: string, out: string[]): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (!(Math.abs(a - b) <= RERUN_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) + RERUN_FLOOR)) out.push(path);
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) differences(a[i], b[i], `${path}[${i}]`, out);
  } else if (isJsonObject(a) && isJsonObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[k], b[k], path ? `${path}.${k}` : k, out);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
}

/**
 * Differences between the recorded summary and a rerun's (empty when the rerun reproduces it):
 * every figure of the summary, so that no edited figure (an annual energy scaled by hand, a
 * month) passes; the energy net of pumping is named first with both values.
 */
export function rerunProblems(doc: SummaryDocument, rerun: Summary, toolVersion: string, file: string): string[] {
  const differ: string[] = [];
  differences(doc.summary, JSON.parse(JSON.stringify(rerun)), '', differ);
  if (differ.length === 0) return [];
  const why =
    doc.tool_version === toolVersion
      ? 'with the same tool version'
      : `written by mersey-tidal ${doc.tool_version}, rerun by ${toolVersion}`;
  const a = doc.summary.energy_gwh;
  const b = rerun.energy_gwh;
  const fields = `${differ.slice(0, 12).join(', ')}${differ.length > 12 ? ` and ${differ.length - 12} more` : ''}`;
  return [
    `${file}: rerunning the recorded scenario gives ${typeof b === 'number' ? b.toFixed(6) : b} GWh net of pumping over ${rerun.period_start} to ${rerun.period_end}, ` +
      `the summary says ${typeof a === 'number' ? a.toFixed(6) : JSON.stringify(a)} GWh over ${doc.summary.period_start} to ${doc.summary.period_end} (${why}); ` +
      `the summary differs in ${fields}: it was edited, or written by another version; run ${writer(doc)} again`,
  ];
}
