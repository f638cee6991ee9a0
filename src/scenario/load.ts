/**
 * Loading a scenario file: read, check the JSON text (syntax errors with line and column, keys
 * given twice), validate against the schema, check relations between fields, resolve data paths.
 */
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { readText } from '../io/text.js';
import { isJsonObject } from '../json.js';
import { directionProblems } from '../operation/fixed-head.js';
import { canonicalSiteRef, isSitePath, loadSite, type Site } from '../tide/site.js';
import { outsideCheckedYears } from '../tide/synthesis.js';
import { isoTimeProblem, parseIsoSeconds, quotedTime } from '../time.js';
import { resolvePaths } from './file-fields.js';
import { type JsonScan, scanJson } from './json-text.js';
import { applyOverrides, type Override, overrideOf } from './overrides.js';
import { asksToPump } from './pumping.js';
import { turbineProblems } from './turbines.js';
import { type HarmonicTide, MODE_DIRECTIONS, type Scenario } from './types.js';
import { type Locate, type Problem, schemaProblems, throwProblems } from './validate.js';

/** Relations inside the operation block and with the turbines. */
function operationProblems(s: Scenario): Problem[] {
  const out: Problem[] = [];
  const o = s.operation;
  const uses = MODE_DIRECTIONS[o.mode];
  for (const d of ['ebb', 'flood'] as const) {
    const c = o[d];
    if (!uses.includes(d)) {
      if (c !== undefined)
        out.push({
          path: `operation.${d}`,
          message: `not used when mode is "${o.mode}"; remove it, or set mode to ${d === 'ebb' ? '"ebb-only"' : '"flood-only"'} or "two-way"`,
        });
      continue;
    }
    if (c === undefined) {
      out.push({
        path: `operation.${d}`,
        message: `missing; mode "${o.mode}" generates on the ${d}: give its start_head_m and end_head_m`,
      });
      continue;
    }
    const field = { endHead: 'end_head_m', pumpToHead: 'pump_to_head_m' } as const;
    for (const p of directionProblems(
      { startHead: c.start_head_m, endHead: c.end_head_m, pumpToHead: c.pump_to_head_m },
      'start_head_m',
    )) {
      out.push({ path: `operation.${d}.${field[p.field]}`, message: p.text });
    }
    if (asksToPump(c) && s.scheme.turbines.pumping === undefined) {
      out.push({
        path: `operation.${d}.pump_to_head_m`,
        message: `the turbines cannot pump; describe their pumping in scheme.turbines.pumping, or remove pump_to_head_m`,
      });
    }
  }
  const lim = o.limits ?? {};
  if (
    lim.basin_min_level_m !== undefined &&
    lim.basin_max_level_m !== undefined &&
    !(lim.basin_min_level_m < lim.basin_max_level_m)
  ) {
    out.push({
      path: `operation.limits.basin_max_level_m`,
      message: `expected more than basin_min_level_m (${lim.basin_min_level_m} m), got ${lim.basin_max_level_m} m`,
    });
  }
  return out;
}

/** Relations inside the scheme block the turbines do not own: the basin. */
function basinProblems(s: Scenario): Problem[] {
  const b = s.scheme.basin;
  const curve = b.area_curve_file !== undefined;
  const constant = b.area_m2 !== undefined;
  if (curve === constant) {
    return [
      {
        path: `scheme.basin`,
        message: `expected exactly one of area_curve_file (an area-level curve) and area_m2 (a constant area), got ${curve ? 'both' : 'neither'}`,
      },
    ];
  }
  if (constant && s.scheme.kind === 'barrage') {
    return [
      {
        path: `scheme.basin.area_m2`,
        message: `a barrage's basin is an estuary, whose area changes with level; give its area_curve_file, or set scheme.kind to "lagoon"`,
      },
    ];
  }
  return [];
}

/** Checks that the schema cannot express (relations between fields). Returns the problems. */
function checkMeaning(s: Scenario): Problem[] {
  const out: Problem[] = [...basinProblems(s), ...operationProblems(s)];
  for (const key of ['start', 'end'] as const) {
    const v = s.period[key];
    if (v !== undefined && isoTimeProblem(v) !== undefined)
      out.push({
        path: `period.${key}`,
        message: `expected an ISO 8601 UTC time such as 2018-01-01T00:00:00Z, got ${quotedTime(v)}`,
      });
  }
  const start = s.period.start !== undefined ? parseIsoSeconds(s.period.start) : NaN;
  const end = s.period.end !== undefined ? parseIsoSeconds(s.period.end) : NaN;
  if (end - start < s.time_step_s) {
    out.push({
      path: 'period.end',
      message: `expected at least one time step (${s.time_step_s} s) after period.start (${s.period.start}), got ${s.period.end}`,
    });
  }
  if (s.tide.kind === 'harmonic' && Number.isFinite(start) && Number.isFinite(end)) {
    const outside = outsideCheckedYears(start, end);
    if (outside !== undefined) out.push({ path: 'period', message: outside });
  }
  const { year } = s.period;
  if (year !== undefined && (s.period.start !== undefined || s.period.end !== undefined))
    out.push({ path: 'period', message: 'give either "year" or "start"/"end", not both' });
  if (s.tide.kind === 'harmonic' && year === undefined && (s.period.start === undefined || s.period.end === undefined)) {
    out.push({
      path: 'period',
      message: 'a harmonic tide needs a period: give "year" (e.g. 2018) or both "start" and "end" (ISO 8601 UTC)',
    });
  }
  out.push(...turbineProblems(s.scheme.turbines));
  return out;
}

