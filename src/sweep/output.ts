/**
 * The result of a sweep: designs.csv and designs.json (one row per design: its swept inputs and
 * figures, every column with its unit), designs.html (the report module's sweep page), the best
 * designs, and the terminal table of them. Numbers
 * are written in full (shortest round-trip form) so a merge of shards reproduces a single run's
 * files byte for byte, and a reader gets every bit the solver produced.
 */
import { basename } from 'node:path';
import { csvText } from '../io/csv-write.js';
import { fmt } from '../numbers.js';
import { sweepReportHtml } from '../report/sweep.js';
import type { SweepRow } from '../report/sweep-fields.js';
import type { DesignMetrics } from './design-metrics.js';
import type { DesignRow } from './run.js';
import type { LoadedSweep } from './spec.js';
import { unitSuffix } from './spec.js';

/** The file that identifies a sweep result folder (written first). */
export const SWEEP_IDENTITY = 'designs.csv';

/** Version of the designs.json and shard.json layouts; bump when fields change meaning. */
export const SWEEP_FORMAT = 1;

/** What a result records about its sweep: enough to describe it and to tell two sweeps apart. */
export interface SweepHeader {
  name: string;
  description: string;
  /** The sweep file's name (its folder differs between machines). */
  sweep_file: string;
  /** SHA-256 of the sweep file, base scenario and price file. */
  sha256: string;
  tool_version: string;
  method: 'grid' | 'lhs';
  samples: number | null;
  seed: number | null;
  base: string;
  overrides: Record<string, unknown>;
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

/** A design row as a flat JSON object keyed by column name. */
export function rowObject(h: SweepHeader, r: DesignRow): Record<string, number | null> {
  const o: Record<string, number | null> = { design: r.design };
  h.parameters.forEach((p, j) => {
    o[p.path] = r.inputs[j];
  });
  for (const c of FIGURE_COLUMNS) if (!c.revenue || h.prices_file !== null) o[c.key] = r[c.key];
  return o;
}

/** Inverse of rowObject (reading shard files). */
export function rowFromObject(h: SweepHeader, o: Record<string, number | null>): DesignRow {
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

export function designsCsv(h: SweepHeader, rows: readonly DesignRow[]): string {
  const cols = columns(h);
  return csvText(
    cols.map((c) => c.name),
    rows.map((r) => {
      const o = rowObject(h, r);
      return cols.map((c) => o[c.name]);
    }),
  );
}

export type RankKey = 'annual_energy_gwh' | 'revenue_gbp_per_yr';

/** The k best rows by `key`, highest first; ties go to the lower design index. */
export function bestDesigns(rows: readonly DesignRow[], key: RankKey, k = 5): DesignRow[] {
  return rows
    .filter((r) => r[key] !== null)
    .sort((a, b) => (b[key] as number) - (a[key] as number) || a.design - b.design)
    .slice(0, k);
}

function designsJson(h: SweepHeader, rows: readonly DesignRow[]): string {
  const best = {
    by_energy: bestDesigns(rows, 'annual_energy_gwh').map((r) => r.design),
    by_revenue: h.prices_file === null ? null : bestDesigns(rows, 'revenue_gbp_per_yr').map((r) => r.design),
  };
  return `${JSON.stringify(
    {
      format: SWEEP_FORMAT,
      kind: 'mersey-tidal sweep',
      sweep: h,
      columns: columns(h),
      best,
      designs: rows.map((r) => rowObject(h, r)),
    },
    null,
    2,
  )}\n`;
}

/** Rows as the sweep page reads them (report/sweep.ts: annual_energy_gwh, capacity_mw, the revenue field). */
function pageRows(h: SweepHeader, rows: readonly DesignRow[]): SweepRow[] {
  return rows.map((r) => {
    const o: Record<string, number | null> = { design: r.design };
    h.parameters.forEach((p, j) => {
      o[p.path] = r.inputs[j];
    });
    o.annual_energy_gwh = r.annual_energy_gwh;
    o.capacity_mw = r.installed_capacity_mw;
    o.capacity_factor = r.capacity_factor;
    if (h.prices_file !== null) o.revenue_gbp_per_yr = r.revenue_gbp_per_yr;
    return o;
  });
}

/**
 * The files of a whole sweep's result folder: designs.csv, designs.json and designs.html (main
 * effects, the heat map over `heatmap` or the two strongest levers, energy against capacity, the
 * Pareto front of revenue where prices are given, the top designs).
 */
export function sweepFiles(
  h: SweepHeader,
  rows: readonly DesignRow[],
  o: { heatmap?: [string, string] } = {},
): Record<string, string> {
  const files: Record<string, string> = { [SWEEP_IDENTITY]: designsCsv(h, rows), 'designs.json': designsJson(h, rows) };
  if (rows.length > 0) {
    const view = {
      heatmap: o.heatmap,
      inputs: h.parameters.map((p) => p.path),
      ...(h.prices_file !== null ? { revenue: 'revenue_gbp_per_yr' } : {}),
    };
    files['designs.html'] = sweepReportHtml(pageRows(h, rows), view, {
      title: `Design sweep ${h.name}`,
      toolVersion: h.tool_version,
      description: h.description,
    });
  }
  return files;
}

/** Terminal table of the best designs by energy, and by revenue when prices were given. */
export function bestText(h: SweepHeader, rows: readonly DesignRow[], k = 5): string {
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
  const out = [
    table(
      `Best designs by annual energy (top ${Math.min(k, rows.length)} of ${rows.length})`,
      bestDesigns(rows, 'annual_energy_gwh', k),
    ),
  ];
  if (h.prices_file !== null)
    out.push(
      table(
        `Best designs by revenue at the prices of ${h.prices_file} (top ${Math.min(k, rows.length)} of ${rows.length})`,
        bestDesigns(rows, 'revenue_gbp_per_yr', k),
      ),
    );
  return out.join('\n\n');
}
