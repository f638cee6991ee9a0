/**
 * `mersey-tidal validate`: run the validation suite (every real and proposed scheme of the
 * published record), print the table, and unless --quick the nodal-cycle and sea-level-rise
 * sensitivity of the Mersey default; write JSON, CSV and the validation page with --out. Exits
 * non-zero (1) when a scheme is outside its tolerance, after printing and writing everything.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { prepareResultDir, writeDirAtomic, writtenText } from '../io/atomic.js';
import { jsonText } from '../json.js';
import { defaultWorkerCount, WorkerPool } from '../parallel/pool.js';
import { taskModule } from '../parallel/task.js';
import { toolVersion } from '../paths.js';
import type { Override } from '../scenario/overrides.js';
import { validationHtml } from '../validation/plot.js';
import { VALIDATION_SCHEMES } from '../validation/published.js';
import { DEFAULT_OFFSETS_M, DEFAULT_YEARS, runSensitivity, type Sensitivity } from '../validation/sensitivity.js';
import { failures, type PumpingCheck, pumpingCheck, runValidation, type ValidationRow } from '../validation/suite.js';
import {
  pumpingGainText,
  runDetailsTable,
  sensitivityCsv,
  sensitivityTable,
  type TableFormat,
  validationCsv,
  validationTable,
} from '../validation/tables.js';
import { jsonOption, quietOption, setOption, workersOption } from './options.js';
import { output } from './output.js';

interface ValidateOptions {
  quick?: boolean;
  markdown?: boolean;
  out?: string;
  workers?: number;
  quiet?: boolean;
  json?: boolean;
  set?: Override[];
}

/** The first file of the output folder: identifies a previous validation result that may be replaced. */
const VALIDATION_IDENTITY = 'validation.json';
const VALIDATION_FORMAT = 1;

/** The whole report as text or markdown. */
function validationReport(
  rows: readonly ValidationRow[],
  pumping: PumpingCheck,
  sens: Sensitivity | null,
  format: TableFormat,
): string {
  const h = (s: string) => (format === 'markdown' ? `**${s}**` : s);
  const parts = [
    h('Validation: modelled against published annual energy (GWh/yr, net of pumping)'),
    '',
    validationTable(rows, format),
    '',
    h('How each scheme was run'),
    '',
    runDetailsTable(rows, format),
    '',
    h('Pumping check'),
    '',
    pumpingText(pumping),
  ];
  if (sens) {
    parts.push(
      '',
      h(
        `Sensitivity: ${sens.scenario} across the nodal cycle and with sea-level rise (harmonic ${sens.site} tide, m ${sens.datum}, step ${sens.time_step_s} s)`,
      ),
      '',
      sensitivityTable(sens, format),
    );
  }
  return `${parts.join('\n')}\n`;
}

/** The pumping check in one line. */
function pumpingText(c: PumpingCheck): string {
  return `${c.scheme}: net gain from pumping ${pumpingGainText(c)} of the net without it (same heads); accepted ${c.text}: ${c.pass ? 'pass' : 'FAIL'}\n  source: ${c.source}`;
}

