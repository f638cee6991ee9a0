// Benchmark harness: warm-up, repeated timed runs, median and spread, printed as a table and
// collected as JSON. Each bench/*.bench.js file exports `default async function (h)` and calls
// h.measure(...) and h.figure(...).
import { performance } from 'node:perf_hooks';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

/** A figure in 4 significant digits (exponent form when very large or small). */
function fmt(x) {
  return Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : x.toPrecision(4);
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

  /**
   * Records a figure with its target, `{ below: x }` or `{ above: x }` (targets are for a quiet
   * 2-core machine); the bench's verdict line counts the targets met.
   */
  target(name, value, unit, { below, above }, note = '') {
    const target = below !== undefined ? `< ${below} ${unit}` : `> ${above} ${unit}`;
    const met = below !== undefined ? value < below : value > above;
    this.rows.push({ name, value, unit, note, target, met });
  }

  /** One line: the targets met and missed, each with its figure. */
  verdict() {
    const t = this.rows.filter((r) => 'target' in r);
    if (t.length === 0) return 'verdict: no targets in this bench';
    const met = t.filter((r) => r.met).length;
    const each = t.map((r) => `${r.name} ${fmt(r.value)} ${r.unit} (${r.target}: ${r.met ? 'met' : 'missed'})`);
    return `verdict: ${met} of ${t.length} target${t.length > 1 ? 's' : ''} met; ${each.join('; ')}`;
  }

  table() {
    return this.rows
      .map((r) =>
        'median_s' in r
          ? `${r.name.padEnd(58)} ${(r.median_s * 1e3).toFixed(2).padStart(10)} ms median  (${fmt(r.rate)} ${r.rate_unit}; min ${(r.min_s * 1e3).toFixed(2)} ms, max ${(r.max_s * 1e3).toFixed(2)} ms, ${r.reps} reps)`
          : `${r.name.padEnd(58)} ${fmt(r.value).padStart(10)} ${r.unit}${'target' in r ? `  [target ${r.target}: ${r.met ? 'met' : 'MISSED'}]` : ''}${r.note ? `  (${r.note})` : ''}`,
      )
      .join('\n');
  }
}
