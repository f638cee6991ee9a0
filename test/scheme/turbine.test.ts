/**
 * Physics of the turbine tables: every kind gives no more power than the water carries, respects
 * its rated power by throttling the flow at constant efficiency, and the pump draws at least the
 * potential energy it gives the water. Reference values are computed here from the published
 * formulas, independently of the code under test.
 */

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readNumericCsv } from '../../src/io/csv-read.js';
import { type AggidisFeatherSpec, aggidisFeatherPoint, aggidisFeatherUnit } from '../../src/scheme/aggidis-feather.js';
import { type HillChart, tableFromChart } from '../../src/scheme/hill-chart.js';
import { type IdealTurbineSpec, idealTurbinePoint, idealTurbineUnit } from '../../src/scheme/ideal-turbine.js';
import { orificeFlow } from '../../src/scheme/orifice.js';
import {
  constantEfficiency,
  efficiencyByLift,
  type IdealPumpSpec,
  idealPumpPoint,
  logEfficiency,
  type PumpSpec,
  pumpChartPoint,
  pumpPoint,
  withPump,
} from '../../src/scheme/pump.js';
import {
  type HeadCurve,
  maxOf,
  PARAMETRIC_MAX_HEAD,
  parametricTable,
  TABLE_DH,
  type TurbineTable,
} from '../../src/scheme/turbine.js';

const RHO = 1025;
const G = 9.81;
const RHO_G = RHO * G;
/** Round-off allowance for comparisons of quantities computed in different orders. */
const ROUND = 1e-12;

// Aggidis & Feather (2012), as quoted in shared/data/SOURCES.md: typical 50 Hz, 95 poles, 7.35 m, 20 MW
// (and 113 poles for 8.9 m, 30 MW). Shaft power: the chain to the grid is scheme/losses.ts.
const AF_735: AggidisFeatherSpec = { diameter: 7.35, poles: 95, gridFrequency: 50, ratedPower: 20e6 };
const AF_890: AggidisFeatherSpec = { diameter: 8.9, poles: 113, gridFrequency: 50, ratedPower: 30e6 };
const IDEAL: IdealTurbineSpec = { diameter: 8, dischargeCoefficient: 1, efficiency: 1, ratedPower: 25e6 };
const LOSSY_IDEAL: IdealTurbineSpec = { diameter: 7.2, dischargeCoefficient: 0.9, efficiency: 0.85, ratedPower: 20e6 };

const CHART_FILE = fileURLToPath(new URL('../../data/bulb-turbine-9m-hill-chart.csv', import.meta.url));
function chart9m(): HillChart {
  const c = readNumericCsv(CHART_FILE, ['head_m', 'power_mw', 'flow_m3s']);
  return { head: c.head_m, power: c.power_mw.map((p) => p * 1e6), flow: c.flow_m3s, diameter: 9 };
}

/** The Aggidis-Feather formulas written out again, for reference values: [power W, flow m3/s]. */
function afReference(s: AggidisFeatherSpec, h: number, factor = 1): [number, number] {
  const n = (120 * s.gridFrequency) / s.poles;
  const n11 = (n * s.diameter) / Math.sqrt(h);
  const q11 = n11 < 255 ? 0.0166 * n11 + 0.4861 : 4.75;
  const q = q11 * s.diameter ** 2 * Math.sqrt(h);
  const eta = (1.2461 - 0.0019 * n11) * factor;
  const p = RHO * G * q * h * eta;
  return p <= s.ratedPower ? [p, q] : [s.ratedPower, s.ratedPower / (RHO * G * h * eta)];
}

const tables: [string, TurbineTable][] = [
  ['chart 9 m scaled to 8 m', tableFromChart(chart9m(), 8, 1, { floodFactor: 0.9 })],
  ['Aggidis-Feather 7.35 m, 95 poles, 20 MW', parametricTable(aggidisFeatherUnit(AF_735), 1, 0.9)],
  ['Aggidis-Feather 8.9 m, 113 poles, 30 MW', parametricTable(aggidisFeatherUnit(AF_890), 1, 0.9)],
  ['ideal 8 m, Cd 1, eta 1, 25 MW', parametricTable(idealTurbineUnit(IDEAL), 1, 1)],
  ['ideal 7.2 m, Cd 0.9, eta 0.85, 20 MW', parametricTable(idealTurbineUnit(LOSSY_IDEAL), 1, 0.9)],
];

