/** The sea level the solver runs on: a uniform time grid, as the tide engine produces it. */

/** Sea level on a uniform time grid. */
export interface SeaLevel {
  /** Time of the first sample (s since 1970-01-01T00:00Z). */
  readonly t0: number;
  /** Spacing (s). */
  readonly dt: number;
  /** Level at each sample (m, in the scenario's datum). */
  readonly level: Float64Array;
}

/** The time the series spans, first sample to last (s). */
export function seaSpan(sea: SeaLevel): number {
  return (sea.level.length - 1) * sea.dt;
}
