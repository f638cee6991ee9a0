// Prediction: against @neaps/tide-predictor run here on the same constants, against the observed
// 2018 Liverpool record, and the fast synthesis against our own direct evaluation.

import { fileURLToPath } from 'node:url';
import { createTidePredictor } from '@neaps/tide-predictor';
import { describe, expect, it } from 'vitest';
import { harmonicModel, loadSite, predictDirect, predictSeaLevel, readSeriesCsv, synthesize } from '../../src/tide/index.js';

const OBSERVED = fileURLToPath(new URL('../../data/liverpool-gladstone-dock-2018-observed.csv', import.meta.url));
const site = loadSite('liverpool');
const utc = (iso: string) => Date.parse(iso) / 1000;

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('Liverpool prediction against @neaps/tide-predictor', () => {
  // neaps refreshes f and u every 24 h from the start and takes V0 once at the start; both are
  // exact enough that all 50 constituents, not only the main ones, agree to well under 1 cm.
  const predictor = createTidePredictor(
    site.constituents.map((c) => ({ ...c })),
    { offset: site.z0 },
  );
  for (const year of [1905, 2018, 2093]) {
    it(`agrees within 1 cm over the whole year ${year} (10-min steps, all 50 constituents)`, () => {
      const t0 = Date.UTC(year, 0, 1) / 1000;
      const dt = 600;
      const n = 365 * 144 + 1;
      const ours = predictSeaLevel(site, t0, dt, n);
      const theirs = predictor.getTimelinePrediction({
        start: new Date(t0 * 1000),
        end: new Date((t0 + (n - 1) * dt) * 1000),
        timeFidelity: dt,
      });
      expect(theirs.length).toBe(n);
      expect(theirs[n - 1].time.getTime()).toBe((t0 + (n - 1) * dt) * 1000);
      const diff = maxAbsDiff(
        ours.level,
        theirs.map((p) => p.level),
      );
      expect(diff).toBeLessThan(0.01);
      // It is a real tide: the range is metres.
      expect(Math.max(...ours.level) - Math.min(...ours.level)).toBeGreaterThan(9);
    });
  }
});

describe('Liverpool prediction against the observed 2018 record', () => {
  it('leaves under 0.22 m rms (the rest is surge) with a mean near zero', () => {
    const obs = readSeriesCsv(OBSERVED);
    const n = obs.time.length;
    expect(n).toBe(35040);
    const dt = 900;
    expect(obs.time[n - 1] - obs.time[0]).toBe((n - 1) * dt);
    const pred = predictSeaLevel(site, obs.time[0], dt, n);
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < n; i++) {
      const r = obs.level[i] - pred.level[i];
      sum += r;
      sum2 += r * r;
    }
    const rms = Math.sqrt(sum2 / n);
    expect(rms).toBeLessThan(0.22);
    // Z0 is mean sea level over the TICON epoch (0.446 m ODN); 2018 averaged 0.43 m ODN.
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    // A wrong phase convention shows: the same constants 30 minutes late leave far more.
    const late = predictSeaLevel(site, obs.time[0] - 1800, dt, n);
    let lateSum2 = 0;
    for (let i = 0; i < n; i++) lateSum2 += (obs.level[i] - late.level[i]) ** 2;
    expect(Math.sqrt(lateSum2 / n)).toBeGreaterThan(0.5);
  });
});

describe('datums', () => {
  it('gives chart-datum levels 4.93 m above ODN levels', () => {
    const t0 = utc('2018-03-01T00:00:00Z');
    const odn = predictSeaLevel(site, t0, 3600, 48);
    const cd = predictSeaLevel(site, t0, 3600, 48, { datum: 'CD' });
    for (let i = 0; i < 48; i++) expect(cd.level[i] - odn.level[i]).toBeCloseTo(4.93, 12);
  });

  it('rejects a datum the site does not have, naming the ones it has', () => {
    expect(() => predictSeaLevel(site, 0, 60, 10, { datum: 'NAVD88' })).toThrow(/no datum "NAVD88".*CD/);
  });
});

describe('fast synthesis against direct evaluation', () => {
  const model = harmonicModel(site);
  it('stays within the requested tolerance over a year at 10-min steps', () => {
    const t0 = utc('2018-01-01T00:00:00Z');
    const n = 365 * 144 + 1;
    const direct = predictDirect(model, t0, 600, n);
    for (const tolerance of [1e-3, 1e-4]) {
      const err = maxAbsDiff(synthesize(model, t0, 600, n, { tolerance }).level, direct.level);
      expect(err, `tolerance ${tolerance}`).toBeLessThanOrEqual(tolerance);
      // Not vacuous: interpolation is in use, the error reaching at least a tenth of the bound.
      expect(err, `tolerance ${tolerance}`).toBeGreaterThan(tolerance / 10);
    }
  });

  it('stays within 1e-4 m at 60-s steps over a month, and exact to 1e-7 m with rotation alone', () => {
    const t0 = utc('2030-06-01T00:00:00Z');
    const n = 30 * 1440 + 1;
    const direct = predictDirect(model, t0, 60, n);
    expect(maxAbsDiff(synthesize(model, t0, 60, n).level, direct.level)).toBeLessThanOrEqual(1e-4);
    expect(maxAbsDiff(synthesize(model, t0, 60, n, { tolerance: 0 }).level, direct.level)).toBeLessThan(1e-7);
  });

  it('handles grids that do not fit the nodes: odd lengths, steps over a day, dates before 1970', () => {
    const cases: [string, number, number][] = [
      ['1900-01-01T00:00:00Z', 60, 1],
      ['1900-01-01T00:00:00Z', 60, 2],
      ['1969-12-31T23:59:30Z', 37, 5003],
      ['2099-12-30T00:00:00Z', 90000, 19],
      ['2018-06-15T12:34:56Z', 1, 7777],
    ];
    for (const [iso, dt, n] of cases) {
      const t0 = utc(iso);
      const fast = synthesize(model, t0, dt, n);
      expect(fast.level.length).toBe(n);
      expect(fast.t0).toBe(t0);
      expect(fast.dt).toBe(dt);
      expect(maxAbsDiff(fast.level, predictDirect(model, t0, dt, n).level), `${iso} dt=${dt} n=${n}`).toBeLessThanOrEqual(1e-4);
    }
    expect(synthesize(model, 0, 60, 0).level.length).toBe(0);
  });

  it('rejects a bad grid', () => {
    expect(() => synthesize(model, 0, 0, 10)).toThrow(/time step must be a positive number of seconds/);
    expect(() => synthesize(model, Number.NaN, 60, 10)).toThrow(/start time/);
    expect(() => synthesize(model, 0, 60, 2.5)).toThrow(/whole number/);
    expect(() => synthesize(model, 0, 60, 10, { tolerance: -1 })).toThrow(/tolerance/);
  });
});
