import { describe, expect, it } from 'vitest';
import { areaAt, constantAreaBasin, levelAt, makeBasin, volumeAt } from '../../src/scheme/basin.js';

describe('basin hypsometry', () => {
  // A basin whose area grows linearly from 0 at z = 0 to 2e6 m^2 at z = 2: V(z) = 0.5e6 z^2.
  const wedge = makeBasin([0, 2], [0, 2e6]);

  it('integrates a linear area exactly into a quadratic volume', () => {
    for (const z of [0, 0.3, 1, 1.7, 2]) expect(volumeAt(wedge, z)).toBeCloseTo(0.5e6 * z * z, 6);
  });

  it('inverts V(z) exactly, including from zero area at the bottom', () => {
    for (const v of [0, 1, 1e3, 1e5, 2e6]) expect(levelAt(wedge, v)).toBeCloseTo(Math.sqrt(v / 0.5e6), 12);
  });

  it('round-trips level -> volume -> level over the Mersey-like drying flats', () => {
    const b = makeBasin([-9, -4.93, -3.93, -0.93, 2.07, 5.07, 10], [3.6e6, 3.6e6, 8e6, 3.4e7, 5.6e7, 6.65e7, 6.65e7]);
    for (let z = -12; z <= 12; z += 0.137) {
      const v = volumeAt(b, z);
      expect(levelAt(b, v, 3)).toBeCloseTo(z, 10);
    }
  });

  it('is continuous and increasing in volume across breakpoints', () => {
    const b = makeBasin([0, 1, 2, 3], [1e6, 4e6, 4e6, 9e6]);
    let prev = -Infinity;
    for (let z = -0.5; z <= 3.5; z += 0.001) {
      const v = volumeAt(b, z);
      expect(v).toBeGreaterThan(prev);
      prev = v;
    }
    expect(volumeAt(b, 1 - 1e-12)).toBeCloseTo(volumeAt(b, 1 + 1e-12), 3);
  });

  it('holds area constant outside the table', () => {
    const b = constantAreaBasin(5e6, -5, 5);
    expect(areaAt(b, -10)).toBe(5e6);
    expect(volumeAt(b, 7) - volumeAt(b, 6)).toBeCloseTo(5e6, 6);
  });

  it('rejects levels that do not increase', () => {
    expect(() => makeBasin([0, 1, 1], [1, 2, 3])).toThrow(/increase strictly \(row 3/);
  });
});
