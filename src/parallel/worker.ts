/**
 * Entry of a pool worker thread. It starts loading the task modules the pool preloads
 * (workerData.preload) at once. Messages from the pool are handled strictly in order:
 *   { type: 'job', job, task, init }  import the task module (cached) and call its setup(init)
 *   { type: 'task', job, pos, index } run the job's function on one index, post the result
 *   { type: 'end', job }              drop the job (and its references to shared memory)
 * A task that throws is reported with its index and the worker stays usable; process.exit() or
 * a crash ends the thread, which the pool reports with the index it was running.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TaskSetup } from './task.js';

interface JobMsg {
  type: 'job';
  job: number;
  task: string;
  init: unknown;
}
interface TaskMsg {
  type: 'task';
  job: number;
  pos: number;
  index: number;
}
interface EndMsg {
  type: 'end';
  job: number;
}
type Msg = JobMsg | TaskMsg | EndMsg;

if (!parentPort) throw new Error('parallel/worker.js is a worker-thread entry; it is started by WorkerPool, not run directly');
const port = parentPort;

const modules = new Map<string, Promise<{ setup?: unknown }>>();
for (const url of (workerData as { preload?: string[] } | null)?.preload ?? []) {
  const mod = import(url) as Promise<{ setup?: unknown }>;
  mod.catch(() => {}); // a failure is reported by the job that uses the module
  modules.set(url, mod);
}
// Told once the preloads have settled (loaded or failed): the pool's ready().
void Promise.allSettled(modules.values()).then(() => port.postMessage({ type: 'preloaded' }));
let current: { job: number; run: ((index: number) => unknown) | null } | null = null;

function errorFields(err: unknown): { name: string; message: string; stack: string } {
  const e = err instanceof Error ? err : new Error(String(err));
  return { name: e.name, message: e.message, stack: e.stack ?? '' };
}

async function startJob(m: JobMsg): Promise<void> {
  current = { job: m.job, run: null };
  try {
    let mod = modules.get(m.task);
    if (!mod) {
      mod = import(m.task) as Promise<{ setup?: unknown }>;
      modules.set(m.task, mod);
    }
    const setup = (await mod).setup;
    if (typeof setup !== 'function') throw new Error(`${m.task} does not export a setup(init) function`);
    current.run = (setup as TaskSetup<unknown, unknown>)(m.init);
  } catch (err) {
    port.postMessage({ type: 'setup-error', job: m.job, ...errorFields(err) });
  }
}

function runTask(m: TaskMsg): void {
  if (current?.job !== m.job || current.run === null) return; // a stale job, or one whose setup failed (already reported)
  try {
    port.postMessage({ type: 'result', job: m.job, pos: m.pos, value: current.run(m.index) });
  } catch (err) {
    port.postMessage({ type: 'error', job: m.job, pos: m.pos, index: m.index, ...errorFields(err) });
  }
}

let queue: Promise<void> = Promise.resolve();
port.on('message', (m: Msg) => {
  queue = queue.then(() => {
    if (m.type === 'job') return startJob(m);
    if (m.type === 'task') return runTask(m);
    if (current?.job === m.job) current = null;
  });
});
