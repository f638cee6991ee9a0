/**
 * The run's mode segments, in order: each maximal stretch of time in one mode, with the energy it
 * generated and spent pumping. Written by the solver at each switch (a few
 * per tide, so it grows rarely); read by the per-tide ledger.
 */
export class ModeLog {
  /** Segments recorded. */
  count = 0;
  /** Start of each segment (s since 1970-01-01T00:00Z). */
  start = new Float64Array(64);
  /** Mode of each segment. */
  mode = new Uint8Array(64);
  /** Energy generated (J). */
  generated = new Float64Array(64);
  /** Energy drawn pumping (J). */
  pumped = new Float64Array(64);
  /** End of the last segment (s since the epoch); NaN until the run ends. */
  end = NaN;

  /** Appends a segment. */
  push(start: number, mode: number, generated: number, pumped: number): void {
    if (this.count === this.start.length) this.grow();
    const k = this.count++;
    this.start[k] = start;
    this.mode[k] = mode;
    this.generated[k] = generated;
    this.pumped[k] = pumped;
  }

  private grow(): void {
    const n = 2 * this.start.length;
    const widen = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.start = widen(this.start, (k) => new Float64Array(k));
    this.mode = widen(this.mode, (k) => new Uint8Array(k));
    this.generated = widen(this.generated, (k) => new Float64Array(k));
    this.pumped = widen(this.pumped, (k) => new Float64Array(k));
  }
}
