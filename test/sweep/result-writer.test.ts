/**
 * The streamed result folder of a sweep against the files built whole, the plain way (every row
 * in memory, one JSON.stringify, one CSV text): byte for byte, for a whole sweep and for shards
 * merged; and the page of a sweep too large to show whole.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvText } from '../../src/io/csv-write.js';
import { paretoFront, sweepReportHtml } from '../../src/report/sweep.js';
import { rowObject, SWEEP_FORMAT, type SweepHeader } from '../../src/sweep/output.js';
import { writeSweepResult } from '../../src/sweep/result-writer.js';
import type { DesignRow } from '../../src/sweep/run.js';
import { openShards, shardIndices } from '../../src/sweep/shard.js';
import { PAGE_DESIGNS, pageRow } from '../../src/sweep/summary.js';
import { scratch, topDesigns } from '../fixtures.js';

const tmp = scratch();

function header(n: number, prices: boolean): SweepHeader {
  return {
    name: 'fabricated',
    description: 'rows made up for the test',
    sweep_file: 'fabricated.json',
    sha256: 'a'.repeat(64),
    tool_version: '0.0.0-test',
    method: 'lhs',
    samples: n,
    seed: 7,
    base: 'base.json',
    overrides: {},
    command_line_changes: [],
    prices_file: prices ? 'prices.csv' : null,
    parameters: [
      { path: 'scheme.turbines.count', unit: '', min: 10, max: 40, step: 1 },
      { path: 'scheme.sluices.area_m2', unit: 'm2', min: 1000, max: 5000, step: null },
    ],
    design_count: n,
    sea_level: 'shared',
    data_notes: ['a note'],
  };
}

/** Rows with ties in energy and revenue, full-precision numbers, and a value or two of awkward form. */
function rows(n: number, prices: boolean): DesignRow[] {
  return Array.from({ length: n }, (_, i) => {
    const count = 10 + ((i * 7) % 31);
    const energy = i % 5 === 0 ? 900 : 400 + count * 20 + Math.sin(i) / 3;
    return {
      design: i,
      inputs: [count, 1000 + ((i * 0.618033988749895) % 1) * 4000],
      installed_capacity_mw: count * 25.5,
      annual_energy_gwh: energy,
      capacity_factor: energy / (count * 25.5 * 8.766),
      revenue_gbp_per_yr: prices ? (i % 7 === 0 ? 5e7 : energy * 51234.5 + i) : null,
      captured_price_gbp_per_mwh: prices ? 51.2345 + i * 1e-9 : null,
    };
  });
}

/** The files as they were written before streaming: every row in memory, each file made whole. */
function plainFiles(h: SweepHeader, all: DesignRow[]) {
  const cols = Object.keys(rowObject(h, all[0]));
  const rank = (key: 'annual_energy_gwh' | 'revenue_gbp_per_yr') => topDesigns(all, key, 5);
  // The column descriptions are not the test's concern: taken from the file read.
  const json = (columns: unknown) => ({
    format: SWEEP_FORMAT,
    kind: 'mersey-tidal sweep',
    sweep: h,
    columns,
    best: { by_energy: rank('annual_energy_gwh'), by_revenue: h.prices_file ? rank('revenue_gbp_per_yr') : null },
    designs: all.map((r) => rowObject(h, r)),
  });
  return {
    'designs.csv': csvText(
      cols,
      all.map((r) => cols.map((c) => rowObject(h, r)[c])),
    ),
    json,
    'designs.html': sweepReportHtml(
      all.map((r) => pageRow(h, r)),
      {
        inputs: h.parameters.map((p) => p.path),
        ...(h.prices_file ? { revenue: 'revenue_gbp_per_yr' } : {}),
      },
      { title: `Design sweep ${h.name}`, toolVersion: h.tool_version, description: h.description },
    ),
  };
}