/** The JSON document of a validation run (validation.json, and stdout with --json). */
function validationDocument(rows: readonly ValidationRow[], pumping: PumpingCheck, sens: Sensitivity | null, version: string) {
  return {
    format: VALIDATION_FORMAT,
    tool_version: version,
    rule: 'pass when low * (1 - tolerance) <= modelled annual energy (net of pumping) <= high * (1 + tolerance); ratio = modelled / reference',
    schemes: rows.map((r) => ({
      ...r.scheme,
      scenario_file: r.file,
      modelled: r.figures,
      ratio: r.ratio,
      accepted_gwh: r.accepted_gwh,
      accepted_ratio: r.accepted_ratio,
      pass: r.pass,
    })),
    pumping_check: pumping,
    sensitivity: sens,
  };
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(
      'Run every real and proposed scheme of the validation suite against its published annual energy and print the table; ' +
        'then (unless --quick) the Mersey default across the 18.6-year nodal cycle (2020-2038) and with sea-level rise (+0.3 m, +1 m). ' +
        'Exits 1 when a scheme is outside its tolerance',
    )
    .option(
      '--quick',
      'the validation table only: skip the nodal-cycle and sea-level-rise sensitivity (19 years x 3 sea levels, 57 year-long runs)',
    )
    .option('--markdown', 'print the tables as markdown (as in the README) instead of plain text')
    .option(
      '--out <dir>',
      'also write validation.json, validation.csv, validation.html (self-contained page: modelled against published, and without --quick the sensitivity plots) and, without --quick, sensitivity.csv to this folder',
    )
    .addOption(workersOption())
    .addOption(setOption())
    .addOption(quietOption())
    .addOption(jsonOption('validation.json'))
    .action(async (opts: ValidateOptions) => {
      const ui = output(opts);
      const dir = opts.out === undefined ? undefined : resolve(opts.out);
      // Refuse an --out that is not a previous result now, not after the runs.
      if (dir !== undefined) prepareResultDir(dir, VALIDATION_IDENTITY);
      const workers = opts.workers ?? defaultWorkerCount();
      const jobs = VALIDATION_SCHEMES.length + (opts.quick ? 0 : DEFAULT_YEARS.length * DEFAULT_OFFSETS_M.length);
      const pool = workers > 1 ? new WorkerPool(Math.min(workers, jobs), [taskModule('validation/task.js')]) : undefined;
      let rows: ValidationRow[];
      let sens: Sensitivity | null = null;
      const t0 = performance.now();
      const bar = ui.progress(jobs, 'runs', 'validate');
      const base = VALIDATION_SCHEMES.length;
      try {
        rows = await runValidation(VALIDATION_SCHEMES, { pool, overrides: opts.set, onProgress: (done) => bar.update(done) });
        if (!opts.quick)
          sens = await runSensitivity({ overrides: opts.set }, { pool, onProgress: (done) => bar.update(base + done) });
      } finally {
        bar.finish();
        await pool?.close();
      }
      const seconds = (performance.now() - t0) / 1000;
      ui.status(
        `${rows.length + (sens ? sens.years.length * sens.offsets_m.length : 0)} runs in ${seconds.toFixed(1)} s on ${pool ? `${pool.size} worker threads` : 'one thread'}`,
      );
      const version = toolVersion();
      const pumping = pumpingCheck(rows);
      const doc = validationDocument(rows, pumping, sens, version);
      let written: string[] = [];
      if (dir !== undefined) {
        const files: Record<string, string> = {
          [VALIDATION_IDENTITY]: jsonText(doc),
          'validation.csv': validationCsv(rows),
          'validation.html': validationHtml(rows, sens, { toolVersion: version }),
        };
        if (sens) files['sensitivity.csv'] = sensitivityCsv(sens);
        written = await writeDirAtomic(dir, files);
      }
      const format: TableFormat = opts.markdown ? 'markdown' : 'text';
      ui.result(
        validationReport(rows, pumping, sens, format),
        () => doc,
        written.length > 0 ? `\n${writtenText(written)}` : undefined,
      );
      const bad = failures(rows);
      if (bad.length > 0 || !pumping.pass) {
        const list = bad.map(
          (r) =>
            `${r.scheme.id} (modelled ${r.figures.annual_energy_gwh.toFixed(1)} GWh/yr, ${r.ratio.toFixed(2)} x the published ${r.scheme.energy.reference_gwh} GWh/yr; accepted ${r.accepted_gwh[0].toFixed(0)}-${r.accepted_gwh[1].toFixed(0)} GWh/yr)`,
        );
        if (!pumping.pass) list.push(`pumping gain on ${pumping.scheme} ${pumpingGainText(pumping)}, outside ${pumping.text}`);
        throw new Error(
          `validation: ${bad.length} of ${rows.length} schemes outside their tolerance${pumping.pass ? '' : ', and the pumping check failed'}: ${list.join('; ')}; see docs/validation.md for the known causes`,
        );
      }
    });
}
