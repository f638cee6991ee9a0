/** Loading a scenario file: parse, validate against the schema, check meaning, resolve paths. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Scenario } from './types.js';
import { InputError, validateScenarioObject } from './validate.js';
import { parseIsoSeconds } from '../tide/series.js';
import { resolveTurbinePaths, turbineProblems } from './turbines.js';

/** Checks that the schema cannot express (relations between fields). Returns the problems. */
function checkMeaning(s: Scenario): string[] {
  const out: string[] = [];
  const { ebb } = s.operation;
  if (ebb.end_head_m >= ebb.start_head_m) {
    out.push(`operation.ebb.end_head_m: expected less than start_head_m (${ebb.start_head_m} m), got ${ebb.end_head_m} m; generation stops at a lower head than it starts`);
  }
  for (const key of ['start', 'end'] as const) {
    const v = s.period[key];
    if (v !== undefined && !Number.isFinite(parseIsoSeconds(v))) out.push(`period.${key}: expected an ISO 8601 UTC time such as 2018-01-01T00:00:00Z, got "${v}"`);
  }
  const { start, end, year } = s.period;
  if (year !== undefined && (start !== undefined || end !== undefined)) out.push('period: give either "year" or "start"/"end", not both');
  if (s.tide.kind === 'harmonic' && year === undefined && (start === undefined || end === undefined)) {
    out.push('period: a harmonic tide needs a period: give "year" (e.g. 2018) or both "start" and "end" (ISO 8601 UTC)');
  }
  if (start !== undefined && end !== undefined && parseIsoSeconds(end) <= parseIsoSeconds(start)) {
    out.push(`period.end: expected a time after period.start (${start}), got ${end}`);
  }
  out.push(...turbineProblems(s.scheme.turbines));
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
  if (s.tide.kind === 'observed') s.tide = { ...s.tide, file: resolve(baseDir, s.tide.file) };
  else if (/[\\/]/.test(s.tide.site) || s.tide.site.endsWith('.json')) s.tide = { ...s.tide, site: resolve(baseDir, s.tide.site) };
  s.scheme = {
    ...s.scheme,
    basin: { ...s.scheme.basin, area_curve_file: resolve(baseDir, s.scheme.basin.area_curve_file) },
    turbines: resolveTurbinePaths(s.scheme.turbines, baseDir),
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
