/**
 * A pool of worker threads, started once and reused for any number of jobs, one job at a time.
 * A job names a task module (see task.ts), the data each worker's setup receives, and the indices
 * to run. Indices are handed out to whichever worker is free, each worker holding the next while it
 * runs one (the last ones one at a time); each result is stored
 * at its index's position, so results come back in the order of the indices whatever the number
 * of workers or the order they finish in.
 *
 * Failures end the job at once: a task that throws rejects it with a TaskError naming the index;
 * a worker that exits or crashes rejects it with a WorkerExitError naming the index it was running
 * and closes the pool; an aborted signal terminates the workers and rejects with PoolInterrupted.
 */

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { distModule } from './task.js';

export interface Job<I, R = unknown> {
  /** URL of the compiled task module, e.g. taskModule('sweep/design-task.js'). */
  task: string;
  /** Given once to each worker's setup; SharedArrayBuffers inside are shared, not copied. */
  init: I;
  /** Indices to run; the results array follows this order. */
  indices: ArrayLike<number>;
  /** Called after each finished index with the count done and the total. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Takes each result as it arrives, with its position in `indices` (in the order workers finish,
   * not that of the indices); the pool then keeps none and run() resolves with an empty array.
   * What it throws ends the job like a failing task.
   */
  onResult?: (pos: number, value: R) => void;
  /** Aborting stops the workers (the pool is closed) and rejects the job with PoolInterrupted. */
  signal?: AbortSignal;
}

/** A task threw: `index` is the one it was running. */
export class TaskError extends Error {
  constructor(
    readonly index: number,
    readonly causeName: string,
    readonly causeMessage: string,
    readonly workerStack: string,
  ) {
    super(`task ${index} failed: ${causeName === 'Error' ? '' : `${causeName}: `}${causeMessage}`);
    this.name = 'TaskError';
  }
}

/** A worker thread ended (process.exit, crash, out of memory) while running `index`. */
export class WorkerExitError extends Error {
  constructor(
    readonly index: number | undefined,
    readonly detail: string,
  ) {
    super(index === undefined ? `a worker ${detail}` : `the worker running task ${index} ${detail}`);
    this.name = 'WorkerExitError';
  }
}

/** The job's signal was aborted (e.g. Ctrl-C): the workers were terminated. */
export class PoolInterrupted extends Error {
  constructor() {
    super('interrupted: the worker pool was stopped');
    this.name = 'PoolInterrupted';
  }
}

/** The default pool size: the number of cores the process may use. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

interface ActiveJob {
  fail(err: Error): void;
  onMessage(w: Worker, m: WorkerReply): void;
  /** The indices (not their positions in the job) handed to each worker and not yet finished, the one it is running first. */
  inFlight: Map<Worker, number[]>;
}

type WorkerReply =
  | { type: 'result'; job: number; pos: number; value: unknown }
  | { type: 'error'; job: number; pos: number; index: number; name: string; message: string; stack: string }
  | { type: 'setup-error'; job: number; name: string; message: string; stack: string };

/** Tasks a worker holds at most: the one it runs and the next. */
const HELD_MAX = 2;

export class WorkerPool {
  readonly size: number;
  private readonly workers: Worker[];
  private readonly online: Promise<unknown>[] = [];
  private active: ActiveJob | null = null;
  private jobSeq = 0;
  private closed: string | null = null;

