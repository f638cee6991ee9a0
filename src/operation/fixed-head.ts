/**
 * Fixed-head operation: the standard cycles of the 0-D literature as mode tables.
 *
 * A cycle is built from one half per generating direction d (+1 ebb, -1 flood), mirrored by the
 * sign of the head, so that an ebb half and a flood half with equal heads are exact mirror
 * images:
 *
 *   sluice to slack  ->  [pump to the target head]  ->  hold to the start head  ->  generate to the end head
 *   (fill | drain)       (pump-high | pump-low)         (hold-high | hold-low)      (generate-ebb | generate-flood)
 *
 * Two-way: each half hands over to the other's sluicing. One-way: after generating, the basin is
 * held until the sea passes it (hold-low after the ebb, hold-high after the flood), then the half
 * starts again. Every option is data on the modes (thresholds, minimum durations, safe bands,
 * the ramp); the solver never branches on an option's name.
 */
import { buildModeTable, type ModeSpec, type ModeTable } from './modes.js';

/** Fixed heads of one generating direction (m of head magnitude). */
export interface DirectionControl {
  /** Head at which generation starts (m, > 0). */
  startHead: number;
  /** Head at which generation stops (m, >= 0, below startHead). */
  endHead: number;
  /**
   * Pumping at the slack water before this direction's hold: pump until the head, in this
   * direction's sense, reaches this value (m, > 0, below startHead). Absent: no pumping.
   */
  pumpToHead?: number;
  /** Keep the sluices open while generating (default false). */
  sluiceWhileGenerating?: boolean;
}

/** Minimum time in each kind of mode before its head threshold may end it (s). */
export interface MinDurations {
  generate?: number;
  pump?: number;
  sluice?: number;
  hold?: number;
}

/** Safety limits, as levels (m, in the sea level's datum). */
export interface SafetyLimits {
  /** Lowest basin level: sluicing, generating or pumping that lowers the basin stops here. */
  basinMin?: number;
  /** Highest basin level: sluicing, generating or pumping that raises the basin stops here. */
  basinMax?: number;
  /**
   * Submergence: the lowest water level on the low side of the turbines (the sea on the ebb side,
   * the basin on the flood side) at which they may generate or pump; below it they stop.
   */
  turbineMinLevel?: number;
}

export interface FixedHeadOptions {
  /** Longest pumping at one slack water (s); default: no limit. */
  maxPumpDuration?: number;
  /** Ebb generation (basin to sea); absent: none. */
  ebb?: DirectionControl;
  /** Flood generation (sea to basin); absent: none. */
  flood?: DirectionControl;
  minDuration?: MinDurations;
  /** Ramp at every mode change (s); default 0. */
  ramp?: number;
  limits?: SafetyLimits;
}

type Dir = 1 | -1;

/** Names of a half's modes, per direction: the table that makes the two halves mirror images. */
const NAMES: Record<Dir, { sluice: string; pump: string; hold: string; generate: string; after: string }> = {
  1: { sluice: 'fill', pump: 'pump-high', hold: 'hold-high', generate: 'generate-ebb', after: 'hold-low' },
  [-1]: { sluice: 'drain', pump: 'pump-low', hold: 'hold-low', generate: 'generate-flood', after: 'hold-high' },
};

/**
 * Level bounds of a mode that moves the basin in direction `raises` (+1 up, -1 down), with the
 * turbines working on head side `turbineSide` (0: turbines not working).
 */
function bands(raises: Dir, turbineSide: 0 | Dir, l: SafetyLimits): Pick<ModeSpec, 'basin' | 'sea'> {
  const basin: { min?: number; max?: number } = raises > 0 ? { max: l.basinMax } : { min: l.basinMin };
  const sea: { min?: number } = {};
  const sub = l.turbineMinLevel;
  if (sub !== undefined && turbineSide !== 0) {
    // The low side of the turbines is the sea when the basin is above it, else the basin.
    if (turbineSide > 0) sea.min = sub;
    else basin.min = basin.min === undefined ? sub : Math.max(basin.min, sub);
  }
  return { basin, sea };
}

