/**
 * The self-contained HTML page: plotly.js, the data and the few lines that draw are inlined, so
 * the file opens offline and makes no network request. The text comes first and the scripts last,
 * so the tables show before plotly.js is parsed. Time series go in whole (series-codec.ts: 16-bit
 * quantised or Float32, modes as bytes, base64): the page resamples them on every zoom and pan
 * (resample.ts), so a window of a day or less shows every step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { Figure } from './layout.js';
import type { LegendItem, LegendSymbol } from './legend.js';
import { detailPointsFor, displayIndices, OVERVIEW_POINTS } from './resample.js';
import { decodeColumn, type PageColumn } from './series-codec.js';

/**
 * The plotly.js bundle inlined: plotly.js's core with the bar and heatmap traces, built from the
 * pinned plotly.js package by scripts/build-plotly.js at `npm run build` (docs/reports.md says why).
 */
const PLOTLY_DIR = join(PACKAGE_ROOT, 'dist', 'plotly');

let plotly: { text: string; version: string; traces: readonly string[] } | undefined;

/** The plotly.js bundle to inline, made safe inside a script element. */
export function plotlyBundle(): { text: string; version: string; traces: readonly string[] } {
  if (!plotly) {
    const file = join(PLOTLY_DIR, 'plotly-report.min.js');
    let raw: string;
    let manifest: { plotly_js: string; traces: string[] };
    try {
      raw = readFileSync(file, 'utf8');
      manifest = JSON.parse(readFileSync(join(PLOTLY_DIR, 'plotly-report.json'), 'utf8'));
    } catch (e) {
      throw new Error(
        `${file}: the plotly.js bundle of the report pages is missing; run \`npm run build\` (${(e as Error).message})`,
      );
    }
    // "</script" would end the element early; "<!--" would change how the element's end is found.
    if (raw.includes('<!--')) throw new Error(`${file}: contains "<!--", which cannot be inlined in a script element safely`);
    plotly = { text: raw.replace(/<\/(script)/gi, '<\\/$1'), version: manifest.plotly_js, traces: manifest.traces };
  }
  return plotly;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * JSON that can sit inside a script element: "<" escaped so no tag can close or open in it, and
 * every character outside ASCII written as a JSON unicode escape (see asciiHtml).
 */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * HTML with every character outside ASCII written as a numeric character reference. A page whose
 * bytes are all ASCII is held by Chromium in 8-bit strings; one character above U+00FF (a "\u25a0"
 * in a legend) makes it decode and parse the whole multi-megabyte page as 16-bit text, which
 * delayed the first plot markedly (docs/reports.md).
 */
function asciiHtml(s: string): string {
  return s.replace(/[\u0080-\u{10ffff}]/gu, (c) => `&#${c.codePointAt(0)};`);
}

/**
 * The uniform series of one run, as the page holds them: sample i at t0 + i dt, each series a
 * column of the page's `columns` (series-codec.ts) named by its index in `cols`. A trace drawn
 * from them names its series instead of carrying x and y: `src: { s, key, scale?, hover? }` (s:
 * index in the page's series; key: a name in cols, or 'head', which the page derives as basin -
 * sea; hover: a byte column whose value, as a name in `names[hover]`, goes in the trace's
 * customdata).
 */
export interface PageSeries {
  t0: number;
  dt: number;
  cols: Record<string, number>;
  names?: Record<string, readonly string[]>;
}

/** plotly.js's dash patterns (components/drawing dashStyle), for a line `width` px wide. */
function dashArray(dash: string, width: number): string {
  const w = Math.max(width, 3);
  if (dash === 'dot') return `${w},${w}`;
  if (dash === 'dash') return `${3 * w},${3 * w}`;
  return '';
}

function symbolSvg(s: LegendSymbol): string {
  const c = escapeHtml(s.colour);
  const parts: string[] = [];
  if (s.bar) parts.push(`<rect x="7" y="1" width="16" height="10" fill="${c}"/>`);
  if (s.fill) parts.push(`<rect x="1" y="6" width="28" height="6" fill="${c}" fill-opacity="0.5"/>`);
  if (s.line) {
    const dash = dashArray(s.line.dash, s.line.width);
    parts.push(
      `<line x1="1" y1="6" x2="29" y2="6" stroke="${c}" stroke-width="${Math.min(s.line.width, 6)}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    );
  }
  if (s.marker === 'circle') parts.push(`<circle cx="15" cy="6" r="4" fill="${c}"/>`);
  if (s.marker === 'square') parts.push(`<rect x="11" y="2" width="8" height="8" fill="${c}"/>`);
  if (s.marker === 'line-ew') parts.push(`<line x1="9" y1="6" x2="21" y2="6" stroke="${c}" stroke-width="3"/>`);
  if (s.marker === 'triangle-up') parts.push(`<path d="M15 1.5L19.5 10.5H10.5Z" fill="${c}"/>`);
  return `<svg width="30" height="12" viewBox="0 0 30 12" aria-hidden="true"${s.opacity < 1 ? ` opacity="${s.opacity}"` : ''}>${parts.join('')}</svg>`;
}

/** The legend of figure `k` of the page (legend.ts): a button per entry, which DRAW's click handler toggles. */
function legendHtml(items: readonly LegendItem[], k: number): string {
  return `<div class="plot-legend">${items
    .map(
      (it, i) =>
        `<button type="button" class="legend-item" data-f="${k}" data-k="${i}" title="show or hide">${symbolSvg(it.symbol)}${escapeHtml(it.name)}</button>`,
    )
    .join('')}</div>`;
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #222; margin: 0; background: #f6f7f9; }
main { max-width: 1280px; margin: 0 auto; padding: 18px 24px 40px; box-sizing: border-box; }
h1 { font-size: 22px; margin: 6px 0 2px; }
h2 { font-size: 17px; margin: 0 0 6px; }
.sub { color: #555; margin: 0 0 14px; }
section { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 14px 16px 10px; margin: 14px 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 10px 4px 0; border-bottom: 1px solid #eceef1; }
th { font-weight: 600; white-space: nowrap; color: #333; width: 1%; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.cmp td, table.cmp th.run { text-align: right; font-variant-numeric: tabular-nums; }
table.pass td.bad { color: #b3261e; font-weight: 600; }
.key td { font-size: 15px; }
.big { font-size: 18px; font-weight: 600; }
ul { margin: 0; padding-left: 18px; }
code, .hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.caption { color: #555; font-size: 12.5px; margin: 4px 0 0; }
.plot { width: 100%; min-height: 200px; }
.plot-legend { display: flex; flex-wrap: wrap; gap: 2px 14px; margin: 2px 0 0 75px; }
.legend-item { display: inline-flex; align-items: center; gap: 5px; border: 0; padding: 0; background: none; font: 12px/1.5 system-ui, sans-serif; color: #444; cursor: pointer; }
.legend-item.off { opacity: 0.4; }
#tides .shapelayer path { stroke-linecap: round; } /* the dots of plots/tides.ts dotShape */
footer { color: #777; font-size: 12px; margin-top: 20px; }
`;

/**
 * Draws every figure after the first paint; marks the body when done (data-rendered = number of
 * plots; data-drawn-ms = ms since navigation, for the bench) or failed (data-error). Traces with `src` are filled from the page's series for the
 * x range in view, again after every zoom or pan (data-resampled counts the refills). The
 * functions inlined by their source are bound to the names the script calls: a bundler may rename
 * a function (the command is bundled, scripts/build-cli.js), and its source then carries the new name.
 */
const DRAW = `
(function () {
  var displayIndices = ${displayIndices.toString()};
  var detailPointsFor = ${detailPointsFor.toString()};
  var decodeColumn = ${decodeColumn.toString()};
  var d = JSON.parse(document.getElementById('report-data').textContent);
  function bytes(b64) {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b64);
    var s = atob(b64), u = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
    return u;
  }
  function inflate(b) {
    return new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer();
  }
  var series = [];
  var ready = Promise.all((d.columns || []).map(function (c) { return inflate(bytes(c.b64)); })).then(function (raw) {
    var columns = raw.map(function (a, i) { return decodeColumn(d.columns[i], new Uint8Array(a)); });
    series = (d.series || []).map(function (s) {
      var out = { t0: s.t0, dt: s.dt, v: {}, names: s.names || {} };
      Object.keys(s.cols).forEach(function (k) { out.v[k] = columns[s.cols[k]]; });
      return out;
    });
  });
  function values(s, key) {
    if (!s.v[key] && key === 'head') {
      var h = new Float64Array(s.v.basin.length);
      for (var i = 0; i < h.length; i++) h[i] = s.v.basin[i] - s.v.sea[i];
      s.v.head = h;
    }
    return s.v[key];
  }
  var base = d.t0 * 1000;
  // Times go to plotly.js as text without a zone, which it reads as given (UTC here): a number
  // (ms since the epoch) it shows in the browser's own zone, an hour late in British summer time.
  var days = {};
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function when(ms) {
    ms = Math.round(ms);
    var k = Math.floor(ms / 864e5), day = days[k], r = ms - k * 864e5, sec = (r % 6e4) / 1000;
    if (day === undefined) day = days[k] = new Date(k * 864e5).toISOString().slice(0, 10) + ' ';
    return day + two(Math.floor(r / 36e5)) + ':' + two(Math.floor(r / 6e4) % 60) + ':' + (sec < 10 ? '0' : '') + sec;
  }
  var resampled = 0;
  /** Fills the src traces of plot gd for the x range [a, b] (ms); returns whether any changed. */
  function fill(gd, traces, a, b) {
    var width = (gd._fullLayout && gd._fullLayout._size) ? gd._fullLayout._size.w : Math.max(300, gd.clientWidth - 110);
    traces.forEach(function (t) {
      var s = series[t.src.s], v = values(s, t.src.key), scale = t.src.scale || 1;
      var lo = (a / 1000 - s.t0) / s.dt - 1, hi = (b / 1000 - s.t0) / s.dt + 2;
      var idx = displayIndices(v, lo, hi, detailPointsFor(width, s.dt), ${OVERVIEW_POINTS});
      var x = new Array(idx.length), y = new Array(idx.length);
      var at = s.when || (s.when = []);
      for (var j = 0; j < idx.length; j++) {
        var i = idx[j];
        x[j] = at[i] || (at[i] = when((s.t0 + i * s.dt) * 1000));
        y[j] = v[i] * scale;
      }
      t.x = x; t.y = y;
      if (t.src.hover) {
        var m = values(s, t.src.hover), names = s.names[t.src.hover];
        t.customdata = idx.map(function (i) { return names[m[i]]; });
      }
    });
  }
  function rangeMs(r) {
    return r.map(function (x) { return typeof x === 'number' ? x : Date.parse(String(x).replace(' ', 'T') + (String(x).length > 10 ? 'Z' : 'T00:00:00Z')); });
  }
  function draw() {
    var jobs = d.figures.map(function (f) {
      f.data.forEach(function (t) {
        if (t.xt) { t.x = t.xt.map(function (s) { return s === null ? null : when(base + s * 1000); }); delete t.xt; }
      });
      var zoomed = f.data.filter(function (t) { return t.src; });
      if (zoomed.length > 0) {
        var r = rangeMs(f.layout.xaxis.range);
        fill(document.getElementById(f.id), zoomed, r[0], r[1]);
      }
      return Plotly.newPlot(f.id, f.data, f.layout, { responsive: true, displaylogo: false }).then(function (gd) {
        if (zoomed.length === 0) return;
        var which = [];
        gd.data.forEach(function (t, i) { if (t.src) which.push(i); });
        var busy = false;
        gd.on('plotly_relayout', function (e) {
          if (busy || !Object.keys(e).some(function (k) { return k.indexOf('xaxis') === 0; })) return;
          var r = rangeMs(gd._fullLayout.xaxis.range);
          var ts = which.map(function (i) { return gd.data[i]; });
          fill(gd, ts, r[0], r[1]);
          busy = true;
          Plotly.restyle(gd, {
            x: ts.map(function (t) { return t.x; }),
            y: ts.map(function (t) { return t.y; }),
            customdata: ts.map(function (t) { return t.customdata || null; })
          }, which).then(function () {
            busy = false;
            document.body.setAttribute('data-resampled', String(++resampled));
          });
        });
      });
    });
    return Promise.all(jobs).then(function () {
      document.body.setAttribute('data-drawn-ms', String(Math.round(performance.now())));
      document.body.setAttribute('data-rendered', String(jobs.length));
    });
  }
  // The page's legends (legend.ts): an entry hides or shows its traces and shapes.
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('.legend-item');
    if (!b) return;
    var f = d.figures[Number(b.getAttribute('data-f'))], item = f.legend[Number(b.getAttribute('data-k'))];
    var gd = document.getElementById(f.id);
    if (!gd._fullLayout) return; // the legend shows with the text, before its plot is drawn
    var off = b.classList.toggle('off'), shown = {};
    if (item.traces.length > 0) Plotly.restyle(gd, { visible: off ? 'legendonly' : true }, item.traces);
    item.shapes.forEach(function (i) { shown['shapes[' + i + '].visible'] = !off; });
    if (item.shapes.length > 0) Plotly.relayout(gd, shown);
  });
  function failed(e) { document.body.setAttribute('data-error', String(e)); console.error(e); }
  // After the first paint, so the text shows before the plots are built, and the columns inflated.
  requestAnimationFrame(function () { setTimeout(function () { ready.then(draw).catch(failed); }, 0); });
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
  /** Series the `src` traces are drawn from, and the columns they name. */
  series?: PageSeries[];
  columns?: PageColumn[];
  toolVersion: string;
}

/** The whole page as one string. */
export function pageHtml(p: PageParts): string {
  const { text, version, traces } = plotlyBundle();
  const sections = p.figures
    .map(
      (f, k) =>
        `<section id="section-${f.id}"><h2>${escapeHtml(f.title)}</h2>${f.legend ? legendHtml(f.legend, k) : ''}<div class="plot" id="${f.id}"></div><p class="caption">${escapeHtml(f.caption)}</p></section>`,
    )
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mersey-tidal ${escapeHtml(p.toolVersion)}">
<title>${escapeHtml(p.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(p.title)}</h1>
<p class="sub">${escapeHtml(p.subtitle)}</p>
${p.header}
${sections}
${p.after ?? ''}
<footer>Written by mersey-tidal ${escapeHtml(p.toolVersion)} with plotly.js ${escapeHtml(version)} (core with ${escapeHtml(traces.join(', '))}) inlined: this file is self-contained and opens offline. Drag to zoom (every step is drawn in a window of a day or less), double-click to reset.</footer>
</main>
`;
  return `${asciiHtml(html)}<script type="application/json" id="report-data">${scriptJson({ t0: p.t0 ?? 0, figures: p.figures, columns: p.columns ?? [], series: p.series ?? [] })}</script>
<script>${text}</script>
<script>${DRAW}</script>
</body>
</html>
`;
}
