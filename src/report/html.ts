/**
 * The report page of a run, or the comparison page of several: the header tables (scheme,
 * operation as run, key figures, lost tides, revenue, inputs and data sources) around the plots
 * of figures.ts, in the page of page.ts.
 */
import { basename } from 'node:path';
import { fmt } from '../numbers.js';
import { cycleModes, type HalfControls, readControls } from '../operation/cycle.js';
import { scaledToYear } from '../simulate.js';
import { durationText } from '../time.js';
import { fileSha256, jsonSha256 } from './digest.js';
import { runFigures, runSeries } from './figures.js';
import { lostTides } from './lost-tides.js';
import { escapeHtml, pageHtml } from './page.js';
import { dailyRevenue } from './plots/revenue.js';
import { chooseWindow, pumps as pumpsResult, type ReportRun } from './report-run.js';

type Row = [string, string];

const tableRows = (rows: Row[], cls = '') =>
  `<table class="${cls}">${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${v}</td></tr>`).join('')}</table>`;

/** Scalar leaves of a JSON value as dotted paths; file paths shortened to their file name. */
function flattenInputs(value: unknown, prefix = ''): [string, string][] {
  if (value === null || typeof value !== 'object') {
    const leaf =
      prefix.endsWith('file') && typeof value === 'string'
        ? basename(value)
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
    return [[prefix, leaf]];
  }
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return [[prefix, value.map(String).join(', ')]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    flattenInputs(v, prefix === '' ? k : Array.isArray(value) ? `${prefix}[${k}]` : `${prefix}.${k}`),
  );
}

/** The scenario's inputs that decide the result (tide, scheme, operation, period, step). */
function inputsOf(r: ReportRun): [string, string][] {
  const s = r.result.scenario;
  return flattenInputs({ period: s.period, time_step_s: s.time_step_s, tide: s.tide, scheme: s.scheme, operation: s.operation });
}

const inputsHtml = (rows: [string, string][]) =>
  `<table>${rows.map(([k, v]) => `<tr><td><code>${escapeHtml(k)}</code></td><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;

function dataFilesHtml(files: readonly string[]): string {
  return `<ul>${files
    .map((f) => {
      let hash = 'unreadable';
      try {
        hash = `${fileSha256(f).slice(0, 16)}...`;
      } catch {
        /* shown as unreadable */
      }
      return `<li title="${escapeHtml(f)}"><code>${escapeHtml(basename(f))}</code> <span class="hash">sha256 ${escapeHtml(hash)}</span></li>`;
    })
    .join('')}</ul>`;
}

function annualText(r: ReportRun): string {
  const s = r.result.summary;
  const scaled = scaledToYear(s)
    ? ` <span class="caption">(scaled from ${fmt(s.energy_gwh, 1)} GWh over ${fmt(s.period_days, 1)} days)</span>`
    : '';
  return `<span class="big">${fmt(s.annual_energy_gwh, 1)} GWh/yr</span>${scaled}`;
}

function schemeText(r: ReportRun): string {
  const s = r.result.summary;
  const sc = r.result.scenario.scheme as { kind?: string; turbines?: { diameter_m?: number }; sluices?: { area_m2?: number } };
  const d = sc.turbines?.diameter_m;
  const parts = [
    `${sc.kind ?? 'scheme'}: ${s.turbine_count} turbines${d !== undefined ? ` of ${fmt(d, 2)} m runner` : ''}, ${fmt(s.unit_rated_power_mw, 1)} MW each, ${fmt(s.installed_capacity_mw, 1)} MW installed`,
  ];
  if (sc.sluices?.area_m2 !== undefined) parts.push(`sluices ${fmt(sc.sluices.area_m2, 0)} m²`);
  return escapeHtml(parts.join('; '));
}

/** One direction's heads in words: those of the mode table that ran (a pumping target only where it pumps). */
function headsWords(half: string, c: HalfControls, sluicing: boolean): string {
  const parts = [`start at ${fmt(c.start, 2)} m head`, `stop at ${fmt(c.end, 2)} m`];
  if (c.pump > 0) parts.push(`pump to ${fmt(c.pump, 2)} m`);
  if (sluicing) parts.push('sluicing while generating');
  return `${half}: ${parts.join(', ')}`;
}

/** The operation as run, in words: a flexible or optimised run's own text, else the heads of the directions it generates in. */
function operationText(r: ReportRun): string {
  if (r.operation) return escapeHtml(r.operation);
  const o = r.result.scenario.operation;
  const parts: string[] = [o.mode];
  const [ebb, flood] = cycleModes(r.ops).directions;
  if (ebb) parts.push(headsWords('ebb', readControls(r.ops.exitHead, ebb), o.ebb?.sluice_while_generating === true));
  if (flood) parts.push(headsWords('flood', readControls(r.ops.exitHead, flood), o.flood?.sluice_while_generating === true));
  if (o.ramp_s > 0) parts.push(`ramps of ${durationText(o.ramp_s)}`);
  return escapeHtml(parts.join('; '));
}

function periodText(r: ReportRun): string {
  const s = r.result.summary;
  return escapeHtml(`${s.period_start} to ${s.period_end} (${fmt(s.period_days, 2)} days), step ${durationText(s.time_step_s)}`);
}

const pumps = (r: ReportRun) => pumpsResult(r.result);

/**
 * The key figures of a run, as rows. With `pumping` (set when any run on the page pumps, so the
 * rows of several runs line up), the energy is stated net of pumping with its two parts beside it.
 */
function keyFigures(r: ReportRun, pumping: boolean): Row[] {
  const s = r.result.summary;
  const net = pumping ? ' (net)' : '';
  const rows: Row[] = [[pumping ? 'Annual energy, net of pumping' : 'Annual energy', annualText(r)]];
  if (pumping) {
    rows.push(
      ['Generated', `${fmt(s.annual_generated_energy_gwh, 1)} GWh/yr`],
      [
        'Drawn by pumping',
        `${fmt(s.annual_pumping_energy_gwh, 1)} GWh/yr (${fmt(s.pumping_hours, 0)} h in ${fmt(s.pumping_periods, 0)} periods)`,
      ],
    );
  }
  rows.push(
    [`Capacity factor${net}`, `<span class="big">${fmt(s.capacity_factor * 100, 1)} %</span>`],
    ['Installed capacity', `${fmt(s.installed_capacity_mw, 1)} MW`],
    [
      `Full-load hours${net}`,
      `${fmt((s.full_load_hours * 365.25) / s.period_days, 0)} h/yr${scaledToYear(s) ? ` (${fmt(s.full_load_hours, 0)} h in the ${fmt(s.period_days, 1)} days)` : ''}`,
    ],
    ['Hours generating', `${fmt(s.generating_hours, 0)} h`],
    ['Tides / generating periods', `${fmt(s.tides, 0)} high waters / ${fmt(s.generating_periods, 0)}`],
    ['Lost tides', lostText(r)],
    ['Mass balance error', `${s.mass_balance_error.toExponential(1)} (relative)`],
  );
  if (r.prices) rows.push(['Net revenue', revenueText(r, r.prices)]);
  return rows;
}

/** Lost tides in words: how many of the generating sides' falls and rises gave nothing, and the longest stretch. */
function lostText(r: ReportRun): string {
  const l = lostTides(r.result, r.ops);
  if (l.lost.length === 0)
    return `none of ${fmt(l.of, 0)} falls and rises of the sea on the generating side${l.of === 1 ? '' : 's'}`;
  return `${fmt(l.lost.length, 0)} of ${fmt(l.of, 0)} falls and rises of the sea on the generating side${l.of === 1 ? '' : 's'} gave no energy; longest stretch ${fmt(l.longest_s / 3600, 0)} h`;
}

function revenueText(r: ReportRun, prices: Float64Array): string {
  const d = dailyRevenue(r, prices);
  const total = d.gbp.reduce((a, b) => a + b, 0);
  const s = r.result.summary;
  const perYear = 365.25 / s.period_days;
  const mwh = s.energy_gwh * 1000;
  return `${fmt((total * perYear) / 1e6, 2)} million GBP/yr${mwh > 0 ? ` (captured price ${fmt(total / mwh, 1)} GBP/MWh)` : ''}`;
}

function singleHeader(r: ReportRun, toolVersion: string): string {
  const sc = r.result.scenario;
  const top: Row[] = [
    ['Scenario', `<b>${escapeHtml(sc.name)}</b>${sc.description ? `: ${escapeHtml(sc.description)}` : ''}`],
    ['Scheme', schemeText(r)],
    ['Operation', operationText(r)],
    ['Period', periodText(r)],
    ['Tide', escapeHtml(r.result.summary.tide_source)],
    ...keyFigures(r, pumps(r)),
  ];
  const sources: Row[] = [
    [
      'Sources',
      sc.sources.length > 0
        ? `<ul>${sc.sources.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`
        : 'none given in the scenario',
    ],
    ['Data files', dataFilesHtml(r.result.summary.data_files)],
    [
      'Reproduce',
      `scenario file <code>${escapeHtml(sc.file)}</code>; scenario sha256 <span class="hash">${jsonSha256(sc)}</span>; mersey-tidal ${escapeHtml(toolVersion)}`,
    ],
  ];
  return `<section id="section-summary"><h2>Summary</h2>${tableRows(top, 'key')}</section>
<section id="section-inputs"><h2>Inputs and data sources</h2>${tableRows(sources)}<details><summary>All inputs</summary>${inputsHtml(inputsOf(r))}</details></section>`;
}

function comparisonHeader(runs: readonly ReportRun[], toolVersion: string): string {
  const head = `<tr><th></th>${runs.map((r) => `<th class="run">${escapeHtml(r.label)}</th>`).join('')}</tr>`;
  const row = (name: string, cells: string[]) =>
    `<tr><th>${escapeHtml(name)}</th>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const per = (f: (r: ReportRun) => string) => runs.map(f);
  const anyPumps = runs.some(pumps);
  const rows = [
    row('Scheme', per(schemeText)),
    row('Operation', per(operationText)),
    row('Period', per(periodText)),
    ...keyFigures(runs[0], anyPumps).map(([name], i) =>
      row(
        name,
        per((r) => keyFigures(r, anyPumps)[i][1]),
      ),
    ),
    row(
      'Scenario sha256',
      per((r) => `<span class="hash">${jsonSha256(r.result.scenario).slice(0, 16)}...</span>`),
    ),
  ];
  // The inputs that differ between the runs.
  const maps = runs.map((r) => {
    const m = new Map(inputsOf(r));
    if (r.operation) {
      for (const k of [...m.keys()]) if (/^operation\.(ebb|flood)\./.test(k)) m.delete(k);
      m.set('operation (as run)', r.operation);
    }
    return m;
  });
  const keys = [...new Set(maps.flatMap((m) => [...m.keys()]))];
  const differ = keys.filter((k) => new Set(maps.map((m) => m.get(k) ?? '(absent)')).size > 1);
  const diffRows = differ
    .map(
      (k) =>
        `<tr><td><code>${escapeHtml(k)}</code></td>${maps.map((m) => `<td>${escapeHtml(m.get(k) ?? '(absent)')}</td>`).join('')}</tr>`,
    )
    .join('');
  const sources = runs
    .map(
      (r) =>
        `<li><b>${escapeHtml(r.label)}</b>: ${r.result.scenario.sources.map(escapeHtml).join('; ') || 'no sources given'}${dataFilesHtml(r.result.summary.data_files)}</li>`,
    )
    .join('');
  return `<section id="section-summary"><h2>Summary</h2><table class="key cmp">${head}${rows.join('')}</table></section>
<section id="section-inputs"><h2>Inputs that differ</h2>${differ.length > 0 ? `<table class="cmp"><tr><th></th>${runs.map((r) => `<th class="run">${escapeHtml(r.label)}</th>`).join('')}</tr>${diffRows}</table>` : '<p>None: the runs have the same inputs.</p>'}
<h2 style="margin-top:12px">Data sources</h2><ul>${sources}</ul><p class="caption">mersey-tidal ${escapeHtml(toolVersion)}.</p></section>`;
}

export interface ReportOptions {
  toolVersion: string;
  /** Start of the fortnight shown first (s since the epoch); default: centred on the largest tide. */
  windowStart?: number;
}

/** Labels for the runs: scenario names, numbered where two are the same. */
export function runLabels(names: readonly string[]): string[] {
  return names.map((n, i) =>
    names.filter((m) => m === n).length > 1 ? `${n} #${names.slice(0, i + 1).filter((m) => m === n).length}` : n,
  );
}

/** The report page of one run, or the comparison page of several. */
export function reportHtml(runs: readonly ReportRun[], o: ReportOptions): string {
  if (runs.length === 0) throw new Error('a report needs at least one run');
  const base = Math.min(...runs.map((r) => r.result.sea.t0));
  const window = chooseWindow(runs[0].result, o.windowStart);
  const figures = runFigures(runs, { base, window });
  const one = runs.length === 1;
  const s0 = runs[0].result.summary;
  return pageHtml({
    title: one ? `${runs[0].label}: tidal-range scheme report` : `Comparison: ${runs.map((r) => r.label).join(' vs ')}`,
    subtitle: one
      ? `${s0.period_start} to ${s0.period_end}, ${fmt(s0.annual_energy_gwh, 1)} GWh/yr${pumps(runs[0]) ? ' net of pumping' : ''}`
      : `${runs.length} scenarios overlaid`,
    header: one ? singleHeader(runs[0], o.toolVersion) : comparisonHeader(runs, o.toolVersion),
    figures,
    t0: base,
    ...runSeries(runs),
    toolVersion: o.toolVersion,
  });
}
