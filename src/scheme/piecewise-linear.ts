/** Piecewise-linear interpolation in small tables (charts, efficiency curves, area curves). */

/** Index i of the interval [xs[i], xs[i+1]] of an increasing abscissa holding x, clamped to the table (bisection). */
export function intervalOf(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Linear interpolation of ys against an increasing abscissa xs, clamped to the end values outside. */
export function interpolate(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  const n = xs.length;
  if (x <= xs[0]) return ys[0];
  if (x >= xs[n - 1]) return ys[n - 1];
  const lo = intervalOf(xs, x);
  const s = (x - xs[lo]) / (xs[lo + 1] - xs[lo]);
  return ys[lo] + s * (ys[lo + 1] - ys[lo]);
}
