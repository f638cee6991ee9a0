/**
 * Progress of long runs on stderr: on a terminal, a one-line bar (count, bar, percentage, rate and
 * ETA) redrawn in place at most ten times a second; elsewhere (a pipe, a log file, a CI job) a
 * plain line every PLAIN_EVERY_MS, so logs show progress without carriage returns. Nothing when
 * asked to be quiet. A count without a known total (a search that stops when it converges) shows
 * the count, rate and elapsed time instead of a bar and ETA.
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
/** A plain progress line (not a terminal) at most this often (ms): a run under 5 s prints none. */
const PLAIN_EVERY_MS = 5000;

/** Seconds as m:ss or h:mm:ss. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * The bar's text for `done` of `total` after `elapsedS` seconds, fitted to `width` columns; with
 * no total (undefined), the count, rate and elapsed time.
 */
export function progressLine(done: number, total: number | undefined, elapsedS: number, unit: string, width = 80): string {
  const rate = elapsedS > 0 ? done / elapsedS : 0;
  if (total === undefined) return `${done} ${unit}  ${rate.toPrecision(3)} ${unit}/s  elapsed ${formatDuration(elapsedS)}`;
  const eta = rate > 0 ? (total - done) / rate : Infinity;
  const frac = total > 0 ? done / total : 1;
  const head = `${done}/${total} ${unit} `;
  const tail = ` ${(frac * 100).toFixed(0).padStart(3)}%  ${rate.toPrecision(3)} ${unit}/s  ETA ${formatDuration(eta)}`;
  const barWidth = Math.max(10, Math.min(40, width - 1 - head.length - tail.length - 2));
  const filled = Math.round(frac * barWidth);
  return `${head}[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]${tail}`;
}

/** The plain line of a log: "sweep: 120/400 designs (30 %), 0:40 elapsed, ETA 1:33". */
function plainLine(label: string, done: number, total: number | undefined, elapsedS: number, unit: string): string {
  if (total === undefined) return `${label}: ${done} ${unit}, ${formatDuration(elapsedS)} elapsed`;
  const eta = done > 0 ? ((total - done) * elapsedS) / done : Infinity;
  return `${label}: ${done}/${total} ${unit} (${Math.floor((100 * done) / Math.max(total, 1))} %), ${formatDuration(elapsedS)} elapsed, ETA ${formatDuration(eta)}`;
}

/** Progress of `total` items (undefined: not known in advance). `label` starts the plain lines. */
export function progressBar(total: number | undefined, o: ProgressOptions & { label?: string }): Progress {
  const stream = o.stream ?? process.stderr;
  if (o.quiet) return { update() {}, finish() {} };
  const now = o.now ?? (() => performance.now());
  const start = now();
  if (!stream.isTTY) {
    let next = start + PLAIN_EVERY_MS;
    return {
      update(done) {
        const t = now();
        if (t < next) return;
        next = t + PLAIN_EVERY_MS;
        stream.write(`${plainLine(o.label ?? 'progress', done, total, (t - start) / 1000, o.unit)}\n`);
      },
      finish() {},
    };
  }
  let last = -Infinity;
  let drawn = false;
  const draw = (done: number) => {
    stream.write(`\r\x1b[K${progressLine(done, total, (now() - start) / 1000, o.unit, stream.columns ?? 80)}`);
    drawn = true;
  };
  return {
    update(done) {
      const t = now();
      if (t - last < REDRAW_MS && (total === undefined || done < total)) return;
      last = t;
      draw(done);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