/**
 * Locates a dotted path: the option that set it, else its value's position in the scanned text,
 * or its nearest ancestor's.
 */
function locator(scan: JsonScan | undefined, overrides: readonly Override[]): Locate {
  return (path) => {
    const option = overrideOf(path, overrides);
    if (option) return option.origin;
    if (!scan) return undefined;
    for (let p = path; ; ) {
      const at = scan.positions.get(p);
      if (at) return at;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return scan.positions.get('(top level)');
      p = p.slice(0, cut);
    }
  };
}

/**
 * Turns a parsed scenario object into a Scenario: validates it (defaults filled), resolves data
 * paths against `baseDir`, checks relations between fields. Throws InputError with every problem.
 * `scan` (from the file's text) adds line and column to the messages, and flags keys given twice.
 */
export function scenarioFromObject(
  obj: unknown,
  file: string,
  baseDir: string,
  scan?: JsonScan,
  overrides: readonly Override[] = [],
): Scenario {
  applyOverrides(obj, overrides);
  const locate = scan || overrides.length > 0 ? locator(scan, overrides) : undefined;
  const twice: Problem[] = (scan?.duplicates ?? []).map((d) => ({
    path: d.path,
    message: `given twice (first at line ${d.first.line}, column ${d.first.column}); JSON keeps only the last one, so remove one of them`,
  }));
  const problems = [...twice, ...schemaProblems(obj)];
  if (problems.length > 0) throwProblems(file, problems, locate);
  const raw = obj as Omit<Scenario, 'file' | 'description' | 'sources' | 'period'> & Partial<Scenario>;
  const s: Scenario = resolvePaths(
    {
      ...raw,
      description: raw.description ?? '',
      sources: raw.sources ?? [],
      period: raw.period ?? {},
      file,
    },
    baseDir,
  );
  if (s.tide.kind === 'harmonic') s.tide = harmonicTide(s.tide, baseDir);
  const meaning = checkMeaning(s);
  if (meaning.length > 0) throwProblems(file, meaning, locate);
  return s;
}

/**
 * The harmonic tide with its site resolved: a path against the scenario's folder (it is a data
 * file too), a station name to its id (names may be shared, ids are not), and an absent datum to
 * the site's own. A site that cannot be read is left as given: building the sea level says why.
 */
function harmonicTide(t: HarmonicTide, baseDir: string): HarmonicTide {
  const ref = isSitePath(t.site) ? resolve(baseDir, t.site) : t.site;
  const site = resolvedSite(ref);
  return site ? { ...t, site: site.ref, datum: t.datum ?? site.datum } : { ...t, site: ref };
}

/** Built-in sites and stations already resolved in this process (a sweep loads its base once per design). */
const resolvedSites = new Map<string, { ref: string; datum: string }>();

/** A site reference's canonical form (canonicalSiteRef) and its datum; undefined when it cannot be read. */
function resolvedSite(ref: string): { ref: string; datum: string } | undefined {
  const known = resolvedSites.get(ref);
  if (known) return known;
  let site: Site;
  try {
    site = loadSite(ref);
  } catch {
    return undefined;
  }
  const resolved = { ref: canonicalSiteRef(ref, site), datum: site.datum };
  // Site files may be edited between loads; built-in sites and stations do not change.
  if (!isSitePath(ref)) resolvedSites.set(ref, resolved);
  return resolved;
}

/**
 * Reads and validates a scenario file, with `overrides` (from --set, --site) applied before the
 * checks. Messages name the file as given; Scenario.file is the absolute path.
 */
export function loadScenario(path: string, overrides: readonly Override[] = []): Scenario {
  const file = resolve(path);
  const text = readText(file, 'scenario file');
  const scan = scanJson(text);
  if (scan.syntax) {
    const { at, message } = scan.syntax;
    throw new InputError(`${path}:${at.line}:${at.column}: not valid JSON: ${message}`);
  }
  const obj: unknown = JSON.parse(text);
  if (isJsonObject(obj) && 'base' in obj && 'parameters' in obj && !('scheme' in obj))
    throw new InputError(
      `${path} is a sweep file (a base scenario and the fields to vary), not a scenario; run it with \`mersey-tidal sweep ${path}\``,
    );
  const s = scenarioFromObject(obj, path, dirname(file), scan, overrides);
  s.file = file;
  return s;
}
