/**
 * Operation as an explicit state machine. Each mode says which paths are open (turbines
 * generating or pumping, sluices, idle turbines passing water) and what ends it:
 *
 * - its head threshold: the mode hands over to `next` when the head H = basin level - sea level
 *   crosses `exitHead` in direction `exitDir` (+1: H rises to it, -1: H falls to it), but not
 *   before the mode has lasted `minDuration` seconds;
 * - its longest time: the mode hands over to `next` once it has lasted `maxDuration` seconds
 *   (pumping at one slack water is limited so), whatever the head;
 * - its safe band: the mode also ends, at once and whatever its age, when the basin level leaves
 *   [basinLow, basinHigh] or the sea level leaves [seaLow, seaHigh] (the safety limits: basin
 *   level bounds and turbine submergence). An unbounded side is +-Infinity.
 *
 * Every exit is a threshold crossing or a time, so the solver places each switch inside its step.
 * A switch can be smoothed by a ramp: for `rampTime` seconds after it, every flow and power is
 * blended from the mode left to the mode entered.
 *
 * The tables are flat typed arrays so the solver's hot loop reads them without objects.
 */

export interface ModeTable {
  /** Human-readable name of each mode (index = mode code). */
  readonly names: readonly string[];
  /** +1: exit when H rises to exitHead; -1: when it falls to it. */
  readonly exitDir: Int8Array;
  /** Head threshold that ends the mode (m). */
  readonly exitHead: Float64Array;
  /** Mode entered on exit (by the head threshold or by leaving the safe band). */
  readonly next: Uint8Array;
  /** Generation direction: +1 ebb (basin to sea), -1 flood (sea to basin), 0 none. */
  readonly generate: Int8Array;
  /** Pumping: +1 basin to sea (lowers the basin), -1 sea to basin (raises it), 0 none. */
  readonly pump: Int8Array;
  /** 1 when the sluices are open. */
  readonly sluice: Uint8Array;
  /** 1 when the turbines (neither generating nor pumping) pass water as orifices. */
  readonly idle: Uint8Array;
  /** Half tide the mode belongs to: +1 ebb side (basin above the sea), -1 flood side. */
  readonly half: Int8Array;
  /** Shortest time in the mode before its head threshold may end it (s). */
  readonly minDuration: Float64Array;
  /** Longest time in the mode (s); Infinity: no limit. */
  readonly maxDuration: Float64Array;
  /** Safe band of the basin level (m); leaving it ends the mode at once. */
  readonly basinLow: Float64Array;
  readonly basinHigh: Float64Array;
  /** Safe band of the sea level (m); leaving it ends the mode at once. */
  readonly seaLow: Float64Array;
  readonly seaHigh: Float64Array;
  /** Duration of the blend of flows and power after every switch (s); 0: switches are sharp. */
  readonly rampTime: number;
}

export interface ModeSpec {
  name: string;
  exitDir: 1 | -1;
  exitHead: number;
  next: string;
  generate?: 1 | -1 | 0;
  pump?: 1 | -1 | 0;
  sluice?: boolean;
  idle?: boolean;
  /**
   * Default: the side of the head while the mode lasts, read from its exit: ebb when it ends at a
   * positive head, flood at a negative one; ending at H = 0, the side the head comes from.
   */
  half?: 1 | -1;
  /** Seconds (default 0). */
  minDuration?: number;
  /** Seconds (default Infinity: no limit); a mode ends once it has lasted this long. */
  maxDuration?: number;
  /** Level bounds (m); absent: unbounded. */
  basin?: { min?: number; max?: number };
  sea?: { min?: number; max?: number };
}

/** Builds the flat tables from named mode specs; mode 0 is the first spec. */
export function buildModeTable(specs: readonly ModeSpec[], rampTime = 0): ModeTable {
  const names = specs.map((s) => s.name);
  const n = specs.length;
  if (n === 0 || n > 255) throw new Error(`a mode table needs 1 to 255 modes, got ${n}`);
  if (new Set(names).size !== n) throw new Error(`mode names must be unique, got ${names.join(', ')}`);
  if (!(rampTime >= 0) || !Number.isFinite(rampTime))
    throw new Error(`ramp time must be a finite number of seconds >= 0, got ${rampTime}`);
  const table: ModeTable = {
    names,
    exitDir: new Int8Array(n),
    exitHead: new Float64Array(n),
    next: new Uint8Array(n),
    generate: new Int8Array(n),
    pump: new Int8Array(n),
    sluice: new Uint8Array(n),
    idle: new Uint8Array(n),
    half: new Int8Array(n),
    minDuration: new Float64Array(n),
    maxDuration: new Float64Array(n),
    basinLow: new Float64Array(n),
    basinHigh: new Float64Array(n),
    seaLow: new Float64Array(n),
    seaHigh: new Float64Array(n),
    rampTime,
  };
  specs.forEach((s, i) => {
    const next = names.indexOf(s.next);
    if (next < 0) throw new Error(`mode ${s.name} hands over to unknown mode ${s.next}`);
    if ((s.generate ?? 0) !== 0 && (s.pump ?? 0) !== 0) throw new Error(`mode ${s.name} cannot generate and pump at once`);
    if (!Number.isFinite(s.exitHead)) throw new Error(`mode ${s.name}: exit head must be finite, got ${s.exitHead}`);
    const minDuration = s.minDuration ?? 0;
    if (!(minDuration >= 0) || !Number.isFinite(minDuration))
      throw new Error(`mode ${s.name}: minimum duration must be a finite number of seconds >= 0, got ${minDuration}`);
    const maxDuration = s.maxDuration ?? Infinity;
    if (!(maxDuration > 0))
      throw new Error(
        `mode ${s.name}: longest duration must be a number of seconds > 0 (Infinity: no limit), got ${maxDuration}`,
      );
    table.exitDir[i] = s.exitDir;
    table.exitHead[i] = s.exitHead;
    table.next[i] = next;
    table.generate[i] = s.generate ?? 0;
    table.pump[i] = s.pump ?? 0;
    table.sluice[i] = s.sluice ? 1 : 0;
    table.idle[i] = s.idle ? 1 : 0;
    table.half[i] = s.half ?? (s.exitHead > 0 ? 1 : s.exitHead < 0 ? -1 : -s.exitDir);
    table.minDuration[i] = minDuration;
    table.maxDuration[i] = maxDuration;
    table.basinLow[i] = s.basin?.min ?? -Infinity;
    table.basinHigh[i] = s.basin?.max ?? Infinity;
    table.seaLow[i] = s.sea?.min ?? -Infinity;
    table.seaHigh[i] = s.sea?.max ?? Infinity;
  });
  return table;
}

/**
 * The mode a run starts in, with the basin at the sea's level: one that waits for the slack water
 * the sea is heading to, so that the cycle can begin from any phase of the tide. A rising sea
 * will put the basin below it, so the start mode is one that ends when the head rises back to
 * zero (sluicing in, or holding); a falling sea, one that ends when it falls back to zero.
 * Sluicing modes are preferred (the basin then follows the sea); mode 0 when none fits.
 */
export function startMode(ops: ModeTable, seaRising: boolean): number {
  const dir = seaRising ? 1 : -1;
  let best = -1;
  for (let m = 0; m < ops.names.length; m++) {
    if (ops.exitDir[m] !== dir || ops.exitHead[m] !== 0 || ops.generate[m] !== 0 || ops.pump[m] !== 0) continue;
    if (best < 0 || (ops.sluice[m] === 1 && ops.sluice[best] === 0)) best = m;
  }
  return Math.max(best, 0);
}
