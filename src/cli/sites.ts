/**
 * `mersey-tidal sites [query] [--near LAT,LON]`: the built-in sites and the stations of the tide
 * database that match, with what a planner needs to pick one: id, name, country, distance, whether
 * it predicts from its own constants, its datums, and the source and licence of its constants.
 */

import type { Station } from '@neaps/tide-database';
import type { Command } from 'commander';
import { fmt } from '../numbers.js';
import { builtinSiteNames, loadSite } from '../tide/site.js';
import { nearStations, searchStations, stationDatabaseName } from '../tide/stations.js';
import { jsonOption, nearOption, quietOption, wholeNumber } from './options.js';
import { output } from './output.js';

/** One line of the list. */
export interface SiteRow {
  /** What to give --site or tide.site. */
  id: string;
  name: string;
  country: string;
  distance_km: number | null;
  /** "built-in", "reference" (own constants) or "subordinate" (offsets from another station; refused). */
  kind: 'built-in' | 'reference' | 'subordinate';
  /** Datum of the levels the site predicts in by default. */
  datum: string;
  /** Its other datums, by name. */
  datums: string[];
  source: string;
  licence: string;
  commercial_use: boolean;
}

/** The first words of a site file's source or licence, for the table (the file has the rest). */
function brief(text: string): string {
  const head = text.split(/[:;(,]|\. /)[0].trim();
  return head.length > 40 ? `${head.slice(0, 39)}...` : head;
}

function builtinRows(query: string | undefined): SiteRow[] {
  const q = query?.toLowerCase();
  return builtinSiteNames()
    .map((n) => ({ n, site: loadSite(n) }))
    .filter(({ n, site }) => q === undefined || n.includes(q) || site.name.toLowerCase().includes(q))
    .map(({ n, site }) => ({
      id: n,
      name: site.name,
      country: '',
      distance_km: null,
      kind: 'built-in' as const,
      datum: site.datum,
      datums: Object.keys(site.datums),
      source: brief(site.source),
      licence: brief(site.licence),
      commercial_use: true,
    }));
}

function stationRow(s: Station, distanceKm?: number): SiteRow {
  return {
    id: s.id,
    name: s.name,
    country: s.country,
    distance_km: distanceKm === undefined ? null : Math.round(distanceKm * 10) / 10,
    kind: s.type,
    datum: 'MSL',
    datums: Object.keys(s.datums),
    source: s.source.name,
    licence: s.license.type,
    commercial_use: s.license.commercial_use,
  };
}

/** The rows as an aligned table. */
function table(rows: readonly SiteRow[]): string {
  const head = ['id', 'name', 'country', 'km', 'kind', 'datums', 'source', 'licence'];
  const cells = rows.map((r) => [
    r.id,
    r.name,
    r.country,
    r.distance_km === null ? '' : fmt(r.distance_km, 1),
    r.kind,
    r.datums.length > 0 ? `${r.datum} (+${r.datums.length - 1})` : r.datum,
    r.source,
    `${r.licence}${r.commercial_use ? '' : ', no commercial use'}`,
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...cells.map((c) => c[j].length)));
  return [head, ...cells]
    .map((c) =>
      c
        .map((x, j) => x.padEnd(widths[j]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function registerSites(program: Command): void {
  program
    .command('sites')
    .description(
      'List tide sites: the built-in ones and the stations of the tide database matching a name or place, or nearest a point',
    )
    .argument('[query]', 'name, place or country to search for (fuzzy), e.g. "Mumbles" or "Severn"')
    .addOption(nearOption())
    .option('--limit <n>', 'at most this many stations (default 20)', wholeNumber('stations', 1), 20)
    .addOption(quietOption())
    .addOption(jsonOption('the list'))
    .action((query: string | undefined, opts: { near?: [number, number]; limit: number; json?: boolean; quiet?: boolean }) => {
      const ui = output(opts);
      const builtins = opts.near === undefined ? builtinRows(query) : [];
      let stations: SiteRow[] = [];
      if (opts.near !== undefined) {
        const [lat, lon] = opts.near;
        const q = query?.toLowerCase();
        stations = nearStations(lat, lon, q === undefined ? opts.limit : 10 * opts.limit)
          .filter((m) => q === undefined || `${m.station.name} ${m.station.country}`.toLowerCase().includes(q))
          .slice(0, opts.limit)
          .map((m) => stationRow(m.station, m.distanceKm));
      } else if (query !== undefined) {
        stations = searchStations(query, opts.limit).map((m) => stationRow(m.station));
      }
      const rows = [...builtins, ...stations];
      const how =
        query === undefined && opts.near === undefined
          ? `Built-in sites; search the ${stationDatabaseName()} stations with \`mersey-tidal sites <query>\` or \`--near LAT,LON\``
          : `${rows.length} site${rows.length === 1 ? '' : 's'} (stations from ${stationDatabaseName()})`;
      ui.status(how);
      ui.result(
        rows.length > 0
          ? `${table(rows)}\n\nGive the id (or a unique name) to --site or tide.site; a station predicts in m above MSL, with its datums (see docs/tide.md).\n`
          : 'no site or station matches\n',
        () => ({ database: stationDatabaseName(), sites: rows }),
      );
    });
}
