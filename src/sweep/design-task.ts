/**
 * The worker side of a sweep (a task module for parallel/pool.ts): each worker builds design i
 * from the validated base scenario and the shared table of values, simulates it on the shared sea
 * level (or its own, when the sweep changes the sea level) and returns its figures. The designs
 * were validated before the run (checkDesigns): a worker never loads or compiles a schema.
 */
import { type SharedSeaLevel, seaLevelView } from '../parallel/shared.js';
import { checkPriceCoverage, type PriceSeries, stepPrices } from '../scenario/prices.js';
import type { Scenario } from '../scenario/types.js';
import { simulateHeadline } from '../simulate.js';
import { allocateSeries } from '../solver/types.js';
import { designObject, pathKeys } from './design.js';
import { type DesignMetrics, designMetrics } from './design-metrics.js';

export interface DesignTaskInit {
  /** The base scenario, validated (overrides applied, defaults filled, data paths resolved). */
  base: Scenario;
  paths: string[];
  /** The designs' values, row-major (DesignTable.values). */
  values: SharedArrayBuffer;
  /** The sea level shared by every design; null when each design builds its own. */
  sea: SharedSeaLevel | null;
  prices: { time: SharedArrayBuffer; price: SharedArrayBuffer; file: string } | null;
}

export function setup(init: DesignTaskInit): (index: number) => DesignMetrics {
  const keys = pathKeys(init.paths);
  const values = new Float64Array(init.values);
  const sea = init.sea ? seaLevelView(init.sea) : undefined;
  const prices: PriceSeries | null = init.prices && {
    time: new Float64Array(init.prices.time),
    price: new Float64Array(init.prices.price),
    file: init.prices.file,
  };
  // Per-step buffers for revenue and outages, reused by every design on the shared sea level (no
  // 3.6 MB allocation per year-long design); a design needing neither records no series.
  const series = sea ? allocateSeries(sea.level.length) : undefined;
  // The price of each step, once for all designs on the shared sea level.
  const sharedPrice = prices && sea ? stepPrices(sea, prices) : null;
  return (i) => {
    const s = designObject(init.base, keys, values, i) as unknown as Scenario;
    const r = simulateHeadline(s, { sea, series, record: prices !== null });
    if (prices && !sea) checkPriceCoverage(prices, r.sea, 'this design');
    return designMetrics(r, sharedPrice ?? (prices && stepPrices(r.sea, prices)));
  };
}