/** Largest P/(rho*g*Q*H) over the nodes of a curve with H > 0 and Q > 0. */
function maxEfficiency(c: HeadCurve, dh: number): number {
  let m = 0;
  for (let k = 1; k < c.power.length; k++) if (c.flow[k] > 0) m = Math.max(m, c.power[k] / (RHO_G * c.flow[k] * k * dh));
  return m;
}

describe('every kind: power never exceeds what the water carries, and never the rated power', () => {
  for (const [name, t] of tables) {
    it(name, () => {
      for (const c of [t.ebb, t.flood]) {
        expect(c.power.length).toBe(c.flow.length);
        expect(c.power[0]).toBe(0);
        for (let k = 0; k < c.power.length; k++) {
          expect(c.power[k]).toBeGreaterThanOrEqual(0);
          expect(c.flow[k]).toBeGreaterThanOrEqual(0);
          expect(c.power[k]).toBeLessThanOrEqual(t.ratedPower * (1 + ROUND));
        }
        expect(maxEfficiency(c, t.dh)).toBeLessThanOrEqual(1 + ROUND);
      }
      // Generation does reach the rated power on the ebb within the tabulated heads.
      expect(Math.max(...t.ebb.power)).toBeCloseTo(t.ratedPower, 3);
    });
  }
});

describe('Aggidis & Feather (2012) parametric bulb turbine', () => {
  it('reproduces values computed by hand from the published formulas (7.35 m, 95 poles, 50 Hz, 20 MW)', () => {
    // Hand computation (n = 6000/95 = 63.158 rpm, rho = 1025 kg/m3, g = 9.81 m/s2), shaft power
    // capped at the rating (the convention of the 0-D code of Angeloudis et al. 2018):
    //   H = 2 m: n11 = 328.25 -> Q11 = 4.75, Q = 362.90 m3/s, eta = 0.62243, P = 4.5425 MW
    //   H = 4 m: n11 = 232.11 -> Q11 = 4.33905, Q = 468.81 m3/s, eta = 0.80510, P = 15.1810 MW
    //   H = 8 m: n11 = 164.12, eta = 0.93427, uncapped P = 36.868 MW > 20 MW, so P = 20 MW and
    //            Q = 20e6/(rho*g*8*0.93427) = 266.12 m3/s
    const cases: [number, number, number][] = [
      [2, 4.5425e6, 362.9],
      [4, 15.181e6, 468.81],
      [8, 20e6, 266.12],
    ];
    for (const [h, p, q] of cases) {
      const pt = aggidisFeatherPoint(AF_735, h);
      expect(pt.power / p).toBeCloseTo(1, 4);
      expect(pt.flow / q).toBeCloseTo(1, 4);
    }
  });

  it('matches the formulas written out independently at many heads, ebb and flood, both published units', () => {
    for (const spec of [AF_735, AF_890]) {
      for (let h = 0.7; h <= 12; h += 0.37) {
        for (const factor of [1, 0.9]) {
          const [p, q] = afReference(spec, h, factor);
          const pt = aggidisFeatherPoint(spec, h, factor);
          expect(pt.power).toBeCloseTo(p, 3);
          expect(pt.flow).toBeCloseTo(q, 9);
        }
      }
    }
  });

  it('the table holds the point values on its uniform head grid', () => {
    const t = parametricTable(aggidisFeatherUnit(AF_890), 1, 0.9);
    expect(t.dh).toBe(TABLE_DH);
    expect(t.ebb.power.length).toBe(Math.round(PARAMETRIC_MAX_HEAD / TABLE_DH) + 1);
    for (const k of [1, 57, 300, 512, 777, 1500, 2000]) {
      const h = k * t.dh;
      expect(t.ebb.power[k]).toBe(aggidisFeatherPoint(AF_890, h, 1).power);
      expect(t.flood.flow[k]).toBe(aggidisFeatherPoint(AF_890, h, 0.9).flow);
    }
  });

  it('above the rated power the flow is throttled so the efficiency stays that of the formula', () => {
    let capped = 0;
    for (let h = 0.5; h < 12.8; h += 0.05) {
      const pt = aggidisFeatherPoint(AF_735, h);
      const n11 = ((6000 / 95) * 7.35) / Math.sqrt(h);
      const eta = 1.2461 - 0.0019 * n11;
      if (eta <= 0) continue;
      expect(pt.power / (RHO_G * pt.flow * h)).toBeCloseTo(eta, 12);
      if (pt.power >= 20e6) capped++;
    }
    expect(capped).toBeGreaterThan(50); // the cap is exercised: rated from about 5.0 m
  });

  it('holds the efficiency fit to [0, 1] where the linear fit leaves it', () => {
    // eta = 1.2461 - 0.0019*n11 < 0 for n11 > 655.8: for 7.35 m at 63.16 rpm, below H = 0.50 m.
    expect(aggidisFeatherPoint(AF_735, 0.4).power).toBe(0);
    expect(aggidisFeatherPoint(AF_735, 0.4).flow).toBeGreaterThan(0);
    // eta > 1 for n11 < 129.5: a slow, many-pole unit at high head. Power is then rho*g*Q*H at most.
    const slow: AggidisFeatherSpec = { ...AF_735, poles: 200, ratedPower: 1e9 };
    const pt = aggidisFeatherPoint(slow, 9);
    expect(pt.power / (RHO_G * pt.flow * 9)).toBeCloseTo(1, 12);
  });

  it('is less efficient on the flood by the flood factor, and reaches rated power at a higher head', () => {
    const t = parametricTable(aggidisFeatherUnit(AF_735), 1, 0.9);
    const firstRated = (c: HeadCurve) => c.power.findIndex((p) => p >= 20e6 * (1 - ROUND)) * t.dh;
    for (let k = 80; k < 480; k += 7) {
      const h = k * t.dh;
      const effEbb = t.ebb.power[k] / (RHO_G * t.ebb.flow[k] * h);
      const effFlood = t.flood.power[k] / (RHO_G * t.flood.flow[k] * h);
      expect(effFlood / effEbb).toBeCloseTo(0.9, 12);
      expect(t.flood.flow[k]).toBe(t.ebb.flow[k]); // below the cap the unit passes the same water
    }
    expect(firstRated(t.flood)).toBeGreaterThan(firstRated(t.ebb) + 0.2);
  });
});

