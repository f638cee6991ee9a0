/**
 * Tide sites: harmonic constants with their datum, units and provenance, read from and written
 * to JSON site files (data/sites/*.json ship with the package; stations of @neaps/tide-database
 * by id or name; see docs/tide.md).
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../errors.js';
import { readText } from '../io/text.js';
import { isJsonObject } from '../json.js';
import { PACKAGE_ROOT } from '../paths.js';
import { findStation, stationDatabaseFile, stationDatabaseName, stationSite, stationSuggestions } from './stations.js';

export const SITE_FORMAT = 'mersey-tidal site 1';

export interface SiteConstituent {
  /** Constituent name as in the IHO list or an alias of it (e.g. "M2", "MM", "LAMBDA2"). */
  readonly name: string;
  /** Amplitude A (m). */
  readonly amplitude: number;
  /** Greenwich phase lag g (degrees, 0 <= g < 360), times in UTC. */
  readonly phase: number;
}

export interface Site {
  readonly name: string;
  /** Identifier at the source, if any. */
  readonly id?: string;
  /** WGS84 degrees. */
  readonly position?: { readonly latitude: number; readonly longitude: number };
  /** The datum heights are given in (z0, datums), e.g. "ODN". */
  readonly datum: string;
  /** Mean level z0 (m above the datum). */
  readonly z0: number;
  /** Named datums and tidal levels: height of each (m above the datum); includes the datum at 0. */
  readonly datums: Readonly<Record<string, number>>;
  readonly constituents: readonly SiteConstituent[];
  readonly source: string;
  readonly licence: string;
  /** The file it was read from ("" when built in memory). */
  readonly file: string;
}

/** The package root, from src/tide/ or dist/tide/ alike. */
const BUILTIN_SITE_DIR = join(PACKAGE_ROOT, 'data', 'sites');

const PHASE_CONVENTION =
  'Greenwich phase lag g of h(t) = z0 + sum f A cos(V0(t) + u(t) - g), times in UTC; V0, f and u after the IHO TWCWG Standard List of Tidal Constituents (2017)';

/** Describes a value for messages: "nothing" when the field is missing. */
function got(v: unknown): string {
  return v === undefined ? 'nothing (the field is missing)' : JSON.stringify(v);
}

/**
 * Validates a parsed site file. Every problem is listed together (at most 12), each naming the
 * file and the field, e.g. "x.json: constituents[4].phase: 400 is out of range: Greenwich phase
 * lags are degrees in [0, 360)". Constituent names are checked against the constituent table when
 * the site is turned into a harmonic model (see harmonicModel in harmonic.ts).
 */
