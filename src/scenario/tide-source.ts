/**
 * The scenario's sea level: a harmonic prediction at a site or an observed series, on the solver
 * grid over the scenario's period, with the optional sea-level offset applied.
 */
import { totalmem } from 'node:os';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { signed } from '../numbers.js';
import { loadSite, predictSeaLevel, readSeriesCsv, resampleSeries, siteFile } from '../tide/index.js';
import type { SeaLevel } from '../tide/sea-level.js';
import { durationText } from '../time.js';
import { checkSeries } from './data-checks.js';
import { periodBounds } from './period.js';
import type { Scenario, TideSpec } from './types.js';
import { asInput } from './validate.js';

/** Number of grid samples from t0 to t1 at step dt (t1 included when it falls on the grid). */
function samples(t0: number, t1: number, dt: number): number {
  return Math.floor((t1 - t0) / dt + 1e-9) + 1;
}

/**
 * Memory a run takes per time step (bytes): the sea level and the per-step series (six arrays of
 * doubles and the modes) and what the summary and report build from them. Set above the peak of a
 * run at 1 s steps with series.csv and report.html: docs/errors.md ("run size") names the run, and
 * `npm run docs:check` measures it again (scripts/docs/sizes.js).
 */
export const RUN_BYTES_PER_STEP = 128;
/** Share of the machine's memory one run may plan to take. */
const MEMORY_SHARE = 0.5;

/** The number of time steps of a run of `s` when its period is given (undefined: the series sets it). */
export function runSamples(s: Scenario): number | undefined {
  if (s.period.year === undefined && (s.period.start === undefined || s.period.end === undefined)) return undefined;
  const [t0, t1] = periodBounds(s);
  return samples(t0, t1, s.time_step_s);
}

/** Refuses a run whose steps would not fit in memory, with the size it would need and what to change. */
function checkRunSize(s: Scenario, t0: number, t1: number, n: number): void {
  const need = n * RUN_BYTES_PER_STEP;
  const budget = totalmem() * MEMORY_SHARE;
  if (need <= budget) return;
  const gb = (b: number) => `${(b / 1e9).toFixed(1)} GB`;
  throw new InputError(
    `${s.file}: time_step_s: ${s.time_step_s} s over ${durationText(t1 - t0)} is ${n.toLocaleString('en-GB')} steps, about ${gb(need)} of memory ` +
      `(${RUN_BYTES_PER_STEP} bytes a step), more than half of this machine's ${gb(totalmem())}; give a larger time_step_s (300 s is accurate for annual energy) or a shorter period`,
  );
}

/** The sea level on the solver grid; what was done to the data on the way (gaps filled) goes to `notes`. */
export function buildSea(s: Scenario, notes: string[] = []): SeaLevel {
  const dt = s.time_step_s;
  if (s.tide.kind === 'harmonic') {
    const [t0, t1] = periodBounds(s);
    checkRunSize(s, t0, t1, samples(t0, t1, dt));
    return harmonicSea(s, s.tide.site, t0, dt, samples(t0, t1, dt));
  }
  const series = asInput(() => checkSeries(readSeriesCsv((s.tide as { file: string }).file), s, notes));
  const [t0, t1] = periodBounds(s, [series.time[0], series.time[series.time.length - 1]]);
  checkRunSize(s, t0, t1, samples(t0, t1, dt));
  return withOffset(
    s,
    asInput(() => resampleSeries(series, t0, dt, samples(t0, t1, dt))),
  );
}

/** The harmonic prediction at `site` on the grid t0 + k*dt, k < n, in the scenario's datum and with its sea-level offset. */
export function harmonicSea(s: Scenario, site: string, t0: number, dt: number, n: number): SeaLevel {
  const constants = asInput(() => loadSite(site));
  return withOffset(
    s,
    asInput(() => predictSeaLevel(constants, t0, dt, n, { datum: s.tide.datum })),
  );
}

/** Adds the scenario's sea-level offset to every level (in place). */
export function withOffset(s: Scenario, sea: SeaLevel): SeaLevel {
  const offset = s.tide.sea_level_offset_m;
  if (offset !== 0) for (let i = 0; i < sea.level.length; i++) sea.level[i] += offset;
  return sea;
}

/**
 * Where the sea level comes from, in one line for summaries; `brief` names the site or file
 * without its folder, for tables: "harmonic liverpool (m ODN, sea level +0.3 m)".
 */
export function describeTide(t: TideSpec, brief = false): string {
  const offset = t.sea_level_offset_m !== 0 ? `, ${brief ? 'sea level' : 'offset'} ${signed(t.sea_level_offset_m)} m` : '';
  const source =
    t.kind === 'harmonic'
      ? brief
        ? `harmonic ${basename(t.site, '.json')}`
        : `harmonic prediction at site ${t.site}`
      : brief
        ? `observed ${basename(t.file)}`
        : `observed series ${t.file}`;
  return `${source} (m ${t.datum}${offset})`;
}

/** The harmonic constants a run used: the site, the datums in the run's datum, the source and licence. */
export interface TideConstants {
  site: string;
  /** Station id at the source, when known. */
  id?: string;
  /** Datum of the run's levels. */
  datum: string;
  /** Height of each of the site's datums (m above `datum`). */
  datums: Record<string, number>;
  source: string;
  licence: string;
}

/** The constants of a harmonic tide (undefined for an observed series, whose datum is in describeTide). */
export function tideConstants(t: TideSpec): TideConstants | undefined {
  if (t.kind !== 'harmonic') return undefined;
  const site = asInput(() => loadSite(t.site));
  const zero = site.datums[t.datum] ?? 0;
  const datums: Record<string, number> = {};
  for (const [k, h] of Object.entries(site.datums)) datums[k] = Math.round((h - zero) * 1000) / 1000;
  return {
    site: site.name,
    ...(site.id !== undefined ? { id: site.id } : {}),
    datum: t.datum,
    datums,
    source: site.source,
    licence: site.licence,
  };
}

/** The data files a tide source reads. */
export function tideDataFiles(t: TideSpec): string[] {
  return [t.kind === 'harmonic' ? siteFile(t.site) : t.file];
}
