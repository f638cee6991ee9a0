// A task module for the worker-pool tests (plain JavaScript: worker threads load JS, not TS).
// Each result says when the module was loaded in its worker (loadedAt).
// init: { marks?: SharedArrayBuffer, throwAt?, exitAt?, busyMs?, slowAt?, slowMs?, failSetup? }
import { threadId } from 'node:worker_threads';

/** When this module was loaded (ms since the epoch, to the microsecond: the clock every thread shares). */
const loadedAt = performance.timeOrigin + performance.now();

export function setup(init) {
  if (init.failSetup) throw new Error('fixture: setup refuses');
  const marks = init.marks ? new Float64Array(init.marks) : null;
  return (i) => {
    if (i === init.throwAt) throw new RangeError(`fixture: task ${i} throws`);
    if (i === init.exitAt) process.exit(7);
    // Uneven work, so workers finish out of order.
    const end = Date.now() + (i === init.slowAt ? init.slowMs : (init.busyMs ?? 0) * ((i * 7919) % 5));
    while (Date.now() < end);
    if (marks) marks[i] = i + 0.5; // written into shared memory: the main thread sees it
    return { index: i, square: i * i, thread: threadId, loadedAt };
  };
}