describe('tabulated chart scaled by (D/D0)^2', () => {
  const chart = chart9m();

  it('at the chart diameter, reproduces the chart at its own heads', () => {
    const t = tableFromChart(chart, 9, 1);
    for (let i = 0; i < chart.head.length; i++) {
      const k = Math.round(chart.head[i] / t.dh);
      expect(t.ebb.power[k]).toBeCloseTo(chart.power[i], 3);
      expect(t.ebb.flow[k]).toBeCloseTo(chart.flow[i], 9);
    }
    expect(t.ratedPower).toBe(38.9e6);
  });

  it('power and flow scale with (D/D0)^2 at every head', () => {
    const t9 = tableFromChart(chart, 9, 1);
    for (const d of [5.35, 8, 10]) {
      const t = tableFromChart(chart, d, 1);
      const s = (d / 9) ** 2;
      expect(t.ratedPower / t9.ratedPower).toBeCloseTo(s, 12);
      for (let k = 0; k < t.ebb.power.length; k += 13) {
        expect(t.ebb.power[k]).toBeCloseTo(s * t9.ebb.power[k], 6);
        expect(t.ebb.flow[k]).toBeCloseTo(s * t9.ebb.flow[k], 9);
      }
      expect(t.idleCdA).toBeCloseTo((Math.PI * d * d) / 4, 12);
    }
  });

  it('the flood keeps the chart flows with the power times the flood factor', () => {
    const t = tableFromChart(chart, 8, 1, { floodFactor: 0.9 });
    for (let k = 0; k < t.ebb.power.length; k += 11) {
      expect(t.flood.flow[k]).toBe(t.ebb.flow[k]);
      expect(t.flood.power[k]).toBeCloseTo(0.9 * t.ebb.power[k], 6);
    }
  });
});

