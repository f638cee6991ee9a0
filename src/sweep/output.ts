/**
 * The result of a sweep: designs.csv and designs.json (one row per design: its swept inputs and
 * figures, every column with its unit), designs.html (the report module's sweep page), the best
 * designs, and the terminal table of them. Numbers
 * are written in full (shortest round-trip form) so a merge of shards reproduces a single run's
 * files byte for byte, and a reader gets every bit the solver produced.
 */
import { basename } from 'node:path';
import { csvRow } from '../io/csv-write.js';
import { fmt } from '../numbers.js';
import { sweepReportHtml } from '../report/sweep.js';
import type { FieldChange } from '../scenario/overrides.js';
import type { DesignMetrics } from './design-metrics.js';
import type { DesignRow } from './run.js';
import type { LoadedSweep } from './spec.js';
import { unitSuffix } from './spec.js';
import { PAGE_DESIGNS, type SweepSummary } from './summary.js';

/** The file that identifies a sweep result folder (written first). */
export const SWEEP_IDENTITY = 'designs.csv';

/** Version of the designs.json layout; bump when fields change meaning (shard.json has its own: SHARD_FORMAT). */
export const SWEEP_FORMAT = 1;

/** What a result records about its sweep: enough to describe it and to tell two sweeps apart. */
export interface SweepHeader {
  name: string;
  description: string;
  /** The sweep file's name (its folder differs between machines). */
  sweep_file: string;
  /** SHA-256 of the sweep file, base scenario, price file and command-line changes. */
  sha256: string;
  tool_version: string;
  method: 'grid' | 'lhs';
  samples: number | null;
  seed: number | null;
  base: string;
  overrides: Record<string, unknown>;
  /** The changes given on the command line (--set), in order (also in `overrides`): they name the default result folder. */
  command_line_changes: FieldChange[];
  prices_file: string | null;
  parameters: Array<
    { path: string; unit: string } & ({ values: readonly number[] } | { min: number; max: number; step: number | null })
  >;
  design_count: number;
  /** "shared", or "per design" with the swept fields that change it. */
  sea_level: string;
  /** What was done to the shared sea level's data (e.g. gaps filled). */
  data_notes: string[];
}

export function sweepHeader(s: LoadedSweep, toolVersion: string, dataNotes: readonly string[]): SweepHeader {
  const { spec } = s;
  return {
    name: spec.name,
    description: spec.description,
    sweep_file: basename(spec.file),
    sha256: spec.sha256,
    tool_version: toolVersion,
    method: spec.method,
    samples: spec.samples,
    seed: spec.seed,
    base: spec.base,
    overrides: spec.overrides,
    command_line_changes: spec.changes,
    prices_file: spec.prices,
    parameters: spec.parameters.map((p) => ({
      path: p.path,
      unit: unitSuffix(p.path),
      ...(p.domain.kind === 'list' ? { values: p.domain.values } : { min: p.domain.min, max: p.domain.max, step: p.domain.step }),
    })),
    design_count: s.designs.count,
    sea_level: s.seaPaths.length === 0 ? 'shared' : `per design (swept: ${s.seaPaths.join(', ')})`,
    data_notes: [...dataNotes],
  };
}

interface Column {
  name: string;
  unit: string;
  description: string;
}

const FIGURE_COLUMNS: Array<Column & { key: keyof DesignMetrics; revenue?: boolean }> = [
  { key: 'installed_capacity_mw', name: 'installed_capacity_mw', unit: 'MW', description: 'turbine count x unit rated power' },
  {
    key: 'annual_energy_gwh',
    name: 'annual_energy_gwh',
    unit: 'GWh/yr',
    description: 'energy over the period, scaled to 365.25 days (as in summary.json)',
  },
  { key: 'capacity_factor', name: 'capacity_factor', unit: 'fraction', description: 'mean power / installed capacity' },
  {
    key: 'revenue_gbp_per_yr',
    name: 'revenue_gbp_per_yr',
    unit: 'GBP/yr',
    description: 'sum of energy per step x price in force, scaled to 365.25 days',
    revenue: true,
  },
  {
    key: 'captured_price_gbp_per_mwh',
    name: 'captured_price_gbp_per_mwh',
    unit: 'GBP/MWh',
    description: 'revenue / energy',
    revenue: true,
  },
];

function columns(h: SweepHeader): Column[] {
  return [
    { name: 'design', unit: '', description: 'design index (0-based, the order of the expansion)' },
    ...h.parameters.map((p) => ({ name: p.path, unit: p.unit, description: 'swept input' })),
    ...FIGURE_COLUMNS.filter((c) => !c.revenue || h.prices_file !== null).map(({ name, unit, description }) => ({
      name,
      unit,
      description,
    })),
  ];
}

/** The names of a header's columns, worked out once per header (they are read for every row). */
const NAMES = new WeakMap<SweepHeader, string[]>();
function columnNames(h: SweepHeader): string[] {
  let names = NAMES.get(h);
  if (!names) {
    names = columns(h).map((c) => c.name);
    NAMES.set(h, names);
  }
  return names;
}

/** A design row as a flat JSON object keyed by column name. */
export function rowObject(h: SweepHeader, r: DesignRow): Record<string, number | null> {
  const o: Record<string, number | null> = { design: r.design };
  h.parameters.forEach((p, j) => {
    o[p.path] = r.inputs[j];
  });
  for (const c of FIGURE_COLUMNS) if (!c.revenue || h.prices_file !== null) o[c.key] = r[c.key];
  return o;
}

