/**
 * Turbine curves as flat lookup tables on a uniform head grid: power (W) and flow (m^3/s) of one
 * unit generating at head h >= 0 (ebb and flood) or pumping against a lift h >= 0. Whatever the
 * source (a tabulated hill chart, the Aggidis-Feather parametrisation, an ideal orifice), the
 * solver sees only this table, so its hot loop does no branching on the turbine kind.
 *
 * The kinds live in hill-chart.ts, aggidis-feather.ts and ideal-turbine.ts; pumping in pump.ts.
 * This module holds the interface and the tabulation shared by all of them.
 */
import { GRAVITY, RHO_SEAWATER } from '../physics.js';

/** Power and flow of one unit against head on the table's uniform grid (index k: head k*dh). */
export interface HeadCurve {
  /** Power at head k*dh (W): generated when generating, drawn from the grid when pumping. */
  readonly power: Float64Array;
  /** Flow through the unit at head k*dh (m^3/s, magnitude). */
  readonly flow: Float64Array;
}

export interface TurbineTable {
  /** Head spacing of the curves (m). */
  readonly dh: number;
  /** Generating on the ebb (basin to sea) at head H >= 0. */
  readonly ebb: HeadCurve;
  /** Generating on the flood (sea to basin) at head |H|. */
  readonly flood: HeadCurve;
  /** Pumping against a lift of k*dh (m); null when the units cannot pump. */
  readonly pump: HeadCurve | null;
  /** Rated (maximum) generating power of one unit (W). */
  readonly ratedPower: number;
  /** Runner diameter (m). */
  readonly diameter: number;
  /** Effective orifice area Cd*A of one idle unit passing water (m^2). */
  readonly idleCdA: number;
}

/** One operating point of a unit: power (W) and flow (m^3/s). */
export interface UnitPoint {
  readonly power: number;
  readonly flow: number;
}

/** Default head resolution of turbine tables (m). */
export const TABLE_DH = 0.01;

/**
 * Highest head (m) tabulated for the parametric kinds (Aggidis-Feather, ideal). The largest
 * tidal ranges on Earth (Bay of Fundy) are about 16 m, so no scheme sees a larger head; beyond
 * the last entry the solver holds the last value.
 */
export const PARAMETRIC_MAX_HEAD = 20;

/** Number of grid points from head 0 to hMax (m) inclusive at spacing dh (m). */
export function gridSize(hMax: number, dh: number): number {
  return Math.round(hMax / dh) + 1;
}

/** Tabulates a point function of head (m) on n grid points 0, dh, 2*dh, ... */
export function tabulate(point: (h: number) => UnitPoint, n: number, dh: number): HeadCurve {
  const power = new Float64Array(n);
  const flow = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const p = point(k * dh);
    power[k] = p.power;
    flow[k] = p.flow;
  }
  return { power, flow };
}

/** Largest value of a curve's column. */
export function maxOf(xs: Float64Array): number {
  let m = 0;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/**
 * Generating point capped at the rated power: a unit passing flow q (m^3/s) at head h (m) with
 * overall efficiency eta delivers eta*rho*g*q*h; above the rated power `rated` (W) the unit is
 * throttled (guide vanes and runner blades close) so that it delivers exactly `rated` at the same
 * efficiency, passing q = rated/(eta*rho*g*h).
 */
export function cappedPoint(q: number, h: number, eta: number, rated: number): UnitPoint {
  const p = eta * RHO_SEAWATER * GRAVITY * q * h;
  if (p <= rated) return { power: p, flow: q };
  return { power: rated, flow: rated / (eta * RHO_SEAWATER * GRAVITY * h) };
}

/** Effective orifice area Cd*A (m^2) of an idle unit of runner diameter d (m): A = pi*d^2/4. */
export function idleCdA(idleCd: number, diameter: number): number {
  return idleCd * Math.PI * diameter * diameter * 0.25;
}

/** What a parametric kind gives: its point function and nameplate. */
export interface ParametricUnit {
  /**
   * Generating point at head h (m) with every efficiency multiplied by `efficiencyFactor`
   * (1 on the ebb, the flood efficiency factor on the flood), capped at the rated power.
   */
  readonly point: (h: number, efficiencyFactor: number) => UnitPoint;
  /** Rated (nameplate) electrical power of one unit (W). */
  readonly ratedPower: number;
  /** Runner diameter (m). */
  readonly diameter: number;
}

/**
 * Table of a parametric kind from head 0 to PARAMETRIC_MAX_HEAD: the ebb curve, and the flood
 * curve computed with every efficiency multiplied by `floodFactor` (so a flood unit reaches its
 * rated power at a higher head, throttled to it above). No pump: see withPump (pump.ts).
 */
export function parametricTable(unit: ParametricUnit, idleCd: number, floodFactor: number, dh = TABLE_DH): TurbineTable {
  const n = gridSize(PARAMETRIC_MAX_HEAD, dh);
  const ebb = tabulate((h) => unit.point(h, 1), n, dh);
  const flood = floodFactor === 1 ? ebb : tabulate((h) => unit.point(h, floodFactor), n, dh);
  return {
    dh,
    ebb,
    flood,
    pump: null,
    ratedPower: unit.ratedPower,
    diameter: unit.diameter,
    idleCdA: idleCdA(idleCd, unit.diameter),
  };
}
