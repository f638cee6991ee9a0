import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PoolInterrupted, TaskError, WorkerExitError, WorkerPool } from '../../src/parallel/pool.js';

// The pool loads its worker entry from dist/ (npm test builds first); the task is a JS fixture.
const TASK = pathToFileURL(new URL('./fixture-task.js', import.meta.url).pathname).href;
type Out = { index: number; square: number; thread: number };

const pools: WorkerPool[] = [];
const pool = (n: number) => {
  const p = new WorkerPool(n);
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('worker pool', () => {
  it('returns results in the order of the indices whatever the number of workers', async () => {
    const indices = [9, 2, 14, 0, 7, 3, 11, 5, 1, 13, 6, 12, 4, 10, 8];
    for (const n of [1, 2, 3]) {
      const p = pool(n);
      const progress: number[] = [];
      const out = await p.run<object, Out>({ task: TASK, init: { busyMs: 2 }, indices, onProgress: (d) => progress.push(d) });
      expect(out.map((r) => r.index)).toEqual(indices);
      expect(out.map((r) => r.square)).toEqual(indices.map((i) => i * i));
      expect(new Set(out.map((r) => r.thread)).size).toBeLessThanOrEqual(n);
      expect(progress).toEqual(indices.map((_, k) => k + 1));
    }
  });

  it('shares SharedArrayBuffers with the workers instead of copying them', async () => {
    const marks = new SharedArrayBuffer(8 * 6);
    await pool(2).run({ task: TASK, init: { marks }, indices: [0, 1, 2, 3, 4, 5] });
    expect(Array.from(new Float64Array(marks))).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
  });

  it('leaves no task waiting behind a slow one: the last tasks go to whichever worker is free', async () => {
    const p = pool(2);
    const out = await p.run<object, Out>({ task: TASK, init: { slowAt: 0, slowMs: 500 }, indices: [0, 1, 2, 3] });
    const slow = out[0].thread;
    expect(out.slice(1).map((r) => r.thread === slow)).toEqual([false, false, false]);
  });

  it('runs several jobs on the same workers', async () => {
    const p = pool(2);
    const a = await p.run<object, Out>({ task: TASK, init: {}, indices: [0, 1, 2, 3] });
    const b = await p.run<object, Out>({ task: TASK, init: {}, indices: [4, 5, 6, 7] });
    expect([...a, ...b].map((r) => r.square)).toEqual([0, 1, 4, 9, 16, 25, 36, 49]);
    expect(await p.run({ task: TASK, init: {}, indices: [] })).toEqual([]);
  });

  it('fails the job with the index and error of a task that throws, and stays usable', async () => {
    const p = pool(2);
    const err = await p.run({ task: TASK, init: { throwAt: 5 }, indices: [0, 1, 2, 3, 4, 5, 6, 7] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TaskError);
    expect((err as TaskError).index).toBe(5);
    expect((err as TaskError).message).toBe('task 5 failed: RangeError: fixture: task 5 throws');
    expect((err as TaskError).workerStack).toMatch(/fixture-task\.js/);
    const again = await p.run<object, Out>({ task: TASK, init: {}, indices: [5] });
    expect(again[0].square).toBe(25);
  });

  it('fails the job with the index of a worker that exits, and closes the pool', async () => {
    const p = pool(2);
    // Indices that are not their positions (a shard's designs): the index is named, not the position.
    const err = await p.run({ task: TASK, init: { exitAt: 13 }, indices: [10, 11, 12, 13, 14, 15] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerExitError);
    expect((err as WorkerExitError).index).toBe(13);
    expect((err as Error).message).toBe('the worker running task 13 exited with code 7');
    await expect(p.run({ task: TASK, init: {}, indices: [0] })).rejects.toThrow(
      /the worker pool is closed \(a worker exited with code 7\)/,
    );
  });

  it('reports a task module whose setup fails', async () => {
    await expect(pool(1).run({ task: TASK, init: { failSetup: true }, indices: [0, 1] })).rejects.toThrow(
      /cannot set up task module .*fixture-task\.js in a worker: Error: fixture: setup refuses/,
    );
  });

  it('stops the workers when the signal aborts', async () => {
    const p = pool(2);
    const ac = new AbortController();
    const job = p.run({
      task: TASK,
      init: { busyMs: 50 },
      indices: Array.from({ length: 200 }, (_, i) => i),
      signal: ac.signal,
      onProgress: (d) => d === 2 && ac.abort(),
    });
    await expect(job).rejects.toBeInstanceOf(PoolInterrupted);
    await expect(p.run({ task: TASK, init: {}, indices: [0] })).rejects.toThrow(/closed \(interrupted\)/);
  });

  it('fails the job, and stays usable, when init cannot be sent or progress reporting throws', async () => {
    const p = pool(1);
    await expect(p.run({ task: TASK, init: { f: () => 1 }, indices: [0] })).rejects.toThrow(/could not be cloned/);
    const progress = () => {
      throw new Error('the caller broke');
    };
    await expect(p.run({ task: TASK, init: {}, indices: [0, 1], onProgress: progress })).rejects.toThrow('the caller broke');
    expect((await p.run<object, Out>({ task: TASK, init: {}, indices: [3] }))[0].square).toBe(9);
  });

  it('loads the preloaded task modules when the workers start, before any job', async () => {
    const missing = pathToFileURL(new URL('./no-such-task.js', import.meta.url).pathname).href;
    for (const preload of [[TASK, missing], []]) {
      const p = new WorkerPool(2, preload);
      pools.push(p);
      await p.ready(); // the preloads have settled
      const posted = performance.timeOrigin + performance.now();
      const out = await p.run<object, Out & { loadedAt: number }>({ task: TASK, init: {}, indices: [0, 1] });
      if (preload.length > 0) for (const r of out) expect(r.loadedAt).toBeLessThan(posted);
      else for (const r of out) expect(r.loadedAt).toBeGreaterThanOrEqual(posted);
      // A preloaded module that cannot load fails only the job that uses it.
      if (preload.length > 0)
        await expect(p.run({ task: missing, init: {}, indices: [0] })).rejects.toThrow(
          /cannot set up task module .*no-such-task/,
        );
    }
  });

  it('runs one job at a time and checks its size', async () => {
    const p = pool(1);
    const first = p.run({ task: TASK, init: { busyMs: 5 }, indices: [1, 2, 3] });
    await expect(p.run({ task: TASK, init: {}, indices: [0] })).rejects.toThrow(/running another job/);
    await first;
    expect(() => new WorkerPool(0)).toThrow(/whole number of workers >= 1, got 0/);
    expect(() => new WorkerPool(1.5)).toThrow(RangeError);
  });
});

describe('worker pool: results handed to a callback', () => {
  it('hands each result with its position as it finishes, keeps none, and fails the job when the callback throws', async () => {
    const p = pool(3);
    const indices = Array.from({ length: 30 }, (_, i) => (i * 7) % 30);
    const got: [number, number][] = [];
    const out = await p.run<object, Out>({
      task: TASK,
      init: { busyMs: 3 },
      indices,
      onResult: (pos, r) => got.push([pos, r.index]),
    });
    expect(out).toEqual([]);
    expect([...got].sort((a, b) => a[0] - b[0])).toEqual(indices.map((i, pos) => [pos, i]));
    // Uneven work on 3 workers: they finish out of order (the caller puts them back in order).
    expect(got.map(([pos]) => pos)).not.toEqual(indices.map((_, pos) => pos));
    const broken = () => {
      throw new Error('the disk is full');
    };
    await expect(p.run({ task: TASK, init: {}, indices: [0, 1], onResult: broken })).rejects.toThrow('the disk is full');
    expect((await p.run<object, Out>({ task: TASK, init: {}, indices: [3] }))[0].square).toBe(9);
  });
});
