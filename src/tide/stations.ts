/**
 * Tide stations of the world from @neaps/tide-database (harmonic constants, datums and metadata of
 * thousands of gauges: TICON-4, NOAA, the Canadian Hydrographic Service, Kartverket), as sites.
 *
 * The database is loaded only when a station is asked for (about a second); built-in sites and
 * site files never load it. A station becomes a Site in mean sea level: datum "MSL", z0 = 0, and
 * every datum of the station (HAT, MHWS, LAT, its chart datum...) as a height above MSL.
 */
import { createRequire } from 'node:module';
import type { Station } from '@neaps/tide-database';
import { InputError } from '../errors.js';
import { resolveConstituents } from './constituents.js';
import type { Site, SiteConstituent } from './site.js';

type Database = typeof import('@neaps/tide-database');

const require = createRequire(import.meta.url);
let loaded: Database | undefined;

/** The database module, loaded on first use. */
function database(): Database {
  loaded ??= require('@neaps/tide-database') as Database;
  return loaded;
}

/** "@neaps/tide-database 0.10.20260924": the package and version the constants come from. */
export function stationDatabaseName(): string {
  const { version } = require('@neaps/tide-database/package.json') as { version: string };
  return `@neaps/tide-database ${version}`;
}

/** The database file: the data file a station's run depends on (hashed into summary.json). */
export function stationDatabaseFile(): string {
  const pkg = require.resolve('@neaps/tide-database/package.json');
  return pkg.replace(/package\.json$/, 'dist/generated/neaps.tcdb');
}

/** A tide station that predicts from its own constants (not a current, not a subordinate). */
const predicts = (s: Station) => s.kind === 'tide' && s.type === 'reference' && s.harmonic_constituents.length > 0;

/** A station of the list, and its distance (km) from the point searched around, if any. */
export interface StationMatch {
  station: Station;
  distanceKm?: number;
}

/** Tide stations matching `query` by name, place or country (fuzzy), best first; currents left out. */
export function searchStations(query: string, limit = 20): StationMatch[] {
  return database()
    .search(query, { maxResults: limit, filter: (s) => s.kind === 'tide' })
    .map((station) => ({ station }));
}

/** The tide stations nearest to a point, closest first (only those that predict from their own constants). */
export function nearStations(latitude: number, longitude: number, limit = 10): StationMatch[] {
  return database()
    .near({ latitude, longitude, maxResults: limit, filter: predicts })
    .map(([station, distanceKm]) => ({ station, distanceKm }));
}

/** How a station is listed in messages: "Mumbles, United Kingdom (ticon/mumbles-mum-gbr-bodc)". */
export function stationLabel(s: Station): string {
  return `${s.name}, ${s.country} (${s.id})`;
}

/**
 * The station a reference names: its id ("ticon/mumbles-mum-gbr-bodc"), or its name or alias
 * (any case) when exactly one station that predicts has it. Undefined when nothing matches;
 * an InputError when a name is shared, listing the stations with their ids.
 */
export function findStation(ref: string): Station | undefined {
  const db = database();
  const byId = db.stationsById.get(ref);
  if (byId) return byId;
  const q = ref.trim().toLowerCase();
  const named = db.stations.filter((s) => s.kind === 'tide' && (s.name.toLowerCase() === q || s.aliases?.includes(q)));
  const own = named.filter(predicts);
  const candidates = own.length > 0 ? own : named;
  if (candidates.length === 1 && nameContradictsId(candidates[0]))
    throw new InputError(
      `the station named "${ref}" in ${stationDatabaseName()} has the id ${candidates[0].id}, which names another gauge: a few stations of this database version carry a neighbour's name, so the gauge is not certain; give the id of the gauge you mean (mersey-tidal sites --near LAT,LON lists them with their ids)`,
    );
  if (candidates.length <= 1) return candidates[0];
  throw new InputError(
    `${candidates.length} stations are named "${ref}": ${candidates
      .slice(0, 8)
      .map(stationLabel)
      .join('; ')}${candidates.length > 8 ? '; ...' : ''}; give the id of the one you mean`,
  );
}

