/**
 * Operation as an explicit state machine. Each mode says which openings are in use (turbines
 * generating, sluices, idle turbines passing water) and the single head threshold that ends it:
 * the mode exits when the head H = basin level - sea level crosses `exitHead` in direction
 * `exitDir` (+1: H rises to it, -1: H falls to it), and hands over to `next`. Because every exit is
 * a threshold crossing, the solver can place each switch inside its step.
 *
 * The tables are flat typed arrays so the solver's hot loop reads them without objects.
 */

export interface ModeTable {
  /** Human-readable name of each mode (index = mode code). */
  readonly names: readonly string[];
  /** +1: exit when H >= exitHead; -1: exit when H <= exitHead. */
  readonly exitDir: Int8Array;
  /** Head threshold that ends the mode (m). */
  readonly exitHead: Float64Array;
  /** Mode entered on exit. */
  readonly next: Uint8Array;
  /** Generation direction: +1 ebb (basin to sea), -1 flood (sea to basin), 0 none. */
  readonly generate: Int8Array;
  /** 1 when the sluices are open. */
  readonly sluice: Uint8Array;
  /** 1 when the turbines not generating pass water as orifices. */
  readonly idle: Uint8Array;
}

export interface ModeSpec {
  name: string;
  exitDir: 1 | -1;
  exitHead: number;
  next: string;
  generate?: 1 | -1 | 0;
  sluice?: boolean;
  idle?: boolean;
}

/** Builds the flat tables from named mode specs; mode 0 is the first spec. */
export function buildModeTable(specs: readonly ModeSpec[]): ModeTable {
  const names = specs.map((s) => s.name);
  const n = specs.length;
  const table: ModeTable = {
    names,
    exitDir: new Int8Array(n),
    exitHead: new Float64Array(n),
    next: new Uint8Array(n),
    generate: new Int8Array(n),
    sluice: new Uint8Array(n),
    idle: new Uint8Array(n),
  };
  specs.forEach((s, i) => {
    const next = names.indexOf(s.next);
    if (next < 0) throw new Error(`mode ${s.name} hands over to unknown mode ${s.next}`);
    table.exitDir[i] = s.exitDir;
    table.exitHead[i] = s.exitHead;
    table.next[i] = next;
    table.generate[i] = s.generate ?? 0;
    table.sluice[i] = s.sluice ? 1 : 0;
    table.idle[i] = s.idle ? 1 : 0;
  });
  return table;
}

/** Fixed-head control of ebb generation (m of head). */
export interface EbbControl {
  /** Head at which generation starts (m). */
  startHead: number;
  /** Head at which generation stops (m). */
  endHead: number;
}

/**
 * Ebb-only cycle: fill through sluices and idle turbines on the flood tide until high water, hold
 * until the head reaches the start head, generate down to the end head, hold until the sea rises
 * above the basin again.
 */
export function ebbOnly(c: EbbControl): ModeTable {
  return buildModeTable([
    { name: 'fill', exitDir: 1, exitHead: 0, next: 'hold-high', sluice: true, idle: true },
    { name: 'hold-high', exitDir: 1, exitHead: c.startHead, next: 'generate-ebb' },
    { name: 'generate-ebb', exitDir: -1, exitHead: c.endHead, next: 'hold-low', generate: 1 },
    { name: 'hold-low', exitDir: -1, exitHead: 0, next: 'fill' },
  ]);
}
