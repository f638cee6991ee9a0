import { runFigures } from '../../src/report/figures.js';
import { reportHtml } from '../../src/report/html.js';
import type { Figure } from '../../src/report/layout.js';
import { chooseWindow, type ReportRun } from '../../src/report/report-run.js';
import { reportRun } from '../fixtures.js';

/** A run (default: the default scenario's year), with the figures and the page the run page makes of it. */
export function runPage(run: ReportRun = reportRun()): { run: ReportRun; figures: Figure[]; html: string } {
  return {
    run,
    figures: runFigures([run], { base: run.result.sea.t0, window: chooseWindow(run.result) }),
    html: reportHtml([run], { toolVersion: 'test' }),
  };
}
