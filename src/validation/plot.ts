/**
 * The validation page (`validate --out`, with or without --quick): modelled against published
 * annual energy of each scheme with its accepted band, the table, and without --quick the Mersey
 * default across the nodal cycle and with sea-level rise; a self-contained page of the report module.
 */

import { fmt, signed } from '../numbers.js';
import { axis, baseLayout, type Figure, RUN_COLOURS, r3, slantedLabelsMargin } from '../report/layout.js';
import { escapeHtml, pageHtml } from '../report/page.js';
import type { Sensitivity } from './sensitivity.js';
import type { ValidationRow } from './suite.js';
import { nodalSummary } from './tables.js';

const offsetName = (x: number) => `sea level ${signed(x)} m`;

function energyByYear(s: Sensitivity): Figure {
  const years = s.years.map((y) => y.year);
  return {
    id: 'nodal-energy',
    title: 'Annual energy across the nodal cycle, with sea-level rise',
    caption:
      `Net annual energy of ${s.scenario} (GWh/yr), one run per calendar year on the harmonic ${s.site} tide, ` +
      `for each uniform sea-level offset; dashed, right axis: the annual mean nodal factor f of M2.`,
    data: [
      ...s.offsets_m.map((x, j) => ({
        type: 'scatter',
        mode: 'lines+markers',
        name: offsetName(x),
        x: years,
        y: s.years.map((y) => y.energy_gwh[j]),
        line: { color: RUN_COLOURS[j % RUN_COLOURS.length], width: 2 },
        hovertemplate: `%{x}: %{y:.1f} GWh/yr<extra>${offsetName(x)}</extra>`,
      })),
      {
        type: 'scatter',
        mode: 'lines',
        name: 'f(M2), annual mean',
        x: years,
        y: s.years.map((y) => y.m2_nodal_factor),
        yaxis: 'y2',
        line: { color: '#555555', dash: 'dash', width: 1.5 },
        hovertemplate: '%{x}: f(M2) = %{y:.4f}<extra></extra>',
      },
    ],
    layout: {
      height: 460,
      margin: { t: 30, r: 70, b: 60, l: 80 },
      legend: { orientation: 'h', y: 1.02, yanchor: 'bottom' },
      xaxis: { title: { text: 'year' }, dtick: 1 },
      yaxis: { title: { text: 'annual energy (GWh/yr)' } },
      yaxis2: { title: { text: 'M2 nodal factor f (dimensionless)' }, overlaying: 'y', side: 'right', showgrid: false },
    },
  };
}

function energyAgainstFactor(s: Sensitivity): Figure {
  return {
    id: 'nodal-factor',
    title: 'Annual energy against the M2 nodal factor',
    caption:
      "Each point a year (labelled on the first offset), for each sea-level offset: energy relative to that offset's mean over the years (%).",
    data: s.offsets_m.map((x, j) => ({
      type: 'scatter',
      mode: j === 0 ? 'markers+text' : 'markers',
      name: offsetName(x),
      x: s.years.map((y) => y.m2_nodal_factor),
      y: s.years.map((y) => (y.energy_gwh[j] / s.mean_gwh[j] - 1) * 100),
      text: s.years.map((y) => String(y.year)),
      textposition: 'top center',
      textfont: { size: 9 },
      marker: { size: 8, color: RUN_COLOURS[j % RUN_COLOURS.length] },
      hovertemplate: `%{text}: f(M2) %{x:.4f}, %{y:.2f} %<extra>${offsetName(x)}</extra>`,
    })),
    layout: {
      height: 440,
      margin: { t: 30, r: 30, b: 60, l: 80 },
      hovermode: 'closest',
      legend: { orientation: 'h', y: 1.02, yanchor: 'bottom' },
      xaxis: { title: { text: 'M2 nodal factor f, annual mean (dimensionless)' } },
      yaxis: { title: { text: 'annual energy relative to the mean (%)' } },
    },
  };
}

