/** Progress of a run: reported in windows of steps, which give exactly the run made in one go. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/paths.js';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/simulate.js';

describe('a run with progress', () => {
  it('reports the steps done up to the total and gives the same result, bit for bit', { timeout: 60_000 }, () => {
    const s = loadScenario(DEFAULT_SCENARIO, []);
    s.period = { start: '2018-03-01T00:00:00Z', end: '2018-03-20T00:00:00Z' };
    const plain = simulate(s);
    const seen: [number, number][] = [];
    const reported = simulate(s, { onProgress: (done, total) => seen.push([done, total]) });
    const total = plain.sea.level.length - 1;
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen.at(-1)![0]).toBe(total);
    for (let k = 1; k < seen.length; k++) expect(seen[k][0]).toBeGreaterThan(seen[k - 1][0]);
    expect(reported.summary).toEqual(plain.summary);
    expect(Array.from(reported.series.basinLevel)).toEqual(Array.from(plain.series.basinLevel));
    expect(reported.halfTides).toEqual(plain.halfTides);
  });
});