/** The header row of designs.csv. */
export function csvHeader(h: SweepHeader): string {
  return `${csvRow(columnNames(h))}\n`;
}

/** One row of designs.csv, with its line end. */
export function csvLine(h: SweepHeader, r: DesignRow): string {
  const o = rowObject(h, r);
  return `${csvRow(columnNames(h).map((n) => o[n]))}\n`;
}

/**
 * A row of designs.csv read back (a shard's, by merge): `cells` in the columns of csvHeader.
 * Numbers are written in shortest round-trip form, so the row is the one written, to the bit.
 */
export function rowFromCsv(h: SweepHeader, cells: readonly string[]): DesignRow {
  const o: Record<string, number | null> = {};
  columnNames(h).forEach((n, j) => {
    o[n] = cells[j] === '' ? null : Number(cells[j]);
  });
  const num = (k: string) => o[k] as number;
  return {
    design: num('design'),
    inputs: h.parameters.map((p) => num(p.path)),
    installed_capacity_mw: num('installed_capacity_mw'),
    annual_energy_gwh: num('annual_energy_gwh'),
    capacity_factor: num('capacity_factor'),
    revenue_gbp_per_yr: o.revenue_gbp_per_yr ?? null,
    captured_price_gbp_per_mwh: o.captured_price_gbp_per_mwh ?? null,
  };
}

/**
 * designs.json is written in pieces, so that its rows can be written as they come:
 * designsJsonHead, then designsJsonRow of each row, then designsJsonTail. Together they are
 * exactly JSON.stringify(document, null, 2) of the whole document, whose last field is `designs`.
 */
export function designsJsonHead(h: SweepHeader, s: SweepSummary): string {
  const best = {
    by_energy: s.byEnergy.rows(5).map((r) => r.design),
    by_revenue: s.byRevenue === null ? null : s.byRevenue.rows(5).map((r) => r.design),
  };
  const doc = { format: SWEEP_FORMAT, kind: 'mersey-tidal sweep', sweep: h, columns: columns(h), best, designs: [] };
  const whole = JSON.stringify(doc, null, 2);
  const empty = '[]\n}';
  if (!whole.endsWith(`"designs": ${empty}`)) throw new Error('designs.json: the designs are expected last');
  return `${whole.slice(0, -empty.length)}[`;
}

/** The k-th row (0-based) of designs.json's designs, with the separator before it. */
export function designsJsonRow(h: SweepHeader, r: DesignRow, k: number): string {
  return `${k === 0 ? '\n' : ',\n'}${JSON.stringify(rowObject(h, r), null, 2).replace(/^/gm, '    ')}`;
}

/** The end of designs.json after `n` rows. */
export function designsJsonTail(n: number): string {
  return n === 0 ? ']\n}\n' : '\n  ]\n}\n';
}

/**
 * designs.html: the report module's sweep page (main effects, the heat map over `heatmap` or the
 * two strongest levers, energy against capacity, the Pareto front where prices are given, the
 * top designs), over the designs the summary chose for it (all of them up to PAGE_DESIGNS).
 */
export function sweepPage(h: SweepHeader, s: SweepSummary, o: { heatmap?: [string, string] } = {}): string {
  const page = s.page();
  const view = {
    heatmap: o.heatmap,
    inputs: h.parameters.map((p) => p.path),
    ...(h.prices_file !== null ? { revenue: 'revenue_gbp_per_yr' } : {}),
  };
  return sweepReportHtml(page.rows, view, {
    title: `Design sweep ${h.name}`,
    toolVersion: h.tool_version,
    description: h.description,
    ...(page.sampled
      ? {
          shown: {
            designs: page.designs,
            how: `a sample of about ${PAGE_DESIGNS.toLocaleString('en-GB')} chosen by design index, the top designs${h.prices_file !== null ? ' and every design on the Pareto front' : ''}; designs.csv has them all`,
          },
        }
      : {}),
  });
}

/** Terminal table of the best designs by energy, and by revenue when prices were given. */
export function bestText(h: SweepHeader, s: SweepSummary, k = 5): string {
  const head = ['rank', 'design', ...h.parameters.map((p) => p.path), 'GWh/yr', 'CF %', 'MW'];
  if (h.prices_file !== null) head.push('GBP m/yr', 'GBP/MWh');
  const table = (title: string, best: DesignRow[]) => {
    const cells = best.map((r, n) => {
      const c = [
        String(n + 1),
        String(r.design),
        ...r.inputs.map((x) => String(x)),
        fmt(r.annual_energy_gwh, 1),
        fmt(r.capacity_factor * 100, 1),
        fmt(r.installed_capacity_mw, 1),
      ];
      if (h.prices_file !== null)
        c.push(
          r.revenue_gbp_per_yr === null ? '' : fmt(r.revenue_gbp_per_yr / 1e6, 2),
          r.captured_price_gbp_per_mwh === null ? '' : fmt(r.captured_price_gbp_per_mwh, 2),
        );
      return c;
    });
    const w = head.map((t, j) => Math.max(t.length, ...cells.map((c) => c[j].length)));
    const line = (c: string[]) => `  ${c.map((x, j) => x.padStart(w[j])).join('  ')}`;
    return [title, line(head), ...cells.map(line)].join('\n');
  };
  const n = s.count;
  const out = [table(`Best designs by annual energy (top ${Math.min(k, n)} of ${n})`, s.byEnergy.rows(k))];
  if (s.byRevenue !== null)
    out.push(
      table(`Best designs by revenue at the prices of ${h.prices_file} (top ${Math.min(k, n)} of ${n})`, s.byRevenue.rows(k)),
    );
  return out.join('\n\n');
}
