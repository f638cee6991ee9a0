/**
 * Which samples of a uniform series a time plot draws for the window in view. Inside the window:
 * every sample when it holds no more than `detailPoints`, else the lowest and the highest sample
 * of each bucket, in time order, so peaks and troughs survive. Outside it (what a pan shows
 * before the page refills the window): the same over buckets of the whole series sized for
 * `overviewPoints`. Buckets are aligned to multiples of their size, so panning does not make the
 * picture flicker.
 *
 * The page runs this on every zoom and pan: its source is inlined into the page by
 * Function.prototype.toString, so it must use nothing outside itself.
 */
export function displayIndices(
  v: ArrayLike<number>,
  lo: number,
  hi: number,
  detailPoints: number,
  overviewPoints: number,
): number[] {
  const n = v.length;
  const a = Math.max(0, Math.min(n, Math.floor(lo)));
  const b = Math.max(a, Math.min(n, Math.ceil(hi)));
  const out: number[] = [];
  function bucketFor(len: number, points: number): number {
    return len <= points ? 1 : Math.ceil(len / Math.max(1, Math.floor(points / 2)));
  }
  function pushRange(from: number, to: number, bucket: number): void {
    if (bucket <= 1) {
      for (let i = from; i < to; i++) out.push(i);
      return;
    }
    let s = from;
    while (s < to) {
      const e = Math.min(to, (Math.floor(s / bucket) + 1) * bucket);
      let low = s;
      let high = s;
      for (let i = s + 1; i < e; i++) {
        if (v[i] < v[low]) low = i;
        if (v[i] > v[high]) high = i;
      }
      if (low === high) out.push(low);
      else if (low < high) out.push(low, high);
      else out.push(high, low);
      s = e;
    }
  }
  const overview = bucketFor(n, overviewPoints);
  pushRange(0, a, overview);
  pushRange(a, b, bucketFor(b - a, detailPoints));
  pushRange(b, n, overview);
  return out;
}

/** Points drawn in the window on a plot `widthPx` wide: the lowest and highest per pixel, and never fewer than a day of steps (+3). */
export function detailPointsFor(widthPx: number, dtS: number): number {
  return Math.max(2 * Math.round(widthPx), Math.ceil(86400 / dtS) + 3);
}

/**
 * Points drawn over the whole series outside the window: what a pan shows before the page refills
 * the window. Only their envelope shows (a bucket of a year's 500 points holds about a day and a
 * half of tides), and the extremes are always among them, so the first view and its axis ranges do
 * not depend on their number; each costs plotly.js as much to draw as a point in view.
 */
export const OVERVIEW_POINTS = 500;