  /**
   * Starts `size` worker threads (default: the available cores). Each starts loading the task
   * modules of `preload` (URLs, as in Job.task) at once, while the caller prepares the first
   * job's data: a job of a preloaded task does not wait for its modules to load.
   */
  constructor(size: number = defaultWorkerCount(), preload: readonly string[] = []) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`a worker pool needs a whole number of workers >= 1, got ${size}`);
    const script = new URL(distModule('parallel/worker.js'));
    this.size = size;
    this.workers = Array.from({ length: size }, () => this.start(script, preload));
  }

  private start(script: URL, preload: readonly string[]): Worker {
    const w = new Worker(script, { workerData: { preload } });
    w.unref(); // an idle pool never keeps the process alive
    this.online.push(
      new Promise<void>((ok) => {
        const preloaded = (m: { type?: string }) => {
          if (m?.type !== 'preloaded') return;
          w.off('message', preloaded);
          ok();
        };
        w.on('message', preloaded);
      }),
    );
    w.on('message', (m: WorkerReply) => this.active?.onMessage(w, m));
    w.on('error', (err) => this.lost(w, `failed: ${err.name}: ${err.message}`));
    w.on('exit', (code) => this.lost(w, `exited with code ${code}`));
    return w;
  }

  /** A worker ended: fail the running job with the index that worker held, and close the pool. */
  private lost(w: Worker, detail: string): void {
    if (this.closed !== null) return;
    const job = this.active;
    this.closed = `a worker ${detail}`;
    void this.terminateAll();
    job?.fail(new WorkerExitError(job.inFlight.get(w)?.[0], detail));
  }

  private async terminateAll(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Resolves when every worker thread has started and loaded (or failed to load) its preloaded modules (for measuring start-up; run() does not need it). */
  async ready(): Promise<void> {
    await Promise.all(this.online);
  }

  /** Runs a job; resolves with one result per index, in the order of `job.indices` (none with job.onResult). */
  run<I, R>(job: Job<I, R>): Promise<R[]> {
    if (this.closed !== null) return Promise.reject(new Error(`the worker pool is closed (${this.closed})`));
    if (this.active !== null) return Promise.reject(new Error('the worker pool is running another job; wait for it to finish'));
    const { indices, task } = job;
    const total = indices.length;
    const results = job.onResult ? [] : new Array<R>(total);
    if (total === 0) return Promise.resolve(results);
    if (job.signal?.aborted) return Promise.reject(new PoolInterrupted());

    const id = ++this.jobSeq;
    const used = this.workers.slice(0, Math.min(this.size, total));
    let next = 0;
    let done = 0;
    return new Promise<R[]>((resolve, reject) => {
      let settled = false;
      const finish = () => {
        settled = true;
        this.active = null;
        job.signal?.removeEventListener('abort', onAbort);
        for (const w of used) {
          w.unref();
          if (this.closed === null) w.postMessage({ type: 'end', job: id });
        }
      };
      // Each worker holds the next task while it runs one, so that it starts it as it finishes
      // instead of waiting for this thread to answer; while fewer than two per worker are left,
      // tasks go one at a time to whichever worker is free, so none waits behind a slow one.
      const feed = (w: Worker) => {
        const held = active.inFlight.get(w) as number[];
        while (next < total && (held.length === 0 || (held.length < HELD_MAX && total - next >= 2 * used.length))) {
          const pos = next++;
          held.push(indices[pos]);
          w.postMessage({ type: 'task', job: id, pos, index: indices[pos] });
        }
      };
      const active: ActiveJob = {
        inFlight: new Map(),
        fail: (err) => {
          if (settled) return;
          finish();
          reject(err);
        },
        onMessage: (w, m) => {
          if (m.job !== id) return; // a late reply from a job that already failed
          if (m.type === 'result') {
            active.inFlight.get(w)?.shift();
            done++;
            // The worker gets its next task before this thread handles the result.
            if (done < total) feed(w);
            try {
              if (job.onResult) job.onResult(m.pos, m.value as R);
              else results[m.pos] = m.value as R;
              job.onProgress?.(done, total);
            } catch (err) {
              active.fail(err as Error);
              return;
            }
            if (done === total) {
              finish();
              resolve(results);
            }
          } else if (m.type === 'error') {
            active.fail(new TaskError(m.index, m.name, m.message, m.stack));
          } else {
            active.fail(new Error(`cannot set up task module ${task} in a worker: ${m.name}: ${m.message}`));
          }
        },
      };
      const onAbort = () => {
        this.closed = 'interrupted';
        void this.terminateAll();
        active.fail(new PoolInterrupted());
      };
      job.signal?.addEventListener('abort', onAbort);
      this.active = active;
      try {
        for (const w of used) {
          w.ref();
          w.postMessage({ type: 'job', job: id, task, init: job.init });
          active.inFlight.set(w, []);
        }
        for (const w of used) feed(w);
      } catch (err) {
        active.fail(err as Error); // e.g. an init that cannot be cloned
      }
    });
  }

  /** Terminates the workers; the pool cannot run jobs afterwards. */
  async close(): Promise<void> {
    if (this.closed === null) this.closed = 'closed by its owner';
    this.active?.fail(new Error('the worker pool was closed while a job was running'));
    await this.terminateAll();
  }
}

/**
 * A pool failure in the caller's terms: `what(index)` names the task (the design, the heads),
 * then what its worker said; an InputError stays one. Other errors are returned as they are.
 */
export function taskFailure(err: unknown, what: (index: number) => string): unknown {
  if (err instanceof TaskError) {
    const msg = `${what(err.index)} failed in a worker: ${err.causeMessage}`;
    if (err.causeName === 'InputError') return new InputError(msg);
    return new Error(err.causeName === 'Error' ? msg : `${msg} (${err.causeName})`, { cause: err });
  }
  if (err instanceof WorkerExitError && err.index !== undefined)
    return new Error(`${what(err.index)}: its worker ${err.detail}`, { cause: err });
  return err;
}
