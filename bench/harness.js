// Benchmark harness: warm-up, repeated timed runs, median and spread, printed as a table and
// collected as JSON. Each bench/*.bench.js file exports `default async function (h)` and calls
// h.measure(...) and h.figure(...).
import { performance } from 'node:perf_hooks';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

export class Harness {
  constructor({ quick = false } = {}) {
    this.quick = quick;
    this.rows = [];
  }

  /**
   * Times fn() `reps` times after `warmup` untimed calls; `work` is the number of units one call
   * does (e.g. solver steps) so a rate can be printed. Returns the median seconds per call.
   */
  async measure(name, fn, { warmup = 2, reps = 7, work = 1, unit = 'op' } = {}) {
    if (this.quick) {
      warmup = Math.min(warmup, 1);
      reps = Math.min(reps, 3);
    }
    for (let i = 0; i < warmup; i++) await fn();
    const times = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      await fn();
      times.push((performance.now() - t0) / 1000);
    }
    const med = median(times);
    this.rows.push({
      name,
      median_s: med,
      min_s: Math.min(...times),
      max_s: Math.max(...times),
      reps,
      rate: work / med,
      rate_unit: `${unit}/s`,
    });
    return med;
  }

  /** Records a derived figure (a ratio, an error, a count) with its unit. */
  figure(name, value, unit, note = '') {
    this.rows.push({ name, value, unit, note });
  }

  table() {
    const fmt = (x) => (Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : x.toPrecision(4));
    return this.rows
      .map((r) =>
        'median_s' in r
          ? `${r.name.padEnd(58)} ${(r.median_s * 1e3).toFixed(2).padStart(10)} ms median  (${fmt(r.rate)} ${r.rate_unit}; min ${(r.min_s * 1e3).toFixed(2)} ms, max ${(r.max_s * 1e3).toFixed(2)} ms, ${r.reps} reps)`
          : `${r.name.padEnd(58)} ${fmt(r.value).padStart(10)} ${r.unit}${r.note ? `  (${r.note})` : ''}`,
      )
      .join('\n');
  }
}
