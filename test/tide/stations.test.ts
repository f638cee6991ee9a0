/**
 * Stations of @neaps/tide-database as sites: lookup by id and name, refusals, and the check of a
 * database station against the built-in TICON site of the same gauge (data/sites/liverpool.json
 * and mumbles.json were converted from that database, rounded to 1e-5 m and 1e-3 deg).
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { isSitePath, loadSite, siteFile } from '../../src/tide/site.js';
import { findStation, nearStations, stationDatabaseFile, stationSite } from '../../src/tide/stations.js';
import { predictSeaLevel } from '../../src/tide/synthesis.js';
import { thrown } from '../fixtures.js';

const YEAR_START = Date.UTC(2018, 0, 1) / 1000;
/** The database loads in about a second of CPU; a busy machine may take several. */
const SLOW = { timeout: 60_000 };

describe.each([
  ['liverpool', 'ticon/liverpool_gladstone_dock-liv-gbr-bodc'],
  ['mumbles', 'ticon/mumbles-mum-gbr-bodc'],
])('the database station of built-in site %s', (builtin, id) => {
  const site = loadSite(builtin);
  const station = loadSite(id);

  it('is the same gauge', () => {
    expect(site.id).toBe(id);
    expect(station.id).toBe(id);
    expect(station.datum).toBe('MSL');
    expect(Math.abs(station.position!.latitude - site.position!.latitude)).toBeLessThan(1e-4);
  });

  it('has the same constants within the built-in file rounding (1e-5 m, 1e-3 deg)', () => {
    expect(station.constituents.map((c) => c.name)).toEqual(site.constituents.map((c) => c.name));
    station.constituents.forEach((c, i) => {
      expect(Math.abs(c.amplitude - site.constituents[i].amplitude)).toBeLessThanOrEqual(6e-6);
      const dg = Math.abs(((c.phase - site.constituents[i].phase + 540) % 360) - 180);
      expect(dg).toBeLessThanOrEqual(6e-4);
    });
  });

  it('has the same datums above mean sea level within 1.5 mm', () => {
    const msl = site.datums.MSL;
    for (const [name, h] of Object.entries(station.datums)) {
      if (site.datums[name] === undefined) continue;
      expect(Math.abs(h - (site.datums[name] - msl)), name).toBeLessThanOrEqual(1.5e-3);
    }
    expect(Object.keys(station.datums)).toEqual(expect.arrayContaining(['HAT', 'MHWS', 'MLWS', 'LAT']));
  });

  it('predicts the same sea level within 1 cm over a year (both in m MSL)', () => {
    const n = (365 * 86400) / 600 + 1;
    const a = predictSeaLevel(site, YEAR_START, 600, n, { datum: 'MSL' }).level;
    const b = predictSeaLevel(station, YEAR_START, 600, n, { datum: 'MSL' }).level;
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    expect(worst).toBeLessThan(0.01);
    // the levels are a real tide, not two zeros: Liverpool and Mumbles have ranges over 8 m
    expect(Math.max(...a) - Math.min(...a)).toBeGreaterThan(8);
  });
});

describe('station references', () => {
  it('finds a station by name in any case, and by id', SLOW, () => {
    expect(findStation('mumbles')?.id).toBe('ticon/mumbles-mum-gbr-bodc');
    expect(findStation('ticon/mumbles-mum-gbr-bodc')?.name).toBe('Mumbles');
    expect(findStation('no such station anywhere')).toBeUndefined();
  });

  it('refuses a name the database gives to another gauge (the id says which gauge it is)', SLOW, () => {
    // In this database version the Severn Bridge constants carry the name "Port Isaac" and the
    // Scarborough constants the name "Severn Bridge": a name lookup would pick the wrong estuary.
    const e = thrown(() => findStation('Severn Bridge'), InputError);
    expect(e.message).toContain('ticon/scarborough-sca-gbr-cco');
    expect(e.message).toContain('give the id of the gauge you mean');
    expect(findStation('ticon/severn_bridge-ssc-gbr-cco')?.id).toBe('ticon/severn_bridge-ssc-gbr-cco'); // the id still works
    expect(findStation('Ilfracombe')?.id).toBe('ticon/ilfracombe-ilf-gbr-bodc'); // a consistent name is found as before
  });

  it('prefers a built-in site to a station of the same name, in any case', () => {
    // "Liverpool" is also a station in Nova Scotia; the built-in Mersey gauge comes first
    expect(loadSite('Liverpool').id).toBe('ticon/liverpool_gladstone_dock-liv-gbr-bodc');
  });

  it('reads a station id as an id, not a path; a .json reference as a path', () => {
    expect(isSitePath('ticon/mumbles-mum-gbr-bodc')).toBe(false);
    expect(isSitePath('sites/mine.json')).toBe(true);
    expect(isSitePath('../sites/x')).toBe(true);
    expect(siteFile('ticon/mumbles-mum-gbr-bodc')).toBe(stationDatabaseFile());
  });

  it('lists the stations sharing a name, with their ids', SLOW, () => {
    const e = thrown(() => loadSite('Newport'), InputError);
    expect(e.message).toMatch(/stations are named "Newport": .*\(noaa\/\d+\).*\(ticon\/newport-/);
  });

  it('suggests stations for an unknown name', SLOW, () => {
    const e = thrown(() => loadSite('Mumbls'), InputError);
    expect(e.message).toMatch(/unknown site "Mumbls": .*"Mumbles" \(ticon\/mumbles-mum-gbr-bodc\)/);
  });

  it('refuses a subordinate station, naming its reference', SLOW, () => {
    const sub = findStation('Liverpool Point');
    expect(sub?.type).toBe('subordinate');
    const e = thrown(() => stationSite(sub!), InputError);
    expect(e.message).toMatch(/is subordinate: .*use the reference station "/);
  });

  it('finds the Mersey gauge nearest to the river mouth, with its distance', SLOW, () => {
    const [first] = nearStations(53.45, -3.02, 3);
    expect(first.station.id).toBe('ticon/liverpool_gladstone_dock-liv-gbr-bodc');
    expect(first.distanceKm).toBeLessThan(1);
  });

  it('carries the source, its licence and attribution', () => {
    const s = loadSite('ticon/mumbles-mum-gbr-bodc');
    expect(s.source).toMatch(/TICON-4 station mumbles-mum-gbr-bodc .*@neaps\/tide-database 0\.10\.20260924/);
    expect(s.licence).toMatch(/^cc-by-4\.0: .*Hart-Davis/);
  });
});
