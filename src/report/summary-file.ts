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

/** Relative agreement required between a recorded and a rerun energy (floating-point noise only). */
const RERUN_TOLERANCE = 1e-9;

/**
 * Differences between the recorded summary and a rerun's (empty when the rerun reproduces it):
 * the period and the energy, net of pumping on both sides (Summary.energy_gwh).
 */
export function rerunProblems(doc: SummaryDocument, rerun: Summary, toolVersion: string, file: string): string[] {
  const a = doc.summary.energy_gwh;
  const b = rerun.energy_gwh;
  const rel = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
  if (rel <= RERUN_TOLERANCE && doc.summary.period_start === rerun.period_start && doc.summary.period_end === rerun.period_end)
    return [];
  const why =
    doc.tool_version === toolVersion
      ? 'with the same tool version'
      : `written by mersey-tidal ${doc.tool_version}, rerun by ${toolVersion}`;
  return [
    `${file}: rerunning the recorded scenario gives ${b.toFixed(6)} GWh net of pumping over ${rerun.period_start} to ${rerun.period_end}, ` +
      `the summary says ${a.toFixed(6)} GWh over ${doc.summary.period_start} to ${doc.summary.period_end} (${why}); run ${writer(doc)} again`,
  ];
}
