/**
 * Tide sites: harmonic constants with their datum, units and provenance, read from and written
 * to JSON site files (data/sites/*.json ship with the package; stations of @neaps/tide-database
 * by id or name; see docs/tide.md).
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../errors.js';
import { isJsonObject } from '../json.js';
import { PACKAGE_ROOT } from '../paths.js';
import { readText } from '../read-text.js';
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

function fail(file: string, field: string, message: string): never {
  throw new Error(`${file}: ${field}: ${message}`);
}

function requireString(o: Record<string, unknown>, key: string, file: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') fail(file, key, `expected a non-empty string, got ${JSON.stringify(v)}`);
  return v;
}

function requireNumber(v: unknown, file: string, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(file, field, `expected a finite number, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * Validates a parsed site file. Every error names the file and the field, e.g.
 * "x.json: constituents[4].phase: 400 is out of range: Greenwich phase lags are degrees in [0, 360)".
 * Constituent names are checked against the constituent table when the site is turned into a
 * harmonic model (see harmonicModel in harmonic.ts).
 */
export function parseSite(json: unknown, file: string): Site {
  if (!isJsonObject(json)) fail(file, '(top level)', 'expected a JSON object');
  if (json.format !== SITE_FORMAT) fail(file, 'format', `expected "${SITE_FORMAT}", got ${JSON.stringify(json.format)}`);
  const name = requireString(json, 'name', file);
  if (json.heightUnit !== 'm')
    fail(
      file,
      'heightUnit',
      `heights (z0, datums, amplitudes) must be in metres: expected "m", got ${JSON.stringify(json.heightUnit)}`,
    );
  if (json.phaseUnit !== 'deg')
    fail(file, 'phaseUnit', `phases must be in degrees: expected "deg", got ${JSON.stringify(json.phaseUnit)}`);
  const datum = requireString(json, 'datum', file);
  const z0 = requireNumber(json.z0, file, 'z0');
  if (!isJsonObject(json.datums)) fail(file, 'datums', 'expected an object of datum name -> height (m above the datum)');
  const datums: Record<string, number> = {};
  for (const [k, v] of Object.entries(json.datums)) datums[k] = requireNumber(v, file, `datums.${k}`);
  if (datums[datum] === undefined) datums[datum] = 0;
  else if (datums[datum] !== 0)
    fail(file, `datums.${datum}`, `the site datum must be at height 0 in its own table, got ${datums[datum]}`);

  let position: Site['position'];
  if (json.position !== undefined) {
    if (!isJsonObject(json.position)) fail(file, 'position', 'expected { "latitude": deg, "longitude": deg }');
    const latitude = requireNumber(json.position.latitude, file, 'position.latitude');
    const longitude = requireNumber(json.position.longitude, file, 'position.longitude');
    if (Math.abs(latitude) > 90) fail(file, 'position.latitude', `${latitude} is not a latitude in degrees`);
    if (Math.abs(longitude) > 180) fail(file, 'position.longitude', `${longitude} is not a longitude in degrees (-180 to 180)`);
    position = { latitude, longitude };
  }

  if (!Array.isArray(json.constituents) || json.constituents.length === 0) {
    fail(file, 'constituents', 'expected a non-empty array of { "name", "amplitude" (m), "phase" (deg) }');
  }
  const constituents: SiteConstituent[] = json.constituents.map((c: unknown, i: number) => {
    const field = `constituents[${i}]`;
    if (!isJsonObject(c)) fail(file, field, 'expected { "name", "amplitude", "phase" }');
    if (typeof c.name !== 'string' || c.name === '')
      fail(file, `${field}.name`, `expected a constituent name, got ${JSON.stringify(c.name)}`);
    const amplitude = requireNumber(c.amplitude, file, `${field}.amplitude`);
    if (amplitude < 0)
      fail(file, `${field}.amplitude`, `${amplitude} is negative: amplitudes are >= 0 m (put a half turn in the phase instead)`);
    const phase = requireNumber(c.phase, file, `${field}.phase`);
    if (phase < 0 || phase >= 360)
      fail(file, `${field}.phase`, `${phase} is out of range: Greenwich phase lags are degrees in [0, 360)`);
    return { name: c.name, amplitude, phase };
  });

  return {
    name,
    ...(typeof json.id === 'string' ? { id: json.id } : {}),
    ...(position ? { position } : {}),
    datum,
    z0,
    datums,
    constituents,
    source: requireString(json, 'source', file),
    licence: requireString(json, 'licence', file),
    file,
  };
}

/** Names of the sites that ship with the package (data/sites/<name>.json). */
export function builtinSiteNames(): string[] {
  return readdirSync(BUILTIN_SITE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
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
  if (!isSitePath(ref) && builtinSite(ref) === undefined) {
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
  const file = siteFile(ref);
  const text = readText(file, 'site file');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
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
    throw new Error(`${site.file || site.name}: no datum "${datum}"; the site has ${Object.keys(site.datums).join(', ')}`);
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
