import { describe, expect, it } from 'vitest';
import { formatDuration, progressBar, progressLine } from '../src/report/progress.js';

/** What the bar writes before each line: carriage return, then erase to the end of the line (ANSI EL). */
const CLEAR = '\r\x1b[K';

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, columns: 100, write: (x: string) => out.push(x) } };
}

describe('progress bar', () => {
  it('shows count, bar, percentage, rate and ETA', () => {
    expect(progressLine(25, 100, 5, 'designs', 100)).toBe(
      `25/100 designs [${'#'.repeat(10)}${'.'.repeat(30)}]  25%  5.00 designs/s  ETA 0:15`,
    );
    expect(progressLine(0, 10, 0, 'designs')).toMatch(/ETA --:--$/);
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(59.6)).toBe('1:00');
  });

  it('redraws in place on a TTY at most ten times a second, always on the last item, and erases itself', () => {
    let t = 0;
    const { out, s } = stream(true);
    const bar = progressBar(4, { unit: 'designs', stream: s, now: () => t });
    t = 1000;
    bar.update(1);
    t = 1050;
    bar.update(2); // 50 ms later: skipped
    t = 1200;
    bar.update(3);
    t = 1210;
    bar.update(4); // the last one is always drawn
    bar.finish();
    expect(out).toHaveLength(4);
    // Each line starts by returning the cursor and clearing the line.
    for (const line of out) expect(line.slice(0, CLEAR.length)).toBe(CLEAR);
    expect(out[0].slice(CLEAR.length)).toMatch(/^1\/4 designs \[.*\] {2}25% {2}1\.00 designs\/s {2}ETA 0:03$/);
    expect(out[2].slice(CLEAR.length)).toMatch(/^4\/4 designs \[#+\] 100% {2}3\.31 designs\/s {2}ETA 0:00$/);
    expect(out[3]).toBe(CLEAR);
  });

  it('is silent when the stream is not a terminal, or when quiet', () => {
    for (const [tty, quiet] of [
      [false, false],
      [true, true],
    ]) {
      const { out, s } = stream(tty);
      const bar = progressBar(3, { unit: 'designs', stream: s, quiet });
      for (const d of [1, 2, 3]) bar.update(d);
      bar.finish();
      expect(out).toEqual([]);
    }
  });
});
