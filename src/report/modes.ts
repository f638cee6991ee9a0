/**
 * The operating modes as the plots show them: what each mode does (from its flags in the mode
 * table), its shading colour, and the runs of equal mode that the level plot shades.
 */

import type { ModeTable } from '../operation/modes.js';

/** What a mode does, from its flags in the mode table. */
export type ModeKind = 'generating' | 'pumping' | 'sluicing' | 'holding';

export function modeKind(ops: ModeTable, m: number): ModeKind {
  if (ops.generate[m] !== 0) return 'generating';
  if (ops.pump[m] !== 0) return 'pumping';
  if (ops.sluice[m] !== 0 || ops.idle[m] !== 0) return 'sluicing';
  return 'holding';
}

/** Shading colour per kind of mode, a darker and a lighter shade for the ebb and the flood side of the cycle. */
const MODE_COLOURS: Record<ModeKind, { ebb: string; flood: string }> = {
  generating: { ebb: '#f5a55a', flood: '#86cc86' },
  pumping: { ebb: '#a58fd6', flood: '#cfc1ec' },
  sluicing: { ebb: '#8cbfe0', flood: '#c4e0f2' },
  holding: { ebb: '#cdcdcd', flood: '#e9e9e9' },
};

/**
 * The shading colour of each mode: by what it does and on which side of the cycle it is
 * (ModeTable.half). A mode whose kind and side an earlier mode already has takes the other side's
 * shade when that is free, so the two holds of a one-way cycle (both on its generating side) differ.
 */
export function modeColours(ops: ModeTable): string[] {
  const taken = new Set<string>();
  return ops.names.map((_, m) => {
    const shades = MODE_COLOURS[modeKind(ops, m)];
    const own = ops.half[m] > 0 ? shades.ebb : shades.flood;
    const other = own === shades.ebb ? shades.flood : shades.ebb;
    const c = taken.has(own) && !taken.has(other) ? other : own;
    taken.add(c);
    return c;
  });
}

/** Runs of equal mode: [start, end) sample ranges. Runs shorter than `minLen` samples join the one before. */
export function modeRuns(mode: ArrayLike<number>, minLen = 1): { mode: number; start: number; end: number }[] {
  const out: { mode: number; start: number; end: number }[] = [];
  const n = mode.length;
  let s = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && mode[i] === mode[s]) continue;
    const prev = out[out.length - 1];
    if (prev && (i - s < minLen || prev.mode === mode[s])) prev.end = i;
    else out.push({ mode: mode[s], start: s, end: i });
    s = i;
  }
  return out;
}
