/** Option parsers and options shared by the commands: each bad value is an error naming the flag. */
import { join } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { InputError } from '../errors.js';
import { fmt } from '../numbers.js';
import { defaultWorkerCount } from '../parallel/pool.js';
import { jsonSha256 } from '../report/digest.js';
import { type FieldChange, type Override, parseSet, siteOverride } from '../scenario/overrides.js';
import { nearStations, stationLabel } from '../tide/stations.js';
import { parseIsoSeconds, quotedTime } from '../time.js';

/** A parser of whole numbers >= `min`, counting `what`. */
export function wholeNumber(what: string, min: number): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || n < min)
      throw new InvalidArgumentError(`expected a whole number of ${what} >= ${min}, got "${text}"`);
    return n;
  };
}

export function positiveNumber(value: string, flag: string): number {
  const x = Number(value);
  if (!(x > 0) || !Number.isFinite(x)) throw new InvalidArgumentError(`${flag}: expected a positive number, got "${value}"`);
  return x;
}

/** An ISO 8601 time (s since the epoch). */
export function isoArgument(value: string, flag: string): number {
  const t = parseIsoSeconds(value);
  if (Number.isNaN(t))
    throw new InvalidArgumentError(
      `${flag}: expected an ISO 8601 time such as 2018-01-01T00:00Z (UTC unless a zone is given), got ${quotedTime(value)}`,
    );
  return t;
}

/** `--workers <n>`: worker threads, default the available cores. */
export function workersOption(): Option {
  return new Option('--workers <n>', `worker threads (default: the available cores, here ${defaultWorkerCount()})`).argParser(
    wholeNumber('worker threads', 1),
  );
}

/** `--quiet`: no progress bar or status lines. */
export function quietOption(): Option {
  return new Option('--quiet', 'no progress bar or status lines on stderr');
}

/** `--json`: the result as one JSON document on stdout. */
export function jsonOption(what = 'the result'): Option {
  return new Option('--json', `print ${what} as JSON on stdout (nothing else goes there)`);
}

/** `--set <path=value>`, repeatable: collects the overrides in order. */
export function setOption(): Option {
  return new Option(
    '--set <path=value>',
    'change one scenario field before the checks, by its dotted path (repeatable), e.g. --set time_step_s=600 --set period.end=2018-02-01T00:00:00Z',
  )
    .argParser((text: string, prev: Override[] | undefined) => [...(prev ?? []), parseSet(text)])
    .default([] as Override[], 'none');
}

/** `--site <ref>`: the tide replaced by the harmonic prediction at a site or station. */
export function siteOption(): Option {
  return new Option(
    '--site <site>',
    'tide: harmonic prediction at a built-in site ("liverpool"), a site file (.json), or a station of the tide database by id or name ("Mumbles"; see `mersey-tidal sites`)',
  );
}

/** `--near <lat,lon>`: the tide at the nearest station of the tide database. */
export function nearOption(): Option {
  return new Option(
    '--near <lat,lon>',
    'tide: harmonic prediction at the nearest station to this point (WGS84 degrees)',
  ).argParser((text: string) => parseLatLon(text, '--near'));
}

/** "53.45,-3.02" as [latitude, longitude]. */
export function parseLatLon(text: string, flag: string): [number, number] {
  const parts = text.split(',').map((s) => s.trim());
  const [lat, lon] = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180))
    throw new InvalidArgumentError(
      `${flag}: expected LAT,LON in degrees (latitude -90 to 90, longitude -180 to 180), e.g. 53.45,-3.02; got "${text}"`,
    );
  return [lat, lon];
}

/** What --site, --near and --set ask of a scenario. */
export interface ScenarioChanges {
  site?: string;
  near?: [number, number];
  set?: Override[];
}

/**
 * The overrides of a scenario, in order: the tide (--site, or the station nearest to --near,
 * named through `note`), then every --set.
 */
export function scenarioOverrides(o: ScenarioChanges, note: (line: string) => void): Override[] {
  if (o.site !== undefined && o.near !== undefined) throw new InputError('give --site or --near, not both');
  const out: Override[] = [];
  if (o.site !== undefined) out.push(siteOverride(o.site));
  if (o.near !== undefined) {
    const [lat, lon] = o.near;
    const [first] = nearStations(lat, lon, 1);
    if (!first) throw new InputError(`--near ${lat},${lon}: no tide station with its own constants found`);
    note(`Nearest station to ${lat},${lon}: ${stationLabel(first.station)}, ${fmt(first.distanceKm ?? 0, 1)} km away`);
    out.push(siteOverride(first.station.id, `--near ${lat},${lon}`));
  }
  return [...out, ...(o.set ?? [])];
}

/** Longest change label kept in a folder name; past it, the label is cut. */
const CHANGES_IN_NAME = 80;

/** One change as a folder name's part: `path=value` (`site=<site>` for the tide), the value as JSON unless text. */
function changeLabel(o: FieldChange): string {
  const v = o.value as { site?: unknown } | null;
  if (o.path === 'tide' && typeof v?.site === 'string') return `site=${v.site}`;
  return `${o.path}=${typeof o.value === 'string' ? o.value : JSON.stringify(o.value)}`;
}

/**
 * The default result folder of a scenario: out/<name><suffix>, and for a scenario changed on the
 * command line (--site, --near, --set) a folder of its own named after the changes, e.g.
 * out/mersey-barrage+scheme.sluices.area_m2=3000, so that a changed run never writes over the
 * scenario's own. Where the name cannot hold the changes as given (characters a file system may
 * refuse or alter, a trailing dot, more than CHANGES_IN_NAME characters), a digest of the changes
 * is added, so that two different changes never share a folder.
 */
export function defaultResultDir(name: string, overrides: readonly FieldChange[], suffix = ''): string {
  if (overrides.length === 0) return join('out', `${name}${suffix}`);
  const exact = overrides.map(changeLabel);
  const safe = exact.map((t) => t.replace(/[^A-Za-z0-9._=,-]+/g, '_'));
  let label = safe.join('+');
  if (safe.some((t, k) => t !== exact[k]) || label.length > CHANGES_IN_NAME || label.endsWith('.')) {
    const digest = jsonSha256(exact).slice(0, 8);
    label = `${label.slice(0, CHANGES_IN_NAME)}-${digest}`;
  }
  return join('out', `${name}${suffix}+${label}`);
}
