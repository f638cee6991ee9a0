/**
 * `mersey-tidal tide predict` and `mersey-tidal tide fit`: the tide engine on the command line.
 */

import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { prepareOutputFile, writeFileAtomic } from '../io/atomic.js';
import { DAY_S } from '../physics.js';
import {
  analysisConstituents,
  datumOffset,
  describeGaps,
  fitHarmonics,
  harmonicModel,
  highLowWaters,
  loadSite,
  outsideCheckedYears,
  predictSeaLevel,
  readSeriesCsv,
  siteToJson,
} from '../tide/index.js';
import type { Site } from '../tide/site.js';
import { isoTime } from '../time.js';
import {
  isoArgument,
  jsonOption,
  nearOption,
  positiveNumber,
  quietOption,
  type ScenarioChanges,
  scenarioOverrides,
  siteOption,
} from './options.js';
import { type Output, type OutputOptions, output, type Streams } from './output.js';

/**
 * Most levels one `tide predict` writes: the CSV is built in memory, about 31 bytes a row (160 MB
 * at this size; a year at 6 s, a century at 10 min).
 */
const MAX_PREDICTED = 5_000_000;
const PREDICTED_ROW_BYTES = 31;

const megabytes = (bytes: number) => `${Math.ceil(bytes / 1e6).toLocaleString('en-GB')} MB`;

function minuteIso(t: number): string {
  return `${new Date(Math.round(t / 60) * 60000).toISOString().slice(0, 16)}Z`;
}

/**
 * Writes the data to the file, or as the result on stdout. The report for people (lines without
 * a final newline) is the result after a file is written; beside data or --json on stdout it is a
 * status on stderr (not with --quiet).
 */
function emit(ui: Output, o: OutputOptions, file: string | undefined, data: string, report: string, json: () => unknown): void {
  if (file) writeFileAtomic(file, data);
  const people = file ? `${report}\nwritten to ${file}` : report;
  if (file && !o.json) ui.result(`${people}\n`, json);
  else {
    ui.result(data, json);
    ui.status(people);
  }
}

/** The constants' identity for reports: name, id, source and licence. */
function siteIdentity(site: Site) {
  return {
    name: site.name,
    ...(site.id !== undefined ? { id: site.id } : {}),
    ...(site.position ? { position: site.position } : {}),
    source: site.source,
    licence: site.licence,
  };
}

/** The site's datums as heights above `datum` (m, to the millimetre). */
function datumsAbove(site: Site, datum: string): Record<string, number> {
  const zero = datumOffset(site, datum);
  return Object.fromEntries(Object.entries(site.datums).map(([k, h]) => [k, Math.round((h - zero) * 1000) / 1000]));
}

