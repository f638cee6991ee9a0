/**
 * Downsampling long series for display. A year at 1-minute steps is half a million samples per
 * series: far more than a screen shows and too much to inline in a page. The display keeps full
 * resolution inside a chosen window (the fortnight shown first) and elsewhere keeps the minimum
 * and the maximum of each bucket of samples, in time order, so peaks and troughs survive.
 */

/** How a series of n uniform samples is shown: a detail window [start, end) and bucket sizes (samples). */
export interface DisplayPlan {
  /** Number of samples in the series. */
  readonly n: number;
  /** First sample of the detail window. */
  readonly detailStart: number;
  /** One past the last sample of the detail window. */
  readonly detailEnd: number;
  /** Samples per bucket inside the window (1: every sample kept). */
  readonly detailBucket: number;
  /** Samples per bucket outside the window (1: every sample kept). */
  readonly overviewBucket: number;
}

export interface DisplayBudget {
  /** Most points drawn inside the detail window. */
  detailPoints: number;
  /** Most points drawn over the whole series outside the window. */
  overviewPoints: number;
}

export const DEFAULT_BUDGET: DisplayBudget = { detailPoints: 8000, overviewPoints: 6000 };

/** Samples per bucket so that `len` samples give at most `points` points (two per bucket). */
function bucketFor(len: number, points: number): number {
  return len <= points ? 1 : Math.ceil(len / Math.max(1, Math.floor(points / 2)));
}

/** Plans the display of n samples with full detail (within budget) over samples [start, end). */
export function planDisplay(n: number, start: number, end: number, budget: DisplayBudget = DEFAULT_BUDGET): DisplayPlan {
  const s = Math.max(0, Math.min(n, Math.floor(start)));
  const e = Math.max(s, Math.min(n, Math.ceil(end)));
  return {
    n,
    detailStart: s,
    detailEnd: e,
    detailBucket: bucketFor(e - s, budget.detailPoints),
    overviewBucket: bucketFor(n, budget.overviewPoints),
  };
}

/** Whether the plan drops any sample. */
export function isDownsampled(p: DisplayPlan): boolean {
  const outside = p.detailStart > 0 || p.detailEnd < p.n;
  return p.detailBucket > 1 || (outside && p.overviewBucket > 1);
}

/** Points kept: sample indices (ascending) and their values. */
export interface DisplayPoints {
  index: number[];
  value: number[];
}

function pushBuckets(v: ArrayLike<number>, from: number, to: number, bucket: number, out: DisplayPoints): void {
  if (bucket <= 1) {
    for (let i = from; i < to; i++) {
      out.index.push(i);
      out.value.push(v[i]);
    }
    return;
  }
  for (let b = from; b < to; b += bucket) {
    const end = Math.min(to, b + bucket);
    let lo = b;
    let hi = b;
    for (let i = b + 1; i < end; i++) {
      if (v[i] < v[lo]) lo = i;
      if (v[i] > v[hi]) hi = i;
    }
    const first = Math.min(lo, hi);
    const second = Math.max(lo, hi);
    out.index.push(first);
    out.value.push(v[first]);
    if (second !== first) {
      out.index.push(second);
      out.value.push(v[second]);
    }
  }
}

/** The points of `v` (length plan.n) to draw under the plan. */
export function displayPoints(v: ArrayLike<number>, plan: DisplayPlan): DisplayPoints {
  if (v.length !== plan.n) throw new Error(`display plan is for ${plan.n} samples, series has ${v.length}`);
  const out: DisplayPoints = { index: [], value: [] };
  pushBuckets(v, 0, plan.detailStart, plan.overviewBucket, out);
  pushBuckets(v, plan.detailStart, plan.detailEnd, plan.detailBucket, out);
  pushBuckets(v, plan.detailEnd, plan.n, plan.overviewBucket, out);
  return out;
}