describe('a sweep result written row by row', () => {
  for (const prices of [false, true]) {
    it(`is byte for byte the result built whole (${prices ? 'with' : 'without'} prices), and so is a merge of its shards`, async () => {
      const n = 53;
      const h = header(n, prices);
      const all = rows(n, prices);
      const d = tmp();
      const whole = await writeSweepResult(join(d, 'whole'), h, all, n);
      expect(whole.written.map((p) => p.slice(d.length + 1))).toEqual([
        'whole/designs.csv',
        'whole/designs.json',
        'whole/designs.html',
      ]);
      expect(readdirSync(d)).toEqual(['whole']);
      const plain = plainFiles(h, all);
      const read = (f: string) => readFileSync(join(d, 'whole', f), 'utf8');
      expect(read('designs.csv')).toBe(plain['designs.csv']);
      expect(read('designs.html')).toBe(plain['designs.html']);
      // designs.json: the same document, and the layout of JSON.stringify(document, null, 2).
      const json = JSON.parse(read('designs.json'));
      expect(json).toEqual(plain.json(json.columns));
      expect(json.columns.map((c: { name: string }) => c.name)).toEqual(plain['designs.csv'].split('\n')[0].split(','));
      expect(read('designs.json')).toBe(`${JSON.stringify(json, null, 2)}\n`);

      // Shards written as separate folders, then merged from their designs.csv.
      const count = 4;
      for (let i = 1; i <= count; i++) {
        const s = { index: i, count };
        const slice = Array.from(shardIndices(n, s), (k) => all[k]);
        const out = await writeSweepResult(join(d, `shard-${i}`), h, slice, slice.length, { shard: s });
        expect(out.written).toEqual([join(d, `shard-${i}`, 'shard.json'), join(d, `shard-${i}`, 'designs.csv')]);
      }
      const shards = openShards([3, 1, 4, 2].map((i) => join(d, `shard-${i}`)));
      expect(shards.header).toEqual(h);
      await writeSweepResult(join(d, 'merged'), shards.header, shards.rows(), n);
      for (const f of ['designs.csv', 'designs.json', 'designs.html'])
        expect(readFileSync(join(d, 'merged', f)).equals(readFileSync(join(d, 'whole', f))), f).toBe(true);
    });
  }

  it('a failure part-way leaves no folder and no temporary file', async () => {
    const n = 20;
    const h = header(n, false);
    const all = rows(n, false);
    function* failing() {
      yield* all.slice(0, 12);
      throw new Error('a design failed');
    }
    const d = tmp();
    await expect(writeSweepResult(join(d, 'res'), h, failing(), n)).rejects.toThrow('a design failed');
    expect(readdirSync(d)).toEqual([]);
  });

  it('a sweep too large to show whole: the page shows a sample, the top designs and the whole Pareto front, and says so', async () => {
    const n = 3 * PAGE_DESIGNS;
    const h = header(n, true);
    const all = rows(n, true);
    const d = tmp();
    const { summary } = await writeSweepResult(join(d, 'res'), h, all, n);
    const page = summary.page();
    expect(page.sampled).toBe(true);
    expect(page.designs).toBe(n);
    const shown = new Set(page.rows.map((r) => r.design as number));
    // About PAGE_DESIGNS of them (a hash decides), in design order.
    expect(page.rows.length).toBeGreaterThan(0.9 * PAGE_DESIGNS);
    expect(page.rows.length).toBeLessThan(1.1 * PAGE_DESIGNS);
    expect(page.rows.map((r) => r.design)).toEqual([...shown].sort((a, b) => a - b));
    const byEnergy = topDesigns(all, 'annual_energy_gwh', 10);
    for (const k of byEnergy) expect(shown.has(k)).toBe(true);
    const pageRows = all.map((r) => pageRow(h, r));
    const objectives = { benefit: 'revenue_gbp_per_yr', cost: 'capacity_mw' };
    const front = paretoFront(pageRows, objectives).map((i) => pageRows[i].design);
    for (const k of front) expect(shown.has(k as number)).toBe(true);
    // The front drawn from the page's rows is the front of every design.
    expect(paretoFront(page.rows, objectives).map((i) => page.rows[i].design)).toEqual(front);
    const html = readFileSync(join(d, 'res', 'designs.html'), 'utf8');
    expect(html).toContain(`${n} designs: rows made up for the test. The plots and the table show ${page.rows.length} of them`);
    // Every design is still in designs.csv.
    expect(
      readFileSync(join(d, 'res', 'designs.csv'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(n + 1);
  });
});