describe('ideal orifice turbine', () => {
  it('matches the orifice formula below the cap: Q = Cd*A*sqrt(2gH), P = eta*rho*g*Q*H', () => {
    for (const spec of [IDEAL, LOSSY_IDEAL]) {
      const cdA = (spec.dischargeCoefficient * Math.PI * spec.diameter ** 2) / 4;
      let below = 0;
      for (let h = 0.05; h <= 15; h += 0.05) {
        const q = orificeFlow(cdA, h);
        const p = spec.efficiency * RHO_G * q * h;
        const pt = idealTurbinePoint(spec, h);
        if (p < spec.ratedPower) {
          below++;
          expect(pt.flow).toBeCloseTo(q, 9);
          expect(pt.power).toBeCloseTo(p, 3);
        } else {
          expect(pt.power).toBe(spec.ratedPower);
          expect(pt.flow).toBeCloseTo(spec.ratedPower / (spec.efficiency * RHO_G * h), 9);
        }
      }
      expect(below).toBeGreaterThan(10);
    }
  });

  it('between grid nodes the interpolated efficiency exceeds the node value by at most dh^2/(8a^2)', () => {
    // The solver interpolates power and flow linearly and separately. Between nodes a and b = a + dh,
    // at H = a + s*dh, the ratio of the interpolants exceeds eta by exactly
    // s(1-s)*dh*(Q_b - Q_a)/(Q_i*H); for Q ~ sqrt(H), Q_b - Q_a <= Q_a*dh/(2a), so the excess is at
    // most dh^2/(8a^2) (second order): 1.3e-5 at 1 m, 7.8e-7 at 4 m, but large in the first few
    // centimetres where the power is a few kW. Above the cap (Q ~ 1/H, convex) it is negative.
    const t = parametricTable(idealTurbineUnit(IDEAL), 1, 1);
    let worst = 0;
    for (let k = 2; k < 1500; k++) {
      for (const s of [0.25, 0.5, 0.75]) {
        const h = (k + s) * t.dh;
        const p = t.ebb.power[k] + s * (t.ebb.power[k + 1] - t.ebb.power[k]);
        const q = t.ebb.flow[k] + s * (t.ebb.flow[k + 1] - t.ebb.flow[k]);
        const excess = p / (RHO_G * q * h) - 1;
        const a = k * t.dh;
        expect(excess).toBeLessThanOrEqual((t.dh * t.dh) / (8 * a * a) + ROUND);
        worst = Math.max(worst, excess);
      }
    }
    expect(worst).toBeGreaterThan(0); // the effect is real, not an artefact of the check
  });
});

describe('pumping, the loss-free 0-D form (model ideal-0d)', () => {
  const specs: [string, TurbineTable, IdealPumpSpec][] = tables.map(([name, t]) => {
    let maxFlow = 0;
    for (const q of t.ebb.flow) maxFlow = Math.max(maxFlow, q);
    return [name, t, { power: t.ratedPower, maxFlow, efficiency: efficiencyByLift([0.5, 1, 2, 4], [0.4, 0.6, 0.8, 0.9]) }];
  });

  for (const [name, base, spec] of specs) {
    it(`${name}: power drawn >= rho*g*Q*H, equal to rho*g*Q*H/eta_p, flow within capacity, power within rating`, () => {
      const t = withPump(base, (h) => idealPumpPoint(spec, h));
      const pump = t.pump as HeadCurve;
      expect(pump.power.length).toBe(t.ebb.power.length);
      expect(pump.flow[0]).toBe(spec.maxFlow);
      for (let k = 1; k < pump.power.length; k++) {
        const h = k * t.dh;
        const lifted = RHO_G * pump.flow[k] * h; // rate of potential energy given to the water (W)
        expect(pump.power[k]).toBeGreaterThanOrEqual(lifted);
        expect(pump.power[k]).toBeCloseTo(lifted / spec.efficiency(h), 3);
        expect(pump.flow[k]).toBeLessThanOrEqual(spec.maxFlow);
        expect(pump.power[k]).toBeLessThanOrEqual(spec.power * (1 + ROUND));
      }
      // At 8 m the flow at full power, 0.9*P/(rho*g*8), is below the capacity: the unit draws its full power.
      const k8 = Math.round(8 / t.dh);
      const q8 = (0.9 * spec.power) / (RHO_G * 8);
      expect(q8).toBeLessThan(spec.maxFlow);
      expect(pump.power[k8]).toBeCloseTo(spec.power, 3);
      expect(pump.flow[k8]).toBeCloseTo(q8, 9);
      // At 0.25 m the capacity binds and the power drawn is rho*g*Q_max*H/eta_p.
      const k = Math.round(0.25 / t.dh);
      expect(pump.flow[k]).toBe(spec.maxFlow);
    });
  }

  it('energy drawn over a whole pumping run is at least the potential energy given to the basin', () => {
    // Pump a 10 km2 basin from sea level up by 1.5 m with 10 ideal units at a constant 0.8
    // efficiency; the potential energy gained is rho*g*A*L^2/2 (each layer dz lifted by z).
    const spec = { power: 25e6, maxFlow: 800, efficiency: constantEfficiency(0.8) };
    const t = withPump(parametricTable(idealTurbineUnit(IDEAL), 1, 1), (h) => idealPumpPoint(spec, h));
    const pump = t.pump as HeadCurve;
    const area = 1e7;
    const units = 10;
    const dt = 1;
    let z = 0;
    let energy = 0;
    while (z < 1.5) {
      // Midpoint in lift: power and flow read at the lift halfway through the step, as the solver would.
      const at = (h: number, c: Float64Array) => {
        const x = h / t.dh;
        const k = Math.min(Math.floor(x), c.length - 2);
        return c[k] + (x - k) * (c[k + 1] - c[k]);
      };
      const q1 = at(z, pump.flow) * units;
      const zMid = z + (q1 * dt) / (2 * area);
      energy += at(zMid, pump.power) * units * dt;
      z += (at(zMid, pump.flow) * units * dt) / area;
    }
    const potential = (RHO_G * area * z * z) / 2;
    expect(energy).toBeGreaterThanOrEqual(potential);
    expect(energy / potential).toBeCloseTo(1 / 0.8, 2);
  });

  it('idealPumpPoint at zero lift passes the capacity and draws nothing', () => {
    expect(idealPumpPoint({ power: 1e6, maxFlow: 300, efficiency: constantEfficiency(0.7) }, 0)).toEqual({ power: 0, flow: 300 });
  });
});

