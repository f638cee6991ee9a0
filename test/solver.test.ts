import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/scenario/load.js';
import { buildRun } from '../src/scenario/build.js';
import { allocateSeries, integrate, type SeaLevel, type SchemeModel } from '../src/solver/integrate.js';
import { massBalanceError } from '../src/solver/accounting.js';
import { constantAreaBasin, volumeAt } from '../src/scheme/basin.js';
import { ebbOnly } from '../src/operation/fixed-head.js';
import { simulate } from '../src/simulate.js';

const MERSEY = fileURLToPath(new URL('../models/mersey-barrage-libaux-ebb.json', import.meta.url));

function sinusoid(amplitude: number, periodS: number, dt: number, days: number): SeaLevel {
  const n = Math.round((days * 86400) / dt) + 1;
  const level = new Float64Array(n);
  for (let i = 0; i < n; i++) level[i] = amplitude * Math.sin((2 * Math.PI * i * dt) / periodS);
  return { t0: Date.UTC(2018, 0, 1) / 1000, dt, level };
}

describe('0-D integrator on the Mersey default', () => {
  const s = loadScenario(MERSEY);
  const run = buildRun(s);

  it('closes the mass balance: volume change = net inflow to 1e-9 relative', () => {
    const t = integrate(run.sea, run.scheme, run.ops);
    expect(massBalanceError(t)).toBeLessThan(1e-9);
    // and the volume moved is substantial, so the check is not vacuous
    expect(Math.abs(t.turbineVolume) + Math.abs(t.sluiceVolume)).toBeGreaterThan(1e10);
  });

  it('closes the mass balance step by step, from the recorded series', () => {
    const series = allocateSeries(run.sea.level.length);
    integrate(run.sea, run.scheme, run.ops, { series });
    let worst = 0;
    for (let i = 0; i + 1 < run.sea.level.length; i++) {
      const dV = volumeAt(run.scheme.basin, series.basinLevel[i + 1]) - volumeAt(run.scheme.basin, series.basinLevel[i]);
      const inflow = -(series.turbineFlow[i] + series.sluiceFlow[i]) * run.sea.dt;
      worst = Math.max(worst, Math.abs(dV - inflow) / Math.max(Math.abs(inflow), 1e6));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('converges: halving the step from 10 min changes annual energy by well under 1 %', () => {
    const energy = (dt: number) => simulate({ ...s, time_step_s: dt }).summary.energy_gwh;
    const e600 = energy(600);
    const e300 = energy(300);
    const e60 = energy(60);
    expect(Math.abs(e600 - e60) / e60).toBeLessThan(0.01);
    expect(Math.abs(e300 - e60) / e60).toBeLessThan(0.005);
    // Error shrinks at least like first order as dt falls: the 5-min error is under half the 10-min error.
    expect(Math.abs(e300 - e60)).toBeLessThan(0.5 * Math.abs(e600 - e60));
  });

  it('gives an annual yield inside the published range for Mersey barrage studies (0.9-1.5 TWh/yr)', () => {
    // Range: Peel/NWDA studies and Energy River (Becker, Plater & Wolf 2017), per shared/data/SOURCES.md.
    const r = simulate(s);
    expect(r.summary.annual_energy_gwh).toBeGreaterThan(900);
    expect(r.summary.annual_energy_gwh).toBeLessThan(1500);
    const monthly = r.summary.monthly.reduce((a, m) => a + m.energy_gwh, 0);
    expect(monthly).toBeCloseTo(r.summary.energy_gwh, 6);
  });
});

describe('limiting cases', () => {
  const tide = sinusoid(4, 44712, 300, 5);
  const basin = constantAreaBasin(1e7, -20, 20);
  const turbine = buildRun(loadScenario(MERSEY)).scheme.turbine;

  it('a closed basin (no turbines, no sluices) keeps its level', () => {
    const closed: SchemeModel = { basin, turbine, turbineCount: 0, sluiceCdA: 0 };
    const series = allocateSeries(tide.level.length);
    const t = integrate(tide, closed, ebbOnly({ startHead: 2, endHead: 1 }), { initialLevel: 0.7, series });
    for (const z of series.basinLevel) expect(Math.abs(z - 0.7)).toBeLessThan(1e-12);
    expect(t.energy).toBe(0);
  });

  it('a basin with huge sluices follows the sea while filling', () => {
    const open: SchemeModel = { basin, turbine, turbineCount: 0, sluiceCdA: 1e6 };
    const series = allocateSeries(tide.level.length);
    const ops = ebbOnly({ startHead: 100, endHead: 50 }); // never generates: fills, then holds
    integrate(tide, open, ops, { series });
    let worst = 0;
    for (let i = 0; i < tide.level.length; i++) if (series.mode[i] === 0) worst = Math.max(worst, Math.abs(series.basinLevel[i] - tide.level[i]));
    expect(worst).toBeLessThan(0.01);
  });
});