/** The modes of the half that generates in direction d, handing over to `after` once done. */
function half(d: Dir, c: DirectionControl, after: string, o: FixedHeadOptions): ModeSpec[] {
  const n = NAMES[d];
  const md = o.minDuration ?? {};
  const lim = o.limits ?? {};
  const other = -d as Dir;
  const hold = c.pumpToHead !== undefined ? n.pump : n.hold;
  const specs: ModeSpec[] = [
    // Sluice (with the idle turbines) until the basin meets the sea at slack water.
    {
      name: n.sluice,
      exitDir: d,
      exitHead: 0,
      next: hold,
      sluice: true,
      idle: true,
      half: other,
      minDuration: md.sluice,
      ...bands(d, 0, lim),
    },
  ];
  if (c.pumpToHead !== undefined) {
    // Pump water the way the basin moved while sluicing, against a lift, to the target head.
    specs.push({
      name: n.pump,
      exitDir: d,
      exitHead: d * c.pumpToHead,
      next: n.hold,
      pump: other,
      half: d,
      minDuration: md.pump,
      maxDuration: o.maxPumpDuration,
      ...bands(d, d, lim),
    });
  }
  specs.push(
    { name: n.hold, exitDir: d, exitHead: d * c.startHead, next: n.generate, half: d, minDuration: md.hold },
    {
      name: n.generate,
      exitDir: other,
      exitHead: d * c.endHead,
      next: after,
      generate: d,
      sluice: c.sluiceWhileGenerating ?? false,
      half: d,
      minDuration: md.generate,
      ...bands(other, d, lim),
    },
  );
  return specs;
}

/** A problem with the heads of one direction: which head, and what is wrong with it. */
export interface HeadProblem {
  field: 'endHead' | 'pumpToHead';
  /** What was expected and found, naming the start head as `startName`. */
  text: string;
}

/** Relations between the heads of one direction that a cycle needs (each head > 0 is assumed checked). */
export function directionProblems(c: DirectionControl, startName = 'the start head'): HeadProblem[] {
  const out: HeadProblem[] = [];
  if (!(c.endHead < c.startHead)) {
    out.push({
      field: 'endHead',
      text: `expected less than ${startName} (${c.startHead} m), got ${c.endHead} m; generation stops at a lower head than it starts`,
    });
  }
  if (c.pumpToHead !== undefined && !(c.pumpToHead < c.startHead)) {
    out.push({
      field: 'pumpToHead',
      text: `expected less than ${startName} (${c.startHead} m), got ${c.pumpToHead} m; pumping ends before the head reaches the start of generation`,
    });
  }
  return out;
}

/** The mode table of a fixed-head cycle; mode 0 is the first half's sluicing. */
export function fixedHeadCycle(o: FixedHeadOptions): ModeTable {
  const { ebb, flood } = o;
  for (const [name, c] of [
    ['ebb', ebb],
    ['flood', flood],
  ] as const) {
    if (!c) continue;
    if (!(c.startHead > 0) || !(c.endHead >= 0) || (c.pumpToHead !== undefined && !(c.pumpToHead > 0))) {
      throw new Error(
        `${name} control: heads must be > 0 m (end head >= 0 m), got start ${c.startHead} m, end ${c.endHead} m, pumping target ${c.pumpToHead ?? 'none'}`,
      );
    }
    const p = directionProblems(c);
    if (p.length > 0)
      throw new Error(
        `${name} control: ${p.map((x) => `${x.field === 'endHead' ? 'end head' : 'pumping target head'}: ${x.text}`).join('; ')}`,
      );
  }
  let specs: ModeSpec[];
  if (ebb && flood) {
    specs = [...half(1, ebb, NAMES[-1].sluice, o), ...half(-1, flood, NAMES[1].sluice, o)];
  } else {
    const d: Dir = ebb ? 1 : -1;
    const c = ebb ?? flood;
    if (!c) throw new Error('a fixed-head cycle needs at least one generating direction (ebb, flood or both)');
    const n = NAMES[d];
    // After generating, hold until the sea passes the basin, then sluice again.
    specs = [
      ...half(d, c, n.after, o),
      { name: n.after, exitDir: -d as Dir, exitHead: 0, next: n.sluice, half: d, minDuration: o.minDuration?.hold },
    ];
  }
  return buildModeTable(specs, o.ramp ?? 0);
}

/** Ebb-only generation with fixed heads (fill, hold-high, generate-ebb, hold-low). */
export function ebbOnly(c: DirectionControl): ModeTable {
  return fixedHeadCycle({ ebb: c });
}
