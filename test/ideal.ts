/**
 * Idealised tides and turbines, whose energy physics bounds or states in closed form: a sinusoidal
 * sea, an ideal orifice turbine (and pump), the potential-energy bound of one-way operation.
 */

import { GRAVITY, RHO_SEAWATER } from '../src/physics.js';
import type { HeadCurve, TurbineTable } from '../src/scheme/turbine.js';
import type { SeaLevel } from '../src/tide/sea-level.js';

/** A semidiurnal-like period that a 300 s step divides into whole half periods (s). */
export const PERIOD = 43200;

/** eta(t) = amplitude*sin(2*pi*t/period), sampled every dt over `days`. */
export function sinusoid(amplitude: number, period: number, dt: number, days: number): SeaLevel {
  const n = Math.round((days * 86400) / dt) + 1;
  const level = new Float64Array(n);
  for (let i = 0; i < n; i++) level[i] = amplitude * Math.sin((2 * Math.PI * i * dt) / period);
  return { t0: Date.UTC(2018, 0, 1) / 1000, dt, level };
}

function curve(n: number, dh: number, point: (h: number) => [number, number]): HeadCurve {
  const flow = new Float64Array(n);
  const power = new Float64Array(n);
  for (let k = 0; k < n; k++) [flow[k], power[k]] = point(k * dh);
  return { flow, power };
}

export interface IdealOptions {
  /** Overall generating efficiency (default 1). */
  efficiency?: number;
  /** Power cap of the unit (W); default none. */
  rated?: number;
  /** Pumping: constant efficiency, power drawn at full power (W) and largest flow (m^3/s). */
  pump?: { efficiency: number; power: number; maxFlow: number };
  /** Highest head tabulated (m, default 12). */
  hMax?: number;
}

/**
 * One ideal orifice turbine of effective area cdA (m^2): Q = cdA*sqrt(2gH), P = eta*rho*g*Q*H,
 * capped at `rated` with the flow throttled; the same on the ebb and the flood; as a pump,
 * Q = eta_p*P/(rho*g*H) up to maxFlow.
 */
export function idealTurbine(cdA: number, o: IdealOptions = {}): TurbineTable {
  const dh = 0.01;
  const n = Math.round((o.hMax ?? 12) / dh) + 1;
  const eta = o.efficiency ?? 1;
  const rated = o.rated ?? Infinity;
  const gen = curve(n, dh, (h) => {
    const q = cdA * Math.sqrt(2 * GRAVITY * h);
    const p = eta * RHO_SEAWATER * GRAVITY * q * h;
    return p <= rated ? [q, p] : [rated / (eta * RHO_SEAWATER * GRAVITY * h), rated];
  });
  const pp = o.pump;
  const pump = pp
    ? curve(n, dh, (h) => {
        const q = h > 0 ? Math.min(pp.maxFlow, (pp.efficiency * pp.power) / (RHO_SEAWATER * GRAVITY * h)) : pp.maxFlow;
        return [q, (RHO_SEAWATER * GRAVITY * q * h) / pp.efficiency];
      })
    : null;
  let ratedPower = 0;
  for (const p of gen.power) ratedPower = Math.max(ratedPower, p);
  return { dh, ebb: gen, flood: gen, pump, ratedPower, diameter: 1, idleCdA: 0 };
}

/** Potential-energy bound of one-way operation per tide: rho*g*A*R^2/2 (J). */
export function potentialBound(area: number, range: number): number {
  return 0.5 * RHO_SEAWATER * GRAVITY * area * range * range;
}
