/**
 * The controls of a fixed-head cycle (fixed-head.ts), as flexible operation writes them and the
 * reports read them: per generating direction, the modes whose thresholds are its start head, end
 * head and pumping target. A half tide's controls are written into a copy of the table's thresholds; the mode
 * structure never changes, so the solver's compiled run serves every choice of heads.
 */
import type { ModeTable } from './modes.js';

/** Controls of one half tide (m of head magnitude, in the direction's own sense). */
export interface HalfControls {
  /** Generation starts when the head rises to this (m). */
  start: number;
  /** Generation stops when the head falls to this (m). */
  end: number;
  /** Pumping at slack water until the head reaches this (m); 0: no pumping. Ignored where the direction cannot pump. */
  pump: number;
}

/** The modes of one generating direction. */
export interface DirectionModes {
  /** +1 ebb (basin to sea), -1 flood. */
  readonly dir: 1 | -1;
  /** Pumping mode, or -1 when this direction does not pump. */
  readonly pump: number;
  readonly hold: number;
  readonly generate: number;
  /** The mode entered when generation ends (sluicing, or holding in a one-way cycle). */
  readonly after: number;
}

export interface CycleModes {
  /** By direction: [ebb, flood]; null where the cycle does not generate that way. */
  readonly directions: readonly [DirectionModes | null, DirectionModes | null];
  /** Per mode: 1 for the mode entered when a direction's generation ends (a window's end marker). */
  readonly afterFlags: readonly [Uint8Array, Uint8Array];
}

/** Index 0 for the ebb, 1 for the flood. */
export function directionIndex(dir: 1 | -1): 0 | 1 {
  return dir > 0 ? 0 : 1;
}

function modesOf(ops: ModeTable, dir: 1 | -1): DirectionModes | null {
  const n = ops.names.length;
  const gens: number[] = [];
  for (let m = 0; m < n; m++) if (ops.generate[m] === dir) gens.push(m);
  if (gens.length === 0) return null;
  if (gens.length > 1)
    throw new Error(
      `flexible operation needs one generating mode per direction, got ${gens.map((m) => ops.names[m]).join(', ')}`,
    );
  const generate = gens[0];
  let hold = -1;
  let pump = -1;
  for (let m = 0; m < n; m++) {
    if (ops.next[m] === generate && ops.generate[m] === 0 && ops.pump[m] === 0 && ops.sluice[m] === 0) hold = m;
  }
  if (hold < 0)
    throw new Error(`flexible operation needs a holding mode before ${ops.names[generate]}; build the cycle with fixedHeadCycle`);
  for (let m = 0; m < n; m++) if (ops.next[m] === hold && ops.pump[m] !== 0) pump = m;
  return { dir, pump, hold, generate, after: ops.next[generate] };
}

/** Finds the controlled modes of a fixed-head cycle. */
export function cycleModes(ops: ModeTable): CycleModes {
  const directions = [modesOf(ops, 1), modesOf(ops, -1)] as const;
  const afterFlags = directions.map((d) => {
    const f = new Uint8Array(ops.names.length);
    if (d) f[d.after] = 1;
    return f;
  }) as [Uint8Array, Uint8Array];
  return { directions, afterFlags };
}

/** Writes one direction's controls into the thresholds `exitHead` (m). */
export function writeControls(exitHead: Float64Array, d: DirectionModes, start: number, end: number, pump: number): void {
  exitHead[d.hold] = d.dir * start;
  exitHead[d.generate] = d.dir * end;
  if (d.pump >= 0) exitHead[d.pump] = d.dir * pump;
}

/** The controls a table holds for one direction. */
export function readControls(exitHead: Float64Array, d: DirectionModes): HalfControls {
  return { start: d.dir * exitHead[d.hold], end: d.dir * exitHead[d.generate], pump: d.pump >= 0 ? d.dir * exitHead[d.pump] : 0 };
}