describe('pumping with losses (the default pump)', () => {
  // The default rule for an 8 m Aggidis-Feather unit (100 poles, 25 MW): capacity = its turbine
  // flow at 2.5 m; friction head (1 - 0.95) x 2.5 m at that flow; the log efficiency curve.
  const af8 = aggidisFeatherUnit({ diameter: 8, poles: 100, gridFrequency: 50, ratedPower: 25e6 });
  const capacity = af8.point(2.5, 1).flow;
  const spec: PumpSpec = { capacity, maxPower: 25e6, frictionHead: 0.05 * 2.5, efficiency: logEfficiency };

  it("the capacity is below the turbine rating: the turbine flow at 2.5 m, under the unit's largest flow", () => {
    // n11 = 60*8/sqrt(2.5) = 303.6 > 255: Q11 = 4.75, Q = 4.75*64*sqrt(2.5) = 480.7 m3/s.
    expect(capacity).toBeCloseTo(4.75 * 64 * Math.sqrt(2.5), 9);
    const t = parametricTable(af8, 1, 0.9);
    expect(capacity).toBeLessThan(maxOf(t.ebb.flow));
  });

  it('power at zero lift is positive: the pump works against the passage friction', () => {
    const p = pumpPoint(spec, 0);
    expect(p.flow).toBe(capacity);
    // Friction head 0.125 m at the capacity; the log curve is held at 0.4 there.
    expect(p.power).toBeCloseTo((RHO_G * capacity * 0.125) / 0.4, 6);
    expect(p.power).toBeGreaterThan(1e6);
  });

  it('flow never exceeds the capacity, power never the largest shaft power, and never less than rho*g*Q*lift', () => {
    let limited = 0;
    for (let h = 0; h <= 20; h += 0.05) {
      const p = pumpPoint(spec, h);
      expect(p.flow).toBeLessThanOrEqual(capacity);
      expect(p.flow).toBeGreaterThan(0);
      expect(p.power).toBeLessThanOrEqual(spec.maxPower * (1 + ROUND));
      expect(p.power).toBeGreaterThan(RHO_G * p.flow * h);
      if (p.flow < capacity) limited++;
    }
    expect(limited).toBeGreaterThan(10); // the power limit is exercised at large lifts
  });

  it('energy per volume pumped grows with the lift', () => {
    let last = 0;
    for (let h = 0; h <= 15; h += 0.01) {
      const p = pumpPoint(spec, h);
      const perVolume = p.power / p.flow; // J/m3
      expect(perVolume).toBeGreaterThan(last);
      last = perVolume;
    }
  });

  it('a pump chart scales by (D/D0)^2 at equal lift and interpolates its rows', () => {
    const chart = { lift: [0, 1, 3], flow: [500, 450, 300], power: [2e6, 8e6, 15e6], diameter: 9 };
    const at8 = pumpChartPoint(chart, 8);
    const s = (8 / 9) ** 2;
    expect(at8(1).flow).toBeCloseTo(450 * s, 9);
    expect(at8(2).power).toBeCloseTo(11.5e6 * s, 3);
    expect(at8(5).flow).toBeCloseTo(300 * s, 9); // held at the last row
  });
});