/** Modelled / published reference for each scheme, over the published range and the accepted band (ratios). */
export function validationFigure(rows: readonly ValidationRow[]): Figure {
  const names = rows.map((r) => r.scheme.name);
  const ratio = (r: ValidationRow, gwh: number) => r3(gwh / r.scheme.energy.reference_gwh);
  const pass = rows.filter((r) => r.pass).length;
  return {
    id: 'validation',
    title: 'Modelled against published annual energy',
    caption: `Modelled annual energy (net of pumping) over each scheme's published reference figure (dots: green pass, red fail; ${pass} of ${rows.length} pass), over the published range (dark) and the accepted band (light: the range widened by the tolerance).`,
    data: [
      {
        type: 'bar',
        name: 'accepted band (published range +- tolerance)',
        x: names,
        base: rows.map((r) => r3(r.accepted_ratio[0])),
        y: rows.map((r) => r3(r.accepted_ratio[1] - r.accepted_ratio[0])),
        marker: { color: '#d9e4f0' },
        offsetgroup: 'band',
        hovertemplate: rows.map(
          (r) => `accepted ${fmt(r.accepted_gwh[0], 0)}-${fmt(r.accepted_gwh[1], 0)} GWh/yr<extra></extra>`,
        ),
      },
      {
        type: 'bar',
        name: 'published range',
        x: names,
        base: rows.map((r) => ratio(r, r.scheme.energy.low_gwh)),
        y: rows.map((r) => Math.max(0.004, ratio(r, r.scheme.energy.high_gwh) - ratio(r, r.scheme.energy.low_gwh))),
        marker: { color: '#7f9cbf' },
        width: 0.35,
        offsetgroup: 'band',
        hovertemplate: rows.map(
          (r) => `published ${fmt(r.scheme.energy.low_gwh, 0)}-${fmt(r.scheme.energy.high_gwh, 0)} GWh/yr<extra></extra>`,
        ),
      },
      {
        type: 'scatter',
        mode: 'markers',
        name: 'modelled / published reference',
        x: names,
        y: rows.map((r) => r3(r.ratio)),
        marker: {
          size: 11,
          symbol: 'diamond',
          color: rows.map((r) => (r.pass ? '#2a9d3c' : '#b3261e')),
          line: { width: 1, color: '#222' },
        },
        customdata: rows.map((r) => [fmt(r.figures.annual_energy_gwh, 1), fmt(r.scheme.energy.reference_gwh, 0)]),
        hovertemplate: '%{x}: modelled %{customdata[0]} GWh/yr, %{y:.2f} x the published %{customdata[1]} GWh/yr<extra></extra>',
      },
    ],
    layout: {
      ...baseLayout(440),
      barmode: 'overlay',
      margin: { t: 30, r: 30, b: slantedLabelsMargin(names, 20), l: 75 },
      xaxis: axis('scheme', { type: 'category', tickangle: -20, automargin: true }),
      yaxis: axis('annual energy / published reference (ratio)', { rangemode: 'tozero' }),
      shapes: [{ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: 1, y1: 1, line: { color: '#555', width: 1, dash: 'dot' } }],
    },
  };
}

/** An HTML table: the first row the header; `num` marks right-aligned columns. */
function htmlTable(rows: readonly string[][], num: readonly boolean[], cls = ''): string {
  const [head, ...body] = rows;
  const cell = (tag: string, c: string, k: number) => `<${tag}${num[k] ? ' class="num"' : ''}>${escapeHtml(c)}</${tag}>`;
  return `<div class="scroll"><table class="${cls}"><tr>${head.map((c, k) => cell('th', c, k)).join('')}</tr>${body
    .map((r) => `<tr>${r.map((c, k) => cell('td', c, k)).join('')}</tr>`)
    .join('')}</table></div>`;
}

function validationRowsHtml(rows: readonly ValidationRow[]): string {
  const range = (lo: number, hi: number) => (lo === hi ? fmt(lo, 0) : `${fmt(lo, 0)}-${fmt(hi, 0)}`);
  const head = [
    'scheme',
    'status',
    'published (GWh/yr)',
    'modelled, net (GWh/yr)',
    'ratio',
    'accepted (GWh/yr)',
    'verdict',
    'source',
  ];
  const body = rows.map((r) => [
    r.scheme.name,
    r.scheme.status,
    range(r.scheme.energy.low_gwh, r.scheme.energy.high_gwh),
    fmt(r.figures.annual_energy_gwh, 1),
    fmt(r.ratio, 2),
    range(r.accepted_gwh[0], r.accepted_gwh[1]),
    r.pass ? 'pass' : `FAIL (outside +-${fmt(r.scheme.tolerance * 100, 0)} %)`,
    r.scheme.energy.source,
  ]);
  return htmlTable([head, ...body], [false, false, true, true, true, true, false, false], 'pass');
}

function sensitivityRowsHtml(s: Sensitivity): string {
  const head = ['year', 'f(M2)', ...s.offsets_m.map((x) => `${offsetName(x)} (GWh/yr)`)];
  const body = s.years.map((y) => [String(y.year), fmt(y.m2_nodal_factor, 4), ...y.energy_gwh.map((e) => fmt(e, 1))]);
  return htmlTable(
    [head, ...body],
    head.map((_, k) => k > 0),
  );
}

/** The validation page: the modelled-against-published chart and table; with a sensitivity run, its plots and table. */
export function validationHtml(rows: readonly ValidationRow[], sens: Sensitivity | null, o: { toolVersion: string }): string {
  const pass = rows.filter((r) => r.pass).length;
  const n = sens ? nodalSummary(sens) : null;
  return pageHtml({
    title: 'Validation: modelled against published annual energy',
    subtitle: `${pass} of ${rows.length} schemes within their tolerance${sens && n ? `; ${sens.scenario} over ${sens.years[0].year}-${sens.years[sens.years.length - 1].year} ranges over ${fmt(n.peak_to_trough * 100, 1)} % of its mean` : '; sensitivity not run (--quick)'}`,
    header: '',
    figures: [validationFigure(rows), ...(sens ? [energyByYear(sens), energyAgainstFactor(sens)] : [])],
    after:
      `<section id="section-table"><h2>Schemes</h2>${validationRowsHtml(rows)}<p class="caption">Pass when low x (1 - tolerance) <= modelled <= high x (1 + tolerance); ratio = modelled / published reference.</p></section>` +
      (sens
        ? `<section id="section-sensitivity"><h2>Annual energy across the nodal cycle (GWh/yr)</h2>${sensitivityRowsHtml(sens)}<p class="caption">Scenario file ${escapeHtml(sens.file)}; harmonic tide at ${escapeHtml(sens.site)} (m ${escapeHtml(sens.datum)}), step ${fmt(sens.time_step_s, 0)} s. Sea-level rise is a uniform offset of the predicted tide.</p></section>`
        : ''),
    toolVersion: o.toolVersion,
  });
}
