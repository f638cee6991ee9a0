/**
 * A one-line progress bar for long runs: count, bar, percentage, rate and ETA, redrawn in place
 * on a terminal's stderr at most ten times a second. Silent when the stream is not a TTY (a pipe,
 * a log file, a CI job) or when asked to be quiet, so logs never fill with carriage returns.
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export interface ProgressOptions {
  /** What is counted, plural (e.g. "designs"). */
  unit: string;
  stream?: ProgressStream;
  quiet?: boolean;
  /** Clock in milliseconds (tests pass a fake one). */
  now?: () => number;
}

export interface Progress {
  /** `done` items of the total are finished. */
  update(done: number): void;
  /** Erases the bar (the caller prints its own closing line). */
  finish(): void;
}

const REDRAW_MS = 100;

/** Seconds as m:ss or h:mm:ss. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The bar's text for `done` of `total` after `elapsedS` seconds, fitted to `width` columns. */
export function progressLine(done: number, total: number, elapsedS: number, unit: string, width = 80): string {
  const rate = elapsedS > 0 ? done / elapsedS : 0;
  const eta = rate > 0 ? (total - done) / rate : Infinity;
  const frac = total > 0 ? done / total : 1;
  const head = `${done}/${total} ${unit} `;
  const tail = ` ${(frac * 100).toFixed(0).padStart(3)}%  ${rate.toPrecision(3)} ${unit}/s  ETA ${formatDuration(eta)}`;
  const barWidth = Math.max(10, Math.min(40, width - 1 - head.length - tail.length - 2));
  const filled = Math.round(frac * barWidth);
  return `${head}[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]${tail}`;
}

export function progressBar(total: number, o: ProgressOptions): Progress {
  const stream = o.stream ?? process.stderr;
  if (o.quiet || !stream.isTTY) return { update() {}, finish() {} };
  const now = o.now ?? (() => performance.now());
  const start = now();
  let last = -Infinity;
  let drawn = false;
  const draw = (done: number) => {
    stream.write(`\r\x1b[K${progressLine(done, total, (now() - start) / 1000, o.unit, stream.columns ?? 80)}`);
    drawn = true;
  };
  return {
    update(done) {
      const t = now();
      if (t - last < REDRAW_MS && done < total) return;
      last = t;
      draw(done);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
