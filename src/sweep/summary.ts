/**
 * What a sweep's result needs beyond its rows, gathered row by row so that no step holds every
 * design: the design count, the best designs by energy and by revenue (an incremental top-k), and
 * the designs the sweep page shows. Up to PAGE_DESIGNS designs the page shows them all; beyond,
 * it shows a sample of about PAGE_DESIGNS designs (chosen by a hash of the design index, so the
 * same designs whatever the order or the split into shards), the top designs and, with prices,
 * every design on the Pareto front of revenue against capacity (kept as a running front). Memory
 * is then bounded by PAGE_DESIGNS and the front, not by the number of designs.
 */
import { paretoFront } from '../report/sweep.js';
import type { SweepRow } from '../report/sweep-fields.js';
import type { DesignRow } from './run.js';

export type RankKey = 'annual_energy_gwh' | 'revenue_gbp_per_yr';

/** Designs the sweep page shows all of; a larger sweep shows a sample of about this many. */
export const PAGE_DESIGNS = 2000;
/** Best designs kept per ranking: the page's table shows 10, the terminal and designs.json 5. */
export const TOP_DESIGNS = 10;
/** Candidates gathered before the running Pareto front is recomputed over them and itself. */
const FRONT_BATCH = 1000;

/** The k best rows by `key`, highest first, ties to the lower design index; rows without the value are left out. */
export class TopK {
  private readonly best: DesignRow[] = [];

  constructor(
    readonly key: RankKey,
    readonly k: number,
  ) {}

  add(r: DesignRow): void {
    const v = r[this.key];
    if (v === null || Number.isNaN(v)) return;
    const b = this.best;
    let p = b.length;
    // Rows mostly arrive in design order and few beat the k-th: scan from the end.
    while (p > 0) {
      const q = b[p - 1][this.key] as number;
      if (v > q || (v === q && r.design < b[p - 1].design)) p--;
      else break;
    }
    if (p >= this.k) return;
    b.splice(p, 0, r);
    if (b.length > this.k) b.pop();
  }

  /** The best rows, highest first. */
  rows(n = this.k): DesignRow[] {
    return this.best.slice(0, n);
  }
}

/** The k best rows by `key`, highest first; ties go to the lower design index. */
export function bestDesigns(rows: Iterable<DesignRow>, key: RankKey, k = 5): DesignRow[] {
  const top = new TopK(key, k);
  for (const r of rows) top.add(r);
  return top.rows();
}

/** A 32-bit integer hash (the finaliser of MurmurHash3): spreads consecutive design indices evenly. */
function hash32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fields of a design row as the sweep page reads them (report/sweep.ts). */
export interface PageFields {
  parameters: readonly { path: string }[];
  prices_file: string | null;
}

/** A row as the sweep page reads it: annual_energy_gwh, capacity_mw, the revenue field. */
export function pageRow(h: PageFields, r: DesignRow): SweepRow {
  const o: Record<string, number | null> = { design: r.design };
  h.parameters.forEach((p, j) => {
    o[p.path] = r.inputs[j];
  });
  o.annual_energy_gwh = r.annual_energy_gwh;
  o.capacity_mw = r.installed_capacity_mw;
  o.capacity_factor = r.capacity_factor;
  if (h.prices_file !== null) o.revenue_gbp_per_yr = r.revenue_gbp_per_yr;
  return o;
}

/** The front the page draws with prices: revenue (more is better) against capacity (less). */
const FRONT = { benefit: 'revenue_gbp_per_yr', cost: 'capacity_mw' };

/** The page's designs: all of them, or a sample with the top designs and the front (see the file's comment). */
export interface PageSelection {
  rows: SweepRow[];
  /** Designs in the sweep. */
  designs: number;
  /** True when `rows` is a selection, not every design. */
  sampled: boolean;
}

export class SweepSummary {
  /** Rows added. */
  count = 0;
  readonly byEnergy = new TopK('annual_energy_gwh', TOP_DESIGNS);
  readonly byRevenue: TopK | null;
  private readonly sampled: boolean;
  /** Below 2^32: a design is in the page's sample when its hash is under it. */
  private readonly threshold: number;
  private sample: SweepRow[] = [];
  private front: SweepRow[] = [];
  private candidates: SweepRow[] = [];

  /** `total`: the designs that will be added (decides whether the page samples them). */
  constructor(
    private readonly h: PageFields,
    total: number,
  ) {
    this.byRevenue = h.prices_file === null ? null : new TopK('revenue_gbp_per_yr', TOP_DESIGNS);
    this.sampled = total > PAGE_DESIGNS;
    this.threshold = this.sampled ? Math.floor((PAGE_DESIGNS / total) * 2 ** 32) : 2 ** 32;
  }

  add(r: DesignRow): void {
    this.count++;
    this.byEnergy.add(r);
    this.byRevenue?.add(r);
    if (!this.sampled) {
      this.sample.push(pageRow(this.h, r));
      return;
    }
    // The page's row is built only for a design the page may show.
    const inSample = hash32(r.design) < this.threshold;
    if (!inSample && !this.byRevenue) return;
    const row = pageRow(this.h, r);
    if (inSample) this.sample.push(row);
    if (this.byRevenue) {
      this.candidates.push(row);
      if (this.candidates.length >= FRONT_BATCH) this.compactFront();
    }
  }

  /** The running front recomputed over itself and the candidates (the page's own paretoFront), kept in design order. */
  private compactFront(): void {
    const all = [...this.front, ...this.candidates].sort((a, b) => (a.design as number) - (b.design as number));
    this.front = paretoFront(all, FRONT)
      .sort((a, b) => a - b)
      .map((i) => all[i]);
    this.candidates = [];
  }

  /** The designs the page shows, in design order. */
  page(): PageSelection {
    if (!this.sampled) return { rows: this.sample, designs: this.count, sampled: false };
    this.compactFront();
    const chosen = new Map<number, SweepRow>();
    for (const r of [...this.sample, ...this.front]) chosen.set(r.design as number, r);
    for (const r of this.byEnergy.rows()) chosen.set(r.design, pageRow(this.h, r));
    const rows = [...chosen.values()].sort((a, b) => (a.design as number) - (b.design as number));
    return { rows, designs: this.count, sampled: true };
  }
}
