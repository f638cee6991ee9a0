import { describe, expect, it } from 'vitest';
import { formatDuration, progressBar, progressLine } from '../../src/report/progress.js';

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

  it('is silent when quiet', () => {
    for (const tty of [true, false]) {
      const { out, s } = stream(tty);
      const bar = progressBar(3, { unit: 'designs', stream: s, quiet: true });
      for (const d of [1, 2, 3]) bar.update(d);
      bar.finish();
      expect(out).toEqual([]);
    }
  });

  it('writes a plain line every 5 s when the stream is not a terminal (none for a short run)', () => {
    let t = 0;
    const { out, s } = stream(false);
    const bar = progressBar(100, { unit: 'designs', label: 'sweep', stream: s, now: () => t });
    t = 4000;
    bar.update(10); // before the first 5 s: nothing
    t = 5000;
    bar.update(20);
    t = 7000;
    bar.update(30); // 2 s after the last line: nothing
    t = 10_000;
    bar.update(40);
    bar.finish();
    expect(out).toEqual([
      'sweep: 20/100 designs (20 %), 0:05 elapsed, ETA 0:20\n',
      'sweep: 40/100 designs (40 %), 0:10 elapsed, ETA 0:15\n',
    ]);
  });

  it('counts without a bar or ETA when the total is not known', () => {
    expect(progressLine(340, undefined, 20, 'runs')).toBe('340 runs  17.0 runs/s  elapsed 0:20');
    let t = 0;
    const { out, s } = stream(false);
    const bar = progressBar(undefined, { unit: 'runs', label: 'fixed heads', stream: s, now: () => t });
    t = 6000;
    bar.update(120);
    expect(out).toEqual(['fixed heads: 120 runs, 0:06 elapsed\n']);
  });
});