/**
 * Whether a TICON station's name contradicts the gauge its id was made from: the id's name part
 * (letters only) does not contain the first word of the name. Ids made of codes are not judged.
 */
export function nameContradictsId(s: Station): boolean {
  if (!s.id.startsWith('ticon/')) return false;
  const slug = s.id.slice('ticon/'.length).split('-')[0];
  if (/\d/.test(slug)) return false;
  const letters = (x: string) =>
    x
      .normalize('NFD')
      .replace(/[^a-z]/gi, '')
      .toLowerCase();
  const first = letters(s.name.split(/[\s,(/-]+/)[0]);
  return first.length >= 3 && !letters(slug).includes(first);
}

/** Nearby names for a reference that matched nothing: the fuzzy search's best few. */
export function stationSuggestions(ref: string): string[] {
  return searchStations(ref, 5).map((m) => `"${m.station.name}" (${m.station.id})`);
}

/** Whether the constituent table knows a name (stations carry a few source-specific ones, e.g. SA_KV). */
function knownConstituent(name: string): boolean {
  try {
    resolveConstituents([name], () => name);
    return true;
  } catch {
    return false;
  }
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * The station as a site: heights in m above MSL (z0 = 0), constants as the database gives them
 * (single precision: amplitudes to 1e-6 m, phases to 1e-4 deg), constituents unknown to the
 * constituent table left out and named in the source. Refuses currents and subordinate stations
 * (predicted from another station with time and height offsets this tool does not apply).
 */
export function stationSite(s: Station): Site {
  if (s.kind !== 'tide') throw new InputError(`station ${stationLabel(s)} measures tidal currents, not the sea level`);
  if (s.type === 'subordinate') {
    const ref = s.offsets?.reference;
    throw new InputError(
      `station ${stationLabel(s)} is subordinate: its tide is ${ref ?? 'another station'}'s shifted in time and height at high and low water, which mersey-tidal does not apply; use the reference station${ref ? ` "${ref}"` : ''}, or the nearest station that has its own constants (mersey-tidal sites --near ${s.latitude},${s.longitude})`,
    );
  }
  const constituents: SiteConstituent[] = [];
  const dropped: string[] = [];
  for (const c of s.harmonic_constituents) {
    if (!knownConstituent(c.name)) {
      dropped.push(`${c.name} ${c.amplitude.toFixed(4)} m`);
      continue;
    }
    const flip = c.amplitude < 0 ? 180 : 0;
    constituents.push({
      name: c.name,
      amplitude: round(Math.abs(c.amplitude), 6),
      phase: round((((c.phase + flip) % 360) + 360) % 360, 4) % 360,
    });
  }
  if (constituents.length === 0) throw new InputError(`station ${stationLabel(s)} has no harmonic constituents`);
  const msl = s.datums.MSL;
  const datums: Record<string, number> = { MSL: 0 };
  if (msl !== undefined) for (const [k, v] of Object.entries(s.datums)) datums[k] = round(v - msl, 3);
  const epoch = s.epoch ? `, epoch ${s.epoch.start} to ${s.epoch.end}` : '';
  const chart =
    msl !== undefined && s.chart_datum && s.datums[s.chart_datum] !== undefined
      ? `; chart datum ${s.chart_datum} at ${datums[s.chart_datum].toFixed(3)} m MSL`
      : '';
  const heights =
    msl !== undefined
      ? `heights in m above MSL (datums ${s.datums_source ?? 'as published'}${chart})`
      : 'heights in m above MSL (the station publishes no datums)';
  const left = dropped.length > 0 ? `; constituents left out (not in the constituent table): ${dropped.join(', ')}` : '';
  return {
    name: s.name,
    id: s.id,
    position: { latitude: s.latitude, longitude: s.longitude },
    datum: 'MSL',
    z0: 0,
    datums,
    constituents,
    source: `${s.source.name} station ${s.source.id} (${s.source.url}), as packaged in ${stationDatabaseName()} (station ${s.id}${epoch}); ${heights}${left}`,
    licence: `${s.license.type}${s.license.commercial_use ? '' : ' (no commercial use)'}: ${s.attribution}`,
    file: '',
  };
}
