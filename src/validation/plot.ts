/**
 * The sensitivity page: annual energy across the nodal cycle for each sea-level offset, with the
 * M2 nodal factor, as a self-contained HTML page of the report module (plotly inlined).
 */

import { fmt, signed } from '../numbers.js';
import type { Figure } from '../report/layout.js';
import { RUN_COLOURS } from '../report/layout.js';
import { escapeHtml, pageHtml } from '../report/page.js';
import type { Sensitivity } from './sensitivity.js';
import { nodalSummary, sensitivityTable } from './tables.js';

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

export function sensitivityHtml(s: Sensitivity, o: { toolVersion: string }): string {
  const n = nodalSummary(s);
  const first = s.years[0].year;
  const last = s.years[s.years.length - 1].year;
  return pageHtml({
    title: `${s.scenario}: annual energy across the nodal cycle and with sea-level rise`,
    subtitle: `${first}-${last}, harmonic tide at ${s.site} (m ${s.datum}), step ${fmt(s.time_step_s, 0)} s; energy ranges over ${fmt(n.peak_to_trough * 100, 1)} % of its mean across the years`,
    header: `<section id="section-table"><h2>Annual energy (GWh/yr)</h2><pre style="white-space: pre-wrap">${escapeHtml(sensitivityTable(s, 'text'))}</pre><p class="caption">Scenario file ${escapeHtml(s.file)}. Sea-level rise is a uniform offset of the predicted tide: the tidal amplitudes are unchanged; the energy changes through the basin's area-level curve only.</p></section>`,
    figures: [energyByYear(s), energyAgainstFactor(s)],
    toolVersion: o.toolVersion,
  });
}
