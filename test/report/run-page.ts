/**
 * The report pages' runs: a scenario simulated as the pages take it, and the figures and page the
 * run page makes of one.
 */

import { DEFAULT_SCENARIO } from '../../src/paths.js';
import { runFigures } from '../../src/report/figures.js';
import { reportHtml } from '../../src/report/html.js';
import type { Figure } from '../../src/report/layout.js';
import { chooseWindow, type ReportRun } from '../../src/report/report-run.js';
import { buildOperation, buildScheme } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import { simulate } from '../../src/simulate.js';

/**
 * A run as the report pages take it: scenario `file` (default: the Mersey default) named `name`
 * (default: its own), edited, simulated, labelled with its name.
 */
export function reportRun(o: { name?: string; edit?: (s: Scenario) => void; file?: string } = {}): ReportRun {
  const s = loadScenario(o.file ?? DEFAULT_SCENARIO);
  if (o.name !== undefined) s.name = o.name;
  o.edit?.(s);
  return { result: simulate(s), scheme: buildScheme(s), ops: buildOperation(s), label: s.name };
}

/** Edits a Mersey default scenario to run ebb-only without pumping or ramps, the ebb's heads kept (the comparison the report tests draw). */
export function asEbbOnly(s: Scenario): void {
  const { start_head_m, end_head_m } = s.operation.ebb!;
  s.operation = {
    ...s.operation,
    mode: 'ebb-only',
    ebb: { start_head_m, end_head_m, sluice_while_generating: false },
    ramp_s: 0,
  };
}

/** The figure of a page with this id (the test fails on reading it when there is none). */
export function figureById(figures: readonly Figure[], id: string): Figure {
  return figures.find((f) => f.id === id) as Figure;
}

/** A run (default: the default scenario's year), with the figures and the page the run page makes of it. */
export function runPage(run: ReportRun = reportRun()): { run: ReportRun; figures: Figure[]; html: string } {
  return {
    run,
    figures: runFigures([run], { base: run.result.sea.t0, window: chooseWindow(run.result) }),
    html: reportHtml([run], { toolVersion: 'test' }),
  };
}
