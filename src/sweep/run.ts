/**
 * Running a sweep's designs on a worker pool: the sea level is built once here and shared with
 * every worker (unless the sweep changes it), and each task carries only a design index.
 */

import { defaultWorkerCount, taskFailure, WorkerPool } from '../parallel/pool.js';
import { shareFloat64, shareSeaLevel } from '../parallel/shared.js';
import { taskModule } from '../parallel/task.js';
import { checkPriceCoverage, readPriceCsv } from '../scenario/prices.js';
import { buildSea } from '../scenario/tide-source.js';
import { designLabel } from './design.js';
import type { DesignMetrics } from './design-metrics.js';
import type { DesignTaskInit } from './design-task.js';
import { InOrder } from './in-order.js';
import { checkDesigns, type LoadedSweep } from './spec.js';

export interface SweepRunOptions {
  /** Designs to run, ascending (default: all). */
  indices?: ArrayLike<number>;
  /** Size of the pool the run starts and closes (default: the available cores; never more than the designs). */
  workers?: number;
  /** A pool to use instead; it is left open. */
  pool?: WorkerPool;
  onProgress?: (done: number, total: number) => void;
  /** Abort to stop the workers (Ctrl-C): the run rejects with PoolInterrupted. */
  signal?: AbortSignal;
  /** Task module URL (default: the design task, dist/sweep/design-task.js). */
  task?: string;
  /** True when the caller has checked these designs with checkDesigns (workers run designs as they are); otherwise the run checks them first. */
  checked?: boolean;
  /**
   * Takes each design's row as soon as it and every design before it (in the order of the
   * indices) have finished; the run then keeps no rows (SweepRun.rows is empty), so memory does
   * not grow with the number of designs. What it throws ends the run.
   */
  onRow?: (row: DesignRow) => void;
}

export interface DesignRow extends DesignMetrics {
  design: number;
  /** The design's value of each swept path, in the sweep's parameter order. */
  inputs: number[];
}

export interface SweepRun {
  /** One row per design, in the order of the indices (none when the rows went to `onRow`). */
  rows: DesignRow[];
  /** True when one sea level served every design. */
  seaShared: boolean;
  /** What was done to the shared sea level's data (e.g. gaps filled); empty when nothing. */
  seaNotes: string[];
  workers: number;
}

/** All design indices 0..n-1. */
export function allIndices(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/** Runs the designs on worker threads; rows come back in the order of the indices. */
export async function runSweep(sweep: LoadedSweep, o: SweepRunOptions = {}): Promise<SweepRun> {
  const { designs, spec } = sweep;
  const indices = o.indices ?? allIndices(designs.count);
  const task = o.task ?? taskModule('sweep/design-task.js');
  // Threads start and load the task while this one checks the designs and builds the sea level.
  const pool =
    o.pool ?? (indices.length > 0 ? new WorkerPool(Math.min(o.workers ?? defaultWorkerCount(), indices.length), [task]) : null);
  const seaShared = sweep.seaPaths.length === 0;
  const seaNotes: string[] = [];
  const P = designs.paths.length;
  const rows: DesignRow[] = [];
  const onRow = o.onRow ?? ((r: DesignRow) => rows.push(r));
  const inOrder = new InOrder<DesignMetrics>((f, k) => {
    const i = indices[k];
    onRow({ design: i, inputs: Array.from(designs.values.subarray(i * P, (i + 1) * P)), ...f });
  });
  try {
    if (!o.checked) checkDesigns(sweep, indices);
    const sea = seaShared ? buildSea(sweep.baseScenario, seaNotes) : null;
    const prices = spec.pricesFile !== null ? readPriceCsv(spec.pricesFile) : null;
    if (prices && sea) checkPriceCoverage(prices, sea, `the base scenario ${spec.base}`);
    const init: DesignTaskInit = {
      base: sweep.baseScenario,
      paths: [...designs.paths],
      values: shareFloat64(designs.values),
      sea: sea && shareSeaLevel(sea),
      prices: prices && { time: shareFloat64(prices.time), price: shareFloat64(prices.price), file: prices.file },
    };
    if (pool)
      await pool.run<DesignTaskInit, DesignMetrics>({
        task,
        init,
        indices,
        onResult: (pos, f) => inOrder.put(pos, f),
        onProgress: o.onProgress,
        signal: o.signal,
      });
  } catch (err) {
    throw taskFailure(err, (i) => designLabel(sweep.designs.paths, sweep.designs.values, i));
  } finally {
    if (pool && !o.pool) await pool.close();
  }
  return { rows, seaShared, seaNotes, workers: pool?.size ?? 0 };
}

/** A pool failure in the sweep's terms: which design, with its values (the worker's stack stays on `cause`). */