export function registerTideCommands(program: Command, io?: Streams): void {
  const tide = program
    .command('tide')
    .description('Harmonic tide prediction (with nodal corrections) and harmonic analysis of observed series');

  tide
    .command('predict')
    .description('Predict the sea level at a site or station: CSV of (time, level), and the high and low waters')
    .addOption(siteOption())
    .addOption(nearOption())
    .option('--from <ISO>', 'start time (UTC unless a zone is given; required)', (v) => isoArgument(v, '--from'))
    .option('--to <ISO>', 'end time, included when on the grid (required)', (v) => isoArgument(v, '--to'))
    .option('--step <seconds>', 'time step (s; required)', (v) => positiveNumber(v, '--step'))
    .option('--datum <name>', "datum of the levels (one of the site's, e.g. ODN or CD); default the site's own")
    .option('--out <file>', 'write the CSV here (default: stdout, with the high and low waters on stderr)')
    .addOption(quietOption())
    .addOption(jsonOption('the site, its datums, the levels (without --out) and the high and low waters'))
    .action(
      (given: OutputOptions & ScenarioChanges & { from?: number; to?: number; step?: number; datum?: string; out?: string }) => {
        // Every missing option named at once, not one per try.
        const missing = [
          given.site === undefined && given.near === undefined
            ? '--site <site> or --near LAT,LON (see `mersey-tidal sites`)'
            : null,
          given.from === undefined ? '--from <ISO>' : null,
          given.to === undefined ? '--to <ISO>' : null,
          given.step === undefined ? '--step <seconds>' : null,
        ].filter((m) => m !== null);
        if (missing.length > 0) throw new InputError(`tide predict needs ${missing.join(', ')}`);
        const opts = given as typeof given & { from: number; to: number; step: number };
        const ui = output(opts, io);
        if (!(opts.to > opts.from))
          throw new InputError(`--to (${isoTime(opts.to)}) must be after --from (${isoTime(opts.from)})`);
        const outside = outsideCheckedYears(opts.from, opts.to);
        if (outside !== undefined) throw new InputError(`--from, --to: ${outside}`);
        const n = Math.floor((opts.to - opts.from) / opts.step + 1e-9) + 1;
        if (n > MAX_PREDICTED) {
          throw new InputError(
            `--from, --to, --step: ${n.toLocaleString('en-GB')} levels requested (about ${megabytes(n * PREDICTED_ROW_BYTES)} of CSV); ` +
              `at most ${MAX_PREDICTED.toLocaleString('en-GB')} per run: give a longer --step or split the period`,
          );
        }
        if (opts.out) prepareOutputFile(opts.out);
        // --site or --near was checked above: the first override is the tide's.
        const [tideOverride] = scenarioOverrides(opts, ui.status);
        const site = loadSite((tideOverride.value as { site: string }).site);
        const datum = opts.datum ?? site.datum;
        datumOffset(site, datum); // an unknown datum fails here, naming the site's datums
        const sea = predictSeaLevel(site, opts.from, opts.step, n, { datum });
        const rows = [`time_utc,level_m_${datum}`];
        for (let i = 0; i < n; i++) {
          rows.push(`${isoTime(opts.from + i * opts.step)},${sea.level[i].toFixed(4)}`);
        }
        const extremes = highLowWaters(harmonicModel(site, datum), opts.from, opts.to);
        const report = [
          `${site.name}${site.id ? ` (${site.id})` : ''}: ${n} levels every ${opts.step} s from ${minuteIso(opts.from)} to ${minuteIso(opts.from + (n - 1) * opts.step)}, m above ${datum}`,
          `constants: ${site.source}`,
          `licence: ${site.licence}`,
          `high and low waters (UTC, m above ${datum}):`,
          ...extremes.map(
            (e) => `  ${minuteIso(e.time)}  ${e.kind === 'high' ? 'high' : 'low '}  ${e.level.toFixed(2).padStart(6)} m`,
          ),
        ].join('\n');
        emit(ui, opts, opts.out, `${rows.join('\n')}\n`, report, () => ({
          site: siteIdentity(site),
          datum,
          datums: datumsAbove(site, datum),
          from: isoTime(opts.from),
          step_s: opts.step,
          ...(opts.out ? { written: opts.out } : { levels_m: Array.from(sea.level, (x) => Number(x.toFixed(4))) }),
          high_low_waters: extremes.map((e) => ({ time: isoTime(e.time), kind: e.kind, level_m: Number(e.level.toFixed(3)) })),
        }));
      },
    );

  tide
    .command('fit')
    .description('Fit harmonic constants to an observed series (CSV of time, level) and write a site file')
    .argument('<series>', 'CSV: header row, then ISO 8601 UTC time and level (m), sorted, without duplicates')
    .option('--out <file>', 'write the site file here (default: stdout, with the report on stderr)')
    .option('--name <name>', 'name of the site')
    .option('--datum <name>', 'datum of the series levels', 'ODN')
    .option(
      '--constituents <list>',
      'comma-separated constituents, in priority order for the Rayleigh criterion (default: those of --reference, largest first, then the standard analysis list of Foreman 1977 that it lacks)',
    )
    .option('--reference <file|name>', 'site whose constituents are fitted by default', 'liverpool')
    .option(
      '--rayleigh <R>',
      'Rayleigh factor: a pair needs |f1 - f2| * record length >= R',
      (v) => positiveNumber(v, '--rayleigh'),
      1,
    )
    .option('--allow-gaps', 'fit a series with gaps from the samples it has (they are listed)')
    .option('--licence <text>', 'licence of the series, carried into the site file')
    .addOption(quietOption())
    .addOption(jsonOption('the fit: the site, samples, residual and the constituents left out'))
    .action(
      (
        file: string,
        opts: {
          out?: string;
          name?: string;
          datum: string;
          constituents?: string;
          reference: string;
          rayleigh: number;
          allowGaps?: boolean;
          licence?: string;
        } & OutputOptions,
      ) => {
        const ui = output(opts, io);
        if (opts.out) prepareOutputFile(opts.out);
        const series = readSeriesCsv(file);
        const names = opts.constituents
          ? opts.constituents
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== '')
          : analysisConstituents(loadSite(opts.reference));
        const fit = fitHarmonics(series, names, {
          rayleigh: opts.rayleigh,
          allowGaps: opts.allowGaps === true,
          datum: opts.datum,
          ...(opts.name ? { name: opts.name } : {}),
          ...(opts.licence ? { licence: opts.licence } : {}),
        });
        const s = fit.site;
        const model = harmonicModel(s);
        const lines = [
          `${s.name}: ${fit.samples} samples over ${(fit.span / DAY_S).toFixed(2)} days`,
          ...describeGaps(series, fit.gaps).map((g) => `  gap (not filled, not fitted): ${g}`),
          `z0 = ${s.z0.toFixed(4)} m ${s.datum}`,
          `constituent   speed (deg/h)   amplitude (m)   phase g (deg, UTC)`,
          ...s.constituents.map(
            (c, i) =>
              `${c.name.padEnd(12)} ${model.constituents.speedDegPerHour[i].toFixed(7).padStart(14)} ${c.amplitude.toFixed(4).padStart(15)} ${c.phase.toFixed(2).padStart(14)}`,
          ),
          `rms residual ${fit.rmsResidual.toFixed(4)} m`,
          fit.excluded.length === 0
            ? `Rayleigh criterion (R = ${opts.rayleigh}): no constituent excluded`
            : `Rayleigh criterion (R = ${opts.rayleigh}) excluded ${fit.excluded.length}:`,
          ...fit.excluded.map(
            (e) =>
              `  ${e.name.padEnd(8)} ${e.cycles.toFixed(4)} cycles from ${e.conflictsWith} over the record; needs ${e.daysNeeded.toFixed(1)} days`,
          ),
        ];
        const siteText = siteToJson(s);
        emit(ui, opts, opts.out, siteText, lines.join('\n'), () => ({
          site: JSON.parse(siteText), // the site as the file holds it
          samples: fit.samples,
          span_days: fit.span / DAY_S,
          rms_residual_m: fit.rmsResidual,
          excluded: fit.excluded,
          gaps: describeGaps(series, fit.gaps),
          ...(opts.out ? { written: opts.out } : {}),
        }));
      },
    );
}
