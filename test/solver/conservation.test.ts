/**
 * Mass conservation and the two limiting cases of a basin's response: closed, it keeps its level;
 * open through huge sluices, it follows the sea with the lag the orifice law predicts.
 */
import { describe, expect, it } from 'vitest';
import { fixedHeadCycle } from '../../src/operation/fixed-head.js';
import { buildModeTable } from '../../src/operation/modes.js';
import { GRAVITY } from '../../src/physics.js';
import { buildRun } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/load.js';
import { constantAreaBasin, volumeAt } from '../../src/scheme/basin.js';
import { massBalanceError } from '../../src/solver/accounting.js';
import { integrate } from '../../src/solver/integrate.js';
import { allocateSeries, type SchemeModel } from '../../src/solver/types.js';
import { LIBAUX, MERSEY } from '../fixtures.js';
import { idealTurbine, PERIOD, sinusoid } from '../ideal.js';

describe('mass balance', () => {
  // The Libaux ebb-only barrage, and the default two-way barrage with pumping (every path: turbines
  // generating both ways, pumps both ways, sluices and idle turbines), on the drying Mersey flats.
  for (const file of [LIBAUX, MERSEY]) {
    const run = buildRun(loadScenario(file));
    const series = allocateSeries(run.sea.level.length);
    const t = integrate(run.sea, run.scheme, run.ops, { series });

    it(`closes over the year to round-off (${run.ops.names.length} modes)`, () => {
      expect(massBalanceError(t)).toBeLessThan(1e-12);
      // the volume moved is substantial, so the check is not vacuous
      expect(Math.abs(t.turbineVolume) + Math.abs(t.sluiceVolume)).toBeGreaterThan(1e10);
    });

    it(`closes step by step: volume change = net inflow (${run.ops.names.length} modes)`, () => {
      let worst = 0;
      for (let i = 0; i + 1 < run.sea.level.length; i++) {
        const dV = volumeAt(run.scheme.basin, series.basinLevel[i + 1]) - volumeAt(run.scheme.basin, series.basinLevel[i]);
        const inflow = -(series.turbineFlow[i] + series.sluiceFlow[i]) * run.sea.dt;
        worst = Math.max(worst, Math.abs(dV - inflow) / Math.max(Math.abs(inflow), 1e6));
      }
      expect(worst).toBeLessThan(1e-9);
    });
  }
});

describe('limiting cases', () => {
  const area = 1e7;
  const tide = sinusoid(4, PERIOD, 300, 4);
  const basin = constantAreaBasin(area, -20, 20);

  it('a closed basin (no turbines, no sluices) keeps its level, whatever the operation', () => {
    const closed: SchemeModel = {
      basin,
      turbine: idealTurbine(100, { pump: { efficiency: 0.8, power: 1e7, maxFlow: 500 } }),
      turbineCount: 0,
      sluiceCdA: 0,
    };
    const operations = [
      fixedHeadCycle({ ebb: { startHead: 2, endHead: 1 } }),
      fixedHeadCycle({
        ebb: { startHead: 2, endHead: 1, pumpToHead: 0.5 },
        flood: { startHead: 2, endHead: 1, pumpToHead: 0.5 },
        ramp: 600,
      }),
    ];
    for (const ops of operations) {
      const series = allocateSeries(tide.level.length);
      const t = integrate(tide, closed, ops, { initialLevel: 0.7, series });
      for (const z of series.basinLevel) expect(Math.abs(z - 0.7)).toBeLessThan(1e-12);
      expect(t.energy).toBe(0);
      expect(t.pumpEnergy).toBe(0);
    }
  });

  it('a basin open through sluices follows the sea with the quasi-steady orifice lag, and through huge ones is the sea', () => {
    // Sluices always open. When the basin follows the sea, A*d(eta)/dt = Cd*A_s*sqrt(2g|H|), so the
    // lag is |H| = (A*a*omega/(Cd*A_s))^2/(2g) at mid-tide, where the sea moves fastest (valid
    // while the basin's response time, 2|H|/(a*omega), is short beside the tide's 1/omega).
    const open = buildModeTable([{ name: 'open', exitDir: 1, exitHead: 1e9, next: 'open', sluice: true }]);
    const a = 2;
    const omega = (2 * Math.PI) / PERIOD;
    const sea = sinusoid(a, PERIOD, 30, 2);
    const lagOf = (cdA: number) => {
      const series = allocateSeries(sea.level.length);
      integrate(sea, { basin, turbine: idealTurbine(0), turbineCount: 0, sluiceCdA: cdA }, open, { series });
      let worst = 0;
      for (let i = sea.level.length >> 1; i < sea.level.length; i++)
        worst = Math.max(worst, Math.abs(series.basinLevel[i] - sea.level[i]));
      return worst;
    };
    for (const lag of [0.02, 0.08]) {
      const cdA = (area * a * omega) / Math.sqrt(2 * GRAVITY * lag);
      expect(lagOf(cdA)).toBeGreaterThan(0.95 * lag);
      expect(lagOf(cdA)).toBeLessThan(1.05 * lag);
    }
    expect(lagOf(1e5)).toBeLessThan(1e-3);
  });
});
