/**
 * The validation and sensitivity results as tables: plain text for the terminal, markdown for
 * the README, CSV and JSON for files. Every figure carries its unit in the header.
 */

import { type CsvValue, csvText } from '../io/csv-write.js';
import { fmt, signed } from '../numbers.js';
import type { Sensitivity } from './sensitivity.js';
import type { PumpingCheck, ValidationRow } from './suite.js';

const pct = (x: number, d = 1) => `${signed(x * 100, d)} %`;

export type TableFormat = 'text' | 'markdown';

/** The pumping check's gain as a percentage of the net without pumping, or "not computed". */
export function pumpingGainText(c: PumpingCheck): string {
  return c.gain_fraction === null ? 'not computed' : `${(c.gain_fraction * 100).toFixed(1)} %`;
}

/** Lays out rows as a fixed-width text table (first row: the header) or as a markdown table. */
export function layout(rows: readonly string[][], format: TableFormat, rightAligned: readonly boolean[]): string {
  if (format === 'markdown') {
    const esc = (c: string) => c.replace(/\|/g, '\\|');
    const [head, ...body] = rows;
    const rule = head.map((_, k) => (rightAligned[k] ? '---:' : '---'));
    return [head, rule, ...body].map((r) => `| ${r.map(esc).join(' | ')} |`).join('\n');
  }
  const width = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
  return rows
    .map((r) =>
      r
        .map((c, k) => (rightAligned[k] ? c.padStart(width[k]) : c.padEnd(width[k])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const range = (lo: number, hi: number, d = 0) => (lo === hi ? fmt(lo, d) : `${fmt(lo, d)}-${fmt(hi, d)}`);

function verdictText(r: ValidationRow): string {
  return r.pass ? 'pass' : `FAIL (outside +-${fmt(r.scheme.tolerance * 100, 0)} %)`;
}

/** The validation table: one row per scheme. Markdown adds the source column; text lists sources below. */
export function validationTable(rows: readonly ValidationRow[], format: TableFormat): string {
  const md = format === 'markdown';
  const head = [
    'scheme',
    'status',
    'installed MW (model / published)',
    'published GWh/yr',
    ...(md ? ['source'] : []),
    'modelled GWh/yr (net)',
    'ratio',
    'accepted GWh/yr',
    'verdict',
  ];
  const body = rows.map((r, i) => {
    const e = r.scheme.energy;
    return [
      md ? r.scheme.name : `${i + 1}. ${r.scheme.name}`,
      r.scheme.status,
      `${fmt(r.figures.installed_capacity_mw, 1)} / ${r.scheme.installed_mw === null ? 'n/p' : fmt(r.scheme.installed_mw, 0)}`,
      e.low_gwh === e.high_gwh ? fmt(e.reference_gwh, 0) : `${range(e.low_gwh, e.high_gwh)} (ref. ${fmt(e.reference_gwh, 0)})`,
      ...(md ? [e.source] : []),
      fmt(r.figures.annual_energy_gwh, 1),
      fmt(r.ratio, 2),
      range(r.accepted_gwh[0], r.accepted_gwh[1]),
      verdictText(r),
    ];
  });
  const table = layout([head, ...body], format, [false, false, true, true, ...(md ? [false] : []), true, true, true, false]);
  if (md) return table;
  const notes = rows.map(
    (r, i) => `  ${i + 1}. ${r.scheme.energy.text}: ${r.scheme.energy.source}; tolerance: ${r.scheme.tolerance_text}`,
  );
  return `${table}\n\nPublished figures and sources (n/p: not published for this configuration)\n${notes.join('\n')}`;
}

/** How each scheme was run: period, step, tide, operation, and the energy's parts. */
export function runDetailsTable(rows: readonly ValidationRow[], format: TableFormat): string {
  const head = [
    'scheme',
    'period (UTC)',
    'step s',
    'tide',
    'operation',
    'generated GWh/yr',
    'pumping GWh/yr',
    'ebb share',
    'capacity factor',
  ];
  const body = rows.map((r) => {
    const g = r.figures;
    return [
      r.scheme.id,
      `${g.period_start.slice(0, 10)} to ${g.period_end.slice(0, 10)}`,
      fmt(g.time_step_s, 0),
      g.tide,
      g.operation,
      fmt(g.annual_generated_energy_gwh, 1),
      fmt(g.annual_pumping_energy_gwh, 1),
      `${fmt(g.ebb_share * 100, 0)} %`,
      `${fmt(g.capacity_factor * 100, 1)} %`,
    ];
  });
  return layout([head, ...body], format, [false, false, true, false, false, true, true, true, true]);
}

const csv = ([head, ...body]: readonly (readonly CsvValue[])[]) => csvText(head as string[], body);

/** One row per scheme, numbers in full. */
export function validationCsv(rows: readonly ValidationRow[]): string {
  const head = [
    'id',
    'name',
    'status',
    'scenario_file',
    'installed_capacity_mw',
    'published_installed_mw',
    'published_low_gwh',
    'published_high_gwh',
    'published_reference_gwh',
    'published_text',
    'published_source',
    'tolerance',
    'accepted_low_gwh',
    'accepted_high_gwh',
    'annual_energy_gwh',
    'annual_generated_energy_gwh',
    'annual_pumping_energy_gwh',
    'ratio',
    'pass',
    'period_start',
    'period_end',
    'time_step_s',
    'tide_source',
    'operation',
    'ebb_share',
    'capacity_factor',
  ];
  return csv([
    head,
    ...rows.map((r) => {
      const s = r.scheme;
      const g = r.figures;
      return [
        s.id,
        s.name,
        s.status,
        r.file,
        g.installed_capacity_mw,
        s.installed_mw,
        s.energy.low_gwh,
        s.energy.high_gwh,
        s.energy.reference_gwh,
        s.energy.text,
        s.energy.source,
        s.tolerance,
        r.accepted_gwh[0],
        r.accepted_gwh[1],
        g.annual_energy_gwh,
        g.annual_generated_energy_gwh,
        g.annual_pumping_energy_gwh,
        r.ratio,
        r.pass,
        g.period_start,
        g.period_end,
        g.time_step_s,
        g.tide_source,
        g.operation,
        g.ebb_share,
        g.capacity_factor,
      ];
    }),
  ]);
}

/** The nodal-cycle figures of the sensitivity at one offset (index into offsets_m). */
export interface NodalSummary {
  /** (largest - smallest) / mean annual energy (fraction). */
  peak_to_trough: number;
  max_year: number;
  min_year: number;
  /** Years of the largest and smallest annual mean M2 nodal factor. */
  f_max_year: number;
  f_min_year: number;
  /** Pearson correlation of annual energy with the annual mean M2 nodal factor. */
  correlation: number;
  /** Least-squares slope of ln(energy) on ln(f(M2)): the energy's elasticity to the M2 amplitude. */
  elasticity: number;
}

export function nodalSummary(s: Sensitivity, offset = 0): NodalSummary {
  const e = s.years.map((y) => y.energy_gwh[offset]);
  const fm = s.years.map((y) => y.m2_nodal_factor);
  const at = (xs: number[], pick: (a: number, b: number) => boolean) =>
    s.years[xs.reduce((best, x, i) => (pick(x, xs[best]) ? i : best), 0)].year;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const me = mean(e);
  const mf = mean(fm);
  let sef = 0;
  let see = 0;
  let sff = 0;
  let slog = 0;
  let sll = 0;
  const le = e.map(Math.log);
  const lf = fm.map(Math.log);
  const mle = mean(le);
  const mlf = mean(lf);
  for (let i = 0; i < e.length; i++) {
    sef += (e[i] - me) * (fm[i] - mf);
    see += (e[i] - me) ** 2;
    sff += (fm[i] - mf) ** 2;
    slog += (le[i] - mle) * (lf[i] - mlf);
    sll += (lf[i] - mlf) ** 2;
  }
  return {
    peak_to_trough: (Math.max(...e) - Math.min(...e)) / me,
    max_year: at(e, (a, b) => a > b),
    min_year: at(e, (a, b) => a < b),
    f_max_year: at(fm, (a, b) => a > b),
    f_min_year: at(fm, (a, b) => a < b),
    correlation: sef / Math.sqrt(see * sff),
    elasticity: slog / sll,
  };
}

const offsetLabel = (x: number) => `${signed(x, x === Math.round(x) ? 0 : 1)} m`;

/** Annual energy per year and sea-level offset, the means, and the nodal summary below. */
export function sensitivityTable(s: Sensitivity, format: TableFormat): string {
  const head = ['year', 'f(M2)', ...s.offsets_m.map((x) => `GWh/yr, sea ${offsetLabel(x)}`)];
  const body = s.years.map((y) => [String(y.year), fmt(y.m2_nodal_factor, 4), ...y.energy_gwh.map((e) => fmt(e, 1))]);
  const base = s.mean_gwh[0];
  body.push([`mean ${s.years[0].year}-${s.years[s.years.length - 1].year}`, '', ...s.mean_gwh.map((e) => fmt(e, 1))]);
  body.push([`change of the mean`, '', ...s.mean_gwh.map((e) => pct(e / base - 1))]);
  const table = layout([head, ...body], format, [false, true, ...s.offsets_m.map(() => true)]);
  const n = nodalSummary(s);
  const note =
    `Nodal cycle (sea ${offsetLabel(s.offsets_m[0])}): annual energy ranges over ${fmt(n.peak_to_trough * 100, 1)} % of its mean, ` +
    `largest in ${n.max_year} and smallest in ${n.min_year}; the M2 nodal factor is largest in ${n.f_max_year} and smallest in ${n.f_min_year}; ` +
    `correlation of energy with f(M2) ${fmt(n.correlation, 3)}, elasticity d ln E / d ln f(M2) ${fmt(n.elasticity, 2)}.`;
  return `${table}\n\n${note}`;
}

/** One row per year: the M2 nodal factor and the energy at each offset. */
export function sensitivityCsv(s: Sensitivity): string {
  return csv([
    ['year', 'm2_nodal_factor', ...s.offsets_m.map((x) => `energy_gwh_offset_${x}_m`)],
    ...s.years.map((y) => [y.year, y.m2_nodal_factor, ...y.energy_gwh]),
  ]);
}
