/**
 * The self-contained HTML page: plotly.js and the data inlined, so the file opens offline and
 * makes no network request. Figures are built in figures.ts / sweep.ts; this module writes the
 * page around them: header tables, sections, captions and the few lines of script that draw.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fmt } from '../numbers.js';
import { scaledToYear } from '../simulate.js';
import { durationText } from '../time.js';
import { fileSha256, jsonSha256 } from './digest.js';
import type { DisplayBudget } from './downsample.js';
import type { Figure, ReportRun } from './figures.js';
import { chooseWindow, runFigures } from './figures.js';

let plotly: { text: string; version: string } | undefined;

/** The plotly.js bundle to inline (the minified build when the package has one), made safe inside a script element. */
export function plotlyBundle(): { text: string; version: string } {
  if (!plotly) {
    const req = createRequire(import.meta.url);
    const pkgFile = req.resolve('plotly.js-dist/package.json');
    const dir = dirname(pkgFile);
    const file = existsSync(join(dir, 'plotly.min.js')) ? join(dir, 'plotly.min.js') : join(dir, 'plotly.js');
    const raw = readFileSync(file, 'utf8');
    // "</script" would end the element early; "<!--" would change how the element's end is found.
    if (raw.includes('<!--')) throw new Error(`${file}: contains "<!--", which cannot be inlined in a script element safely`);
    plotly = {
      text: raw.replace(/<\/(script)/gi, '<\\/$1'),
      version: (JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string }).version,
    };
  }
  return plotly;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON that can sit inside a script element: "<" escaped so no tag can close or open in it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #222; margin: 0; background: #f6f7f9; }
main { max-width: 1280px; margin: 0 auto; padding: 18px 24px 40px; }
h1 { font-size: 22px; margin: 6px 0 2px; }
h2 { font-size: 17px; margin: 0 0 6px; }
.sub { color: #555; margin: 0 0 14px; }
section { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 14px 16px 10px; margin: 14px 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 10px 4px 0; border-bottom: 1px solid #eceef1; }
th { font-weight: 600; white-space: nowrap; color: #333; width: 1%; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.cmp td, table.cmp th.run { text-align: right; font-variant-numeric: tabular-nums; }
.key td { font-size: 15px; }
.big { font-size: 18px; font-weight: 600; }
ul { margin: 0; padding-left: 18px; }
code, .hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.caption { color: #555; font-size: 12.5px; margin: 4px 0 0; }
.plot { width: 100%; }
footer { color: #777; font-size: 12px; margin-top: 20px; }
`;

/** Draws every figure; marks the body when done (data-rendered = number of plots) or failed (data-error). */
const DRAW = `
(function () {
  var d = JSON.parse(document.getElementById('report-data').textContent);
  var base = d.t0 * 1000;
  var jobs = d.figures.map(function (f) {
    f.data.forEach(function (t) {
      if (t.xt) { t.x = t.xt.map(function (s) { return base + s * 1000; }); delete t.xt; }
    });
    return Plotly.newPlot(f.id, f.data, f.layout, { responsive: true, displaylogo: false });
  });
  Promise.all(jobs).then(function () { document.body.setAttribute('data-rendered', String(jobs.length)); },
    function (e) { document.body.setAttribute('data-error', String(e)); console.error(e); });
})();
`;

export interface PageParts {
  title: string;
  subtitle: string;
  /** HTML placed above the plots (tables), already escaped. */
  header: string;
  figures: Figure[];
  /** HTML sections after the plots, already escaped. */
  after?: string;
  /** Base time of the figures' `xt` values (s since the epoch). */
  t0?: number;
  toolVersion: string;
}

/** The whole page as one string. */
export function pageHtml(p: PageParts): string {
  const { text, version } = plotlyBundle();
  const sections = p.figures
    .map(
      (f) =>
        `<section id="section-${f.id}"><h2>${escapeHtml(f.title)}</h2><div class="plot" id="${f.id}"></div><p class="caption">${escapeHtml(f.caption)}</p></section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mersey-tidal ${escapeHtml(p.toolVersion)}">
<title>${escapeHtml(p.title)}</title>
<style>${STYLE}</style>
<script>${text}</script>
</head>
<body>
<main>
<h1>${escapeHtml(p.title)}</h1>
<p class="sub">${escapeHtml(p.subtitle)}</p>
${p.header}
${sections}
${p.after ?? ''}
<footer>Written by mersey-tidal ${escapeHtml(p.toolVersion)} with plotly.js ${escapeHtml(version)} inlined: this file is self-contained and opens offline. Drag to zoom, double-click to reset.</footer>
</main>
<script type="application/json" id="report-data">${scriptJson({ t0: p.t0 ?? 0, figures: p.figures })}</script>
<script>${DRAW}</script>
</body>
</html>
`;
}

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

const operationText = (r: ReportRun) =>
  escapeHtml(
    flattenInputs(r.result.scenario.operation)
      .map(([k, v]) => (k === 'mode' ? v : `${k} ${v}`))
      .join(', '),
  );

function periodText(r: ReportRun): string {
  const s = r.result.summary;
  return escapeHtml(`${s.period_start} to ${s.period_end} (${fmt(s.period_days, 2)} days), step ${durationText(s.time_step_s)}`);
}

const pumps = (r: ReportRun) => r.result.summary.pumping_energy_gwh > 0;

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
    [`Full-load hours${net}`, `${fmt(s.full_load_hours, 0)} h/period`],
    ['Hours generating', `${fmt(s.generating_hours, 0)} h`],
    ['Tides / generating periods', `${fmt(s.tides, 0)} high waters / ${fmt(s.generating_periods, 0)}`],
    ['Mass balance error', `${s.mass_balance_error.toExponential(1)} (relative)`],
  );
  return rows;
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
  const maps = runs.map((r) => new Map(inputsOf(r)));
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
  budget?: DisplayBudget;
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
  const figures = runFigures(runs, { base, window, budget: o.budget });
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
    toolVersion: o.toolVersion,
  });
}