export function parseSite(json: unknown, file: string): Site {
  const problems: string[] = [];
  const fail = (field: string, message: string) => {
    problems.push(`${file}: ${field}: ${message}`);
  };
  const text = (o: Record<string, unknown>, key: string, what: string): string => {
    const v = o[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
    fail(key, `expected a non-empty string (${what}), got ${got(v)}`);
    return '';
  };
  const number = (v: unknown, field: string, what: string): number => {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    fail(field, `expected a finite number (${what}), got ${got(v)}`);
    return 0;
  };
  if (!isJsonObject(json)) throw new InputError(`${file}: (top level): expected a JSON object`);
  if (json.format !== SITE_FORMAT) fail('format', `expected "${SITE_FORMAT}", got ${got(json.format)}`);
  const name = text(json, 'name', 'the name of the site');
  if (json.heightUnit !== 'm')
    fail('heightUnit', `heights (z0, datums, amplitudes) must be in metres: expected "m", got ${got(json.heightUnit)}`);
  if (json.phaseUnit !== 'deg') fail('phaseUnit', `phases must be in degrees: expected "deg", got ${got(json.phaseUnit)}`);
  const datum = text(json, 'datum', 'the datum heights are given in, e.g. "ODN"');
  const z0 = number(json.z0, 'z0', 'the mean sea level, m above the datum');
  const datums: Record<string, number> = {};
  if (!isJsonObject(json.datums))
    fail('datums', `expected an object of datum name -> height (m above the datum), got ${got(json.datums)}`);
  else for (const [k, v] of Object.entries(json.datums)) datums[k] = number(v, `datums.${k}`, 'm above the datum');
  if (datums[datum] === undefined) datums[datum] = 0;
  else if (datums[datum] !== 0)
    fail(`datums.${datum}`, `the site datum must be at height 0 in its own table, got ${datums[datum]}`);

  let position: Site['position'];
  if (json.position !== undefined) {
    if (!isJsonObject(json.position)) fail('position', 'expected { "latitude": deg, "longitude": deg }');
    else {
      const latitude = number(json.position.latitude, 'position.latitude', 'degrees north');
      const longitude = number(json.position.longitude, 'position.longitude', 'degrees east');
      if (Math.abs(latitude) > 90) fail('position.latitude', `${latitude} is not a latitude in degrees`);
      if (Math.abs(longitude) > 180) fail('position.longitude', `${longitude} is not a longitude in degrees (-180 to 180)`);
      position = { latitude, longitude };
    }
  }

  const constituents: SiteConstituent[] = [];
  if (!Array.isArray(json.constituents) || json.constituents.length === 0) {
    fail('constituents', 'expected a non-empty array of { "name", "amplitude" (m), "phase" (deg) }');
  } else {
    json.constituents.forEach((c: unknown, i: number) => {
      const field = `constituents[${i}]`;
      if (!isJsonObject(c)) {
        fail(field, 'expected { "name", "amplitude", "phase" }');
        return;
      }
      if (typeof c.name !== 'string' || c.name === '') fail(`${field}.name`, `expected a constituent name, got ${got(c.name)}`);
      const amplitude = number(c.amplitude, `${field}.amplitude`, 'm');
      if (amplitude < 0)
        fail(`${field}.amplitude`, `${amplitude} is negative: amplitudes are >= 0 m (put a half turn in the phase instead)`);
      const phase = number(c.phase, `${field}.phase`, 'degrees');
      if (phase < 0 || phase >= 360)
        fail(`${field}.phase`, `${phase} is out of range: Greenwich phase lags are degrees in [0, 360)`);
      constituents.push({ name: String(c.name), amplitude, phase });
    });
  }
  const source = text(json, 'source', 'where the constants come from');
  const licence = text(json, 'licence', 'the licence of the constants');
  if (problems.length > 0) throw InputError.of(problems, file);
  return {
    name,
    ...(typeof json.id === 'string' ? { id: json.id } : {}),
    ...(position ? { position } : {}),
    datum,
    z0,
    datums,
    constituents,
    source,
    licence,
    file,
  };
}

/** The shipped sites' names, read from their folder once per process (it does not change). */
let shipped: readonly string[] | null = null;

/** Names of the sites that ship with the package (data/sites/<name>.json). */
export function builtinSiteNames(): string[] {
  shipped ??= readdirSync(BUILTIN_SITE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
  return [...shipped];
}

/** A station id of the database: "<source>/<station>", e.g. "ticon/mumbles-mum-gbr-bodc". */
const STATION_ID = /^[a-z][a-z0-9-]*\/[^/\\]+$/;

/**
 * True when a site reference is a path, not a name or a station id: it ends in .json, or has a
 * path separator and is not shaped like a station id ("ticon/mumbles-mum-gbr-bodc").
 */
export function isSitePath(ref: string): boolean {
  return ref.endsWith('.json') || (/[\\/]/.test(ref) && !STATION_ID.test(ref));
}

/** The built-in site a reference names, in any case ("Liverpool" is "liverpool"); undefined if none. */
export function builtinSite(ref: string): string | undefined {
  if (isSitePath(ref)) return undefined;
  const q = ref.trim().toLowerCase();
  return builtinSiteNames().find((n) => n === q);
}

/**
 * A site reference's canonical form, given the site it loads: a path as given, a built-in site by
 * its own name ("Liverpool" is "liverpool"), a station by its id (names may be shared, ids are not).
 */
export function canonicalSiteRef(ref: string, site: Site): string {
  if (isSitePath(ref)) return ref;
  return builtinSite(ref) ?? site.id ?? ref;
}

/**
 * The file a site reference reads: the path itself, the built-in site's file, or for a station
 * the database file (so that a run records and checks the constants it used).
 */
export function siteFile(ref: string): string {
  if (isSitePath(ref)) return ref;
  const builtin = builtinSite(ref);
  return builtin ? join(BUILTIN_SITE_DIR, `${builtin}.json`) : stationDatabaseFile();
}

/**
 * Reads a site: a path to a site file (anything with a path separator or ending in .json), a
 * built-in site ("liverpool", any case), or a station of @neaps/tide-database by id
 * ("ticon/mumbles-mum-gbr-bodc") or name ("Mumbles"). Built-in sites come first.
 */
export function loadSite(ref: string): Site {
  const builtin = isSitePath(ref) ? undefined : builtinSite(ref);
  if (!isSitePath(ref) && builtin === undefined) {
    const station = findStation(ref);
    if (station) return stationSite(station);
    const near = stationSuggestions(ref);
    throw new InputError(
      `unknown site "${ref}": not a built-in site (${builtinSiteNames()
        .map((n) => `"${n}"`)
        .join(', ')}), a site file (a path ending in .json), or a station id or name of ${stationDatabaseName()}${
        near.length > 0 ? `; stations with similar names: ${near.join(', ')}` : ''
      }; list stations with \`mersey-tidal sites <query>\` or \`mersey-tidal sites --near LAT,LON\``,
    );
  }
  const file = builtin === undefined ? ref : join(BUILTIN_SITE_DIR, `${builtin}.json`);
  const text = readText(file, 'site file');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return parseSite(json, file);
}

/**
 * Height to subtract from a level in the site datum to express it in `datum` (one of the site's
 * datums; default the site datum itself).
 */
export function datumOffset(site: Site, datum: string = site.datum): number {
  const h = site.datums[datum];
  if (h === undefined) {
    throw new InputError(`${site.file || site.name}: no datum "${datum}"; the site has ${Object.keys(site.datums).join(', ')}`);
  }
  return h;
}

/** The site as file text, one constituent per line; parseSite(JSON.parse(text)) gives it back. */
export function siteToJson(site: Site): string {
  const head = {
    format: SITE_FORMAT,
    name: site.name,
    ...(site.id !== undefined ? { id: site.id } : {}),
    ...(site.position ? { position: site.position } : {}),
    datum: site.datum,
    heightUnit: 'm',
    phaseUnit: 'deg',
    phaseConvention: PHASE_CONVENTION,
    z0: site.z0,
    datums: site.datums,
  };
  const lines = JSON.stringify(head, null, 2).split('\n');
  lines.pop(); // the closing brace
  const rows = site.constituents.map(
    (c) => `    { "name": ${JSON.stringify(c.name)}, "amplitude": ${c.amplitude}, "phase": ${c.phase} }`,
  );
  return [
    `${lines.join('\n')},`,
    '  "constituents": [',
    rows.join(',\n'),
    '  ],',
    `  "source": ${JSON.stringify(site.source)},`,
    `  "licence": ${JSON.stringify(site.licence)}`,
    '}',
    '',
  ].join('\n');
}
