/**
 * Slack waters, where flexible operation decides: the turning points of a sampled sea level,
 * against the harmonic engine's own high and low waters (found from the rate, to the second),
 * on clean and on noisy series.
 */
import { describe, expect, it } from 'vitest';
import { harmonicModel, highLowWaters, loadSite, predictSeaLevel } from '../../src/tide/index.js';
import { slackWaters } from '../../src/tide/turning-points.js';

const site = loadSite('liverpool');
const t0 = Date.UTC(2018, 2, 1) / 1000;
const days = 30;
const dt = 300;
const sea = predictSeaLevel(site, t0, dt, (days * 86400) / dt + 1);

describe('slack waters of a sea-level series', () => {
  it('are the high and low waters of the harmonic prediction: same count and kinds, times within a minute', () => {
    const ours = slackWaters(sea);
    const exact = highLowWaters(harmonicModel(site), t0, t0 + days * 86400).filter(
      (e) => e.time > t0 + dt && e.time < t0 + days * 86400 - dt,
    );
    expect(ours.length).toBeGreaterThan(110);
    expect(ours.length).toBe(exact.length);
    ours.forEach((w, k) => {
      expect(w.kind).toBe(exact[k].kind);
      expect(Math.abs(w.time - exact[k].time)).toBeLessThan(60);
      // The decision applies from the extreme sample or the one after it: the highest (lowest)
      // sample within an hour either side is one of those two, and the slack water's level is it.
      const near = Array.from(sea.level.subarray(w.index - 12, w.index + 13));
      const top = w.kind === 'high' ? Math.max(...near) : Math.min(...near);
      expect([sea.level[w.index - 1], sea.level[w.index]]).toContain(top);
      expect(w.level).toBe(top);
    });
  });

  it('ignore wiggles smaller than the band: noise of +-5 cm changes nothing but the times, by minutes', () => {
    // A deterministic pseudo-random noise, as a gauge or a surge would add.
    let seed = 12345;
    const noise = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed / 2147483648 - 0.5) * 0.1;
    };
    const noisy = { ...sea, level: sea.level.map((z) => z + noise()) };
    const clean = slackWaters(sea);
    const rough = slackWaters(noisy);
    expect(rough.length).toBe(clean.length);
    rough.forEach((w, k) => {
      expect(w.kind).toBe(clean[k].kind);
      expect(Math.abs(w.time - clean[k].time)).toBeLessThan(30 * 60);
    });
  });

  it('alternate, and leave out the ends of the series (the level may turn beyond them)', () => {
    const w = slackWaters({ ...sea, level: sea.level.subarray(0, 300) });
    for (let k = 1; k < w.length; k++) expect(w[k].kind).not.toBe(w[k - 1].kind);
    for (const x of w) {
      expect(x.index).toBeGreaterThan(0);
      expect(x.index).toBeLessThan(300);
    }
    // A series that only rises has none.
    expect(slackWaters({ t0, dt, level: Float64Array.from({ length: 50 }, (_, i) => i * 0.1) })).toEqual([]);
  });
});
