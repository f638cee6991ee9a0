/**
 * The flows of each mode as the hot loop reads them: per mode, one orifice coefficient (sluices
 * and idle turbines together) and one turbine table already multiplied by the number of units
 * and oriented for the mode (generating on the ebb or the flood, pumping either way). Built once
 * per run from the scheme and the mode table; evaluating a mode at a head is then a square root
 * and one interpolation, whatever the turbine kind or the mode.
 */

import type { ModeTable } from '../operation/modes.js';
import { GRAVITY } from '../physics.js';
import type { HeadCurve } from '../scheme/turbine.js';
import type { SchemeModel } from './types.js';

export interface FlowModel {
  /** Per mode: (sluice Cd*A + idle turbines' Cd*A) * sqrt(2g) (m^2.5/s): Q = k*sqrt(|H|). */
  readonly kOrifice: Float64Array;
  /** Per mode: index in `table` of its first (flow, power) pair; -1 when no turbine works. */
  readonly tableStart: Int32Array;
  /** Per mode: index of its last pair, relative to the start. */
  readonly tableLast: Int32Array;
  /** Per mode: table position per metre of head H, s/dh with s = +-1 so that s*H is the head or the lift read. */
  readonly readScale: Float64Array;
  /** Per mode: sign of the turbine flow (+ basin to sea). */
  readonly flowSign: Float64Array;
  /** Per mode: 1 when the turbines generate (power produced), 0 when they pump (power drawn). */
  readonly generating: Uint8Array;
  /** (flow m^3/s, power W) pairs of all the turbines together, on the grid k*dh. */
  readonly table: Float64Array;
}

/** Which curve of the table a mode reads, or null when its turbines do not work. */
function curveOf(s: SchemeModel, ops: ModeTable, m: number): HeadCurve | null {
  const g = ops.generate[m];
  if (g > 0) return s.turbine.ebb;
  if (g < 0) return s.turbine.flood;
  if (ops.pump[m] !== 0) {
    if (s.turbine.pump === null)
      throw new Error(
        `mode ${ops.names[m]} pumps, but the turbines have no pump curve; give the turbines a pumping curve or drop pumping from the operation`,
      );
    return s.turbine.pump;
  }
  return null;
}

/**
 * Builds the flow model; the power column is the grid power (shaft power times the scheme's
 * powerFactors), so the solver's energy is exported or drawn energy. A generating turbine passes no flow and makes no power at zero head (the
 * table's first entry is forced to zero), so a head that turns against a generating mode closes
 * its turbines rather than running them backwards.
 */
