/** Loading a scenario file: parse, validate against the schema, check meaning, resolve paths. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Scenario } from './types.js';
import { InputError, validateScenarioObject } from './validate.js';
import { parseIsoSeconds } from '../tide/series.js';
import { directionProblems } from '../operation/fixed-head.js';
import { MODE_DIRECTIONS } from './build.js';

/** Relations inside the operation block and with the turbines. */
function operationProblems(s: Scenario): string[] {
  const out: string[] = [];
  const o = s.operation;
  const uses = MODE_DIRECTIONS[o.mode];
  for (const d of ['ebb', 'flood'] as const) {
    const c = o[d];
    if (!uses.includes(d)) {
      if (c !== undefined) out.push(`operation.${d}: not used when mode is "${o.mode}"; remove it, or set mode to ${d === 'ebb' ? '"ebb-only"' : '"flood-only"'} or "two-way"`);
      continue;
    }
    if (c === undefined) {
      out.push(`operation.${d}: missing; mode "${o.mode}" generates on the ${d}: give its start_head_m and end_head_m`);
      continue;
    }
    const field = { endHead: 'end_head_m', pumpToHead: 'pump_to_head_m' } as const;
    for (const p of directionProblems({ startHead: c.start_head_m, endHead: c.end_head_m, pumpToHead: c.pump_to_head_m }, 'start_head_m')) {
      out.push(`operation.${d}.${field[p.field]}: ${p.text}`);
    }
    if (c.pump_to_head_m !== undefined && s.scheme.turbines.pumping === undefined) {
      out.push(`operation.${d}.pump_to_head_m: the turbines cannot pump; describe their pumping in scheme.turbines.pumping, or remove pump_to_head_m`);
    }
  }
  const lim = o.limits ?? {};
  if (lim.basin_min_level_m !== undefined && lim.basin_max_level_m !== undefined && !(lim.basin_min_level_m < lim.basin_max_level_m)) {
    out.push(`operation.limits.basin_max_level_m: expected more than basin_min_level_m (${lim.basin_min_level_m} m), got ${lim.basin_max_level_m} m`);
  }
  return out;
}

/** Relations inside the scheme block the turbines do not own: the basin. */
function basinProblems(s: Scenario): string[] {
  const b = s.scheme.basin;
  const curve = b.area_curve_file !== undefined;
  const constant = b.area_m2 !== undefined;
  if (curve === constant) {
    return [`scheme.basin: expected exactly one of area_curve_file (an area-level curve) and area_m2 (a constant area), got ${curve ? 'both' : 'neither'}`];
  }
  if (constant && s.scheme.kind === 'barrage') {
    return [`scheme.basin.area_m2: a barrage's basin is an estuary, whose area changes with level; give its area_curve_file, or set scheme.kind to "lagoon"`];
  }
  return [];
}

/** Checks that the schema cannot express (relations between fields). Returns the problems. */
function checkMeaning(s: Scenario): string[] {
  const out: string[] = [...basinProblems(s), ...operationProblems(s)];
  for (const key of ['start', 'end'] as const) {
    const v = s.period[key];
    if (v !== undefined && !Number.isFinite(parseIsoSeconds(v))) out.push(`period.${key}: expected an ISO 8601 UTC time such as 2018-01-01T00:00:00Z, got "${v}"`);
  }
  const { start, end } = s.period;
  if (start !== undefined && end !== undefined && parseIsoSeconds(end) <= parseIsoSeconds(start)) {
    out.push(`period.end: expected a time after period.start (${start}), got ${end}`);
  }
  return out;
}

/**
 * Turns a parsed scenario object into a Scenario: validates it (defaults filled), resolves data
 * paths against `baseDir`, checks relations between fields. Throws InputError with every problem.
 */
export function scenarioFromObject(obj: unknown, file: string, baseDir: string): Scenario {
  validateScenarioObject(obj, file);
  const raw = obj as Omit<Scenario, 'file' | 'description' | 'sources' | 'period'> & Partial<Scenario>;
  const s: Scenario = {
    ...raw,
    description: raw.description ?? '',
    sources: raw.sources ?? [],
    period: raw.period ?? {},
    file,
  };
  s.tide = { ...s.tide, file: resolve(baseDir, s.tide.file) };
  s.scheme = {
    ...s.scheme,
    basin: s.scheme.basin.area_curve_file !== undefined ? { ...s.scheme.basin, area_curve_file: resolve(baseDir, s.scheme.basin.area_curve_file) } : s.scheme.basin,
    turbines: { ...s.scheme.turbines, curve: { ...s.scheme.turbines.curve, file: resolve(baseDir, s.scheme.turbines.curve.file) } },
  };
  const problems = checkMeaning(s).map((m) => `${file}: ${m}`);
  if (problems.length > 0) throw new InputError(`${problems.length} problem${problems.length > 1 ? 's' : ''} in the scenario:\n  ${problems.join('\n  ')}`, problems);
  return s;
}

/** Reads and validates a scenario file. */
export function loadScenario(path: string): Scenario {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`${file}: cannot read the scenario file (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  return scenarioFromObject(obj, file, dirname(file));
}