export function compileFlows(s: SchemeModel, ops: ModeTable): FlowModel {
  const n = ops.names.length;
  const count = s.turbineCount;
  const root2g = Math.sqrt(2 * GRAVITY);
  const kOrifice = new Float64Array(n);
  const tableStart = new Int32Array(n).fill(-1);
  const tableLast = new Int32Array(n);
  const readScale = new Float64Array(n);
  const flowSign = new Float64Array(n);
  const generating = new Uint8Array(n);
  // Start of each curve already copied, for generating (index 1) and pumping (index 0) use.
  const copied = [new Map<HeadCurve, number>(), new Map<HeadCurve, number>()];
  const chunks: Float64Array[] = [];
  let size = 0;
  for (let m = 0; m < n; m++) {
    const turbinesBusy = ops.generate[m] !== 0 || ops.pump[m] !== 0;
    const cdA = (ops.sluice[m] ? s.sluiceCdA : 0) + (ops.idle[m] && !turbinesBusy ? s.turbine.idleCdA * count : 0);
    kOrifice[m] = cdA * root2g;
    const c = curveOf(s, ops, m);
    if (c === null || count === 0) continue;
    const gen = ops.generate[m] !== 0;
    // Generating: read at the head in the generating direction, flow that way.
    // Pumping basin to sea (+1): lift = sea - basin = -H; pumping sea to basin (-1): lift = H.
    readScale[m] = (gen ? ops.generate[m] : -ops.pump[m]) / s.turbine.dh;
    flowSign[m] = gen ? ops.generate[m] : ops.pump[m];
    generating[m] = gen ? 1 : 0;
    const points = c.flow.length;
    if (points < 2 || c.power.length !== points)
      throw new Error(
        `a turbine curve needs at least two points of equal length, got ${c.flow.length} flows and ${c.power.length} powers`,
      );
    tableLast[m] = points - 1;
    const seen = copied[generating[m]].get(c);
    if (seen !== undefined) {
      tableStart[m] = seen;
      continue;
    }
    // One pair more than the curve, repeating its last point, so that interpolation at the last
    // point reads inside the table with no branch.
    const chunk = new Float64Array(2 * points + 2);
    const factor = gen ? (s.powerFactors?.generating ?? 1) : (s.powerFactors?.pumping ?? 1);
    for (let k = 0; k < points; k++) {
      const q = c.flow[k] * count;
      const p = c.power[k] * count * factor;
      if (!Number.isFinite(q) || !Number.isFinite(p) || q < 0 || p < 0) {
        throw new Error(
          `turbine ${gen ? 'generating' : 'pump'} curve at head ${(k * s.turbine.dh).toFixed(2)} m: expected finite flow and power >= 0, got ${c.flow[k]} m3/s and ${c.power[k]} W`,
        );
      }
      chunk[2 * k] = gen && k === 0 ? 0 : q;
      chunk[2 * k + 1] = gen && k === 0 ? 0 : p;
    }
    chunk[2 * points] = chunk[2 * points - 2];
    chunk[2 * points + 1] = chunk[2 * points - 1];
    tableStart[m] = size;
    copied[generating[m]].set(c, size);
    chunks.push(chunk);
    size += chunk.length;
  }
  const table = new Float64Array(Math.max(size, 2));
  let at = 0;
  for (const c of chunks) {
    table.set(c, at);
    at += c.length;
  }
  return { kOrifice, tableStart, tableLast, readScale, flowSign, generating, table };
}

/**
 * Flows and power at head h (m) of one mode given by its constants (see FlowModel), written to
 * out[0..3]: turbine flow and sluice flow (sluices and idle turbines) in m^3/s, + basin to sea;
 * power generated and power drawn (W), each scaled by the opening `w` of the mode's paths (1, but
 * during a ramp: rampWeight). Returns the total flow (m^3/s). Scalar arguments, so the solver
 * passes a mode's constants hoisted out of its loop.
 */
export function unitFlows(
  k: number,
  start: number,
  last: number,
  readScale: number,
  flowSign: number,
  generating: number,
  table: Float64Array,
  h: number,
  out: Float64Array,
  w: number,
): number {
  // Written out in full, with no calls but the square root, and short: the solver's loop inlines
  // it at each flow evaluation of a sub-step, and V8 inlines only so much code into one function.
  let qt = 0;
  let p = 0;
  if (start >= 0) {
    // Position on the table (grid steps), clamped to [0, last]; the table repeats its last pair.
    let x = readScale * h;
    x = x > 0 ? Math.min(x, last) : 0;
    const i = x | 0;
    const f = x - i;
    const j = start + 2 * i;
    qt = flowSign * (table[j] + f * (table[j + 2] - table[j])) * w;
    p = (table[j + 1] + f * (table[j + 3] - table[j + 1])) * w;
  }
  // Sluices and idle turbines: the orifice law of orifice.ts, with sqrt(2g) folded into k.
  const up = h >= 0;
  const qs = k === 0 ? 0 : (up ? k : -k) * Math.sqrt(up ? h : -h) * w;
  const gen = generating === 1;
  out[0] = qt;
  out[1] = qs;
  out[2] = gen ? p : 0;
  out[3] = gen ? 0 : p;
  return qt + qs;
}

/** unitFlows of mode m of the model. */
export function modeFlows(f: FlowModel, m: number, h: number, out: Float64Array, w: number): number {
  return unitFlows(
    f.kOrifice[m],
    f.tableStart[m],
    f.tableLast[m],
    f.readScale[m],
    f.flowSign[m],
    f.generating[m],
    f.table,
    h,
    out,
    w,
  );
}
