/**
 * The inputs of the validation schemes against the published figures they were built from
 * (../shared/data/SOURCES.md and the scenario files' sources): tides, basin curves, turbines.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { buildScheme } from '../../src/scenario/build.js';
import { loadScenario, scenarioFromObject } from '../../src/scenario/load.js';
import { areaAt, volumeAt } from '../../src/scheme/basin.js';
import { simulate } from '../../src/simulate.js';
import { harmonicModel, highLowWaters, loadSite, type Site } from '../../src/tide/index.js';
import { scratch } from '../fixtures.js';

const amplitude = (s: Site, name: string) => s.constituents.find((c) => c.name === name)?.amplitude ?? NaN;

/** Ranges (m) between successive high and low waters over whole calendar years. */
function ranges(site: Site, datum: string, year: number, years = 1): number[] {
  const ex = highLowWaters(harmonicModel(site, datum), Date.UTC(year, 0, 1) / 1000, Date.UTC(year + years, 0, 1) / 1000);
  const out: number[] = [];
  for (let i = 1; i < ex.length; i++) if (ex[i].kind !== ex[i - 1].kind) out.push(Math.abs(ex[i].level - ex[i - 1].level));
  return out;
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const tmp = scratch()();

describe('tide sites', () => {
  it('Saint-Malo and Mumbles are the TICON-4 stations, with their CC BY 4.0 attribution, z0 at mean sea level', () => {
    for (const [name, id] of [
      ['saint-malo', 'ticon/saint_malo-410-fra-refmar'],
      ['mumbles', 'ticon/mumbles-mum-gbr-bodc'],
    ]) {
      const s = loadSite(name);
      expect(s.id).toBe(id);
      expect(s.constituents).toHaveLength(50);
      expect(s.licence).toMatch(/CC BY 4\.0/);
      expect(s.licence).toMatch(/doi\.org\/10\.17882\/109129/);
      expect(s.z0).toBe(s.datums.MSL);
      expect(s.datum).toBe('CD');
      expect(harmonicModel(s, 'CD')).toBeDefined(); // every constituent name is known
    }
  });

  // La Rance: "the tidal range averages 8 metres" (reuk.co.uk; SOURCES.md: mean range about 8 m).
  it('the Saint-Malo tide of 2009-2010 has a mean range within 5 % of the published 8 m', () => {
    const r = mean(ranges(loadSite('saint-malo'), 'CD', 2009, 2));
    expect(Math.abs(r / 8 - 1)).toBeLessThan(0.05);
  });

  // Swansea Bay: spring range about 8.5 m (SOURCES.md; Tidal Lagoon Power). Mean spring range = 2 (M2 + S2).
  it('the Mumbles tide has a mean spring range 2 (M2 + S2) within 2 % of the published 8.5 m', () => {
    const s = loadSite('mumbles');
    expect(Math.abs((2 * (amplitude(s, 'M2') + amplitude(s, 'S2'))) / 8.5 - 1)).toBeLessThan(0.02);
  });

  // Sihwa: mean range 5.6 m, spring range 7.8 m (tethys.pnnl.gov; SOURCES.md).
  it('the approximate Sihwa tide is M2 = mean range / 2, S2 = spring range / 2 - M2, and its largest range is the spring range', () => {
    const s = loadSite('sihwa-approx');
    expect(s.constituents.map((c) => c.name)).toEqual(['M2', 'S2']);
    expect(2 * amplitude(s, 'M2')).toBeCloseTo(5.6, 9);
    expect(2 * (amplitude(s, 'M2') + amplitude(s, 'S2'))).toBeCloseTo(7.8, 9);
    expect(s.name).toMatch(/APPROXIMATE/);
    const r = ranges(s, 'MSL', 2020);
    expect(Math.abs(Math.max(...r) / 7.8 - 1)).toBeLessThan(0.01); // 2020: f(M2) = 1.000 on average
    // The mean of the actual ranges exceeds 2 M2: |M2 + S2 e^(i theta)| averages about M2 (1 + S2^2 / 4 M2^2).
    expect(mean(r)).toBeGreaterThan(5.6);
    expect(mean(r)).toBeLessThan(5.6 * (1 + 1.1 ** 2 / (4 * 2.8 ** 2)) * 1.01);
  });

  it("the approximate Sihwa tide's arbitrary phases move the annual energy by under 1 %", () => {
    const site = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'data/sites/sihwa-approx.json'), 'utf8'));
    const file = join(PACKAGE_ROOT, 'models/validation/sihwa.json');
    const obj = JSON.parse(readFileSync(file, 'utf8'));
    const energy = (pM2: number, pS2: number) => {
      const path = join(tmp, `sihwa-${pM2}-${pS2}.json`);
      writeFileSync(
        path,
        JSON.stringify({
          ...site,
          constituents: [
            { name: 'M2', amplitude: 2.8, phase: pM2 },
            { name: 'S2', amplitude: 1.1, phase: pS2 },
          ],
        }),
      );
      return simulate(scenarioFromObject({ ...obj, tide: { ...obj.tide, site: path } }, file, dirname(file))).summary
        .annual_energy_gwh;
    };
    const base = energy(0, 0);
    expect(base).toBeCloseTo(simulate(loadScenario(file)).summary.annual_energy_gwh, 9);
    for (const [a, b] of [
      [45, 90],
      [130, 200],
      [300, 10],
    ])
      expect(Math.abs(energy(a, b) / base - 1)).toBeLessThan(0.01);
  });
});

describe('basins', () => {
  // La Rance: 22 km2, 184 million m3 between the lowest and highest seas (EDF; revue EIN).
  it('the La Rance area curve covers 22 km2 at HAT and holds 184 million m3 between LAT and HAT', () => {
    const s = loadScenario(join(PACKAGE_ROOT, 'models/validation/la-rance.json'));
    const basin = buildScheme(s).basin;
    const site = loadSite('saint-malo');
    expect(areaAt(basin, site.datums.HAT)).toBeCloseTo(22e6, 0);
    expect((volumeAt(basin, site.datums.HAT) - volumeAt(basin, site.datums.LAT)) / 184e6).toBeCloseTo(1, 6);
  });

  // Sihwa: working basin about 43 km2; Swansea Bay: 11.5 km2 (SOURCES.md).
  it('Sihwa and Swansea Bay keep their published areas at every level', () => {
    const sihwa = buildScheme(loadScenario(join(PACKAGE_ROOT, 'models/validation/sihwa.json'))).basin;
    for (const z of [-4, 0, 4]) expect(areaAt(sihwa, z)).toBe(43e6);
    const swansea = buildScheme(loadScenario(join(PACKAGE_ROOT, 'models/validation/swansea-bay.json'))).basin;
    for (const z of [0, 5, 10]) expect(areaAt(swansea, z)).toBe(11.5e6);
  });
});

describe('turbines', () => {
  // Sihwa: runner 7.5 m, 25.4 MW, 64.3 rpm, rated head 5.82 m, rated flow 482.1 m3/s (tethys.pnnl.gov).
  it('the Sihwa unit (Aggidis-Feather, 112 poles at 60 Hz = 64.29 rpm) gives its 25.4 MW (shaft) at the rated 5.82 m, for 4 % more flow than published', () => {
    const t = buildScheme(loadScenario(join(PACKAGE_ROOT, 'models/validation/sihwa.json'))).turbine;
    const k = Math.round(5.82 / t.dh);
    // The units generate on the flood (sea to lake), their design direction: flood factor 1.
    expect(t.flood.power[k]).toBeCloseTo(25.4e6, -3);
    // Shaft efficiency 0.866 at 5.82 m: 25.4e6 / (1025 x 9.81 x 5.82 x 0.866) = 501 m3/s.
    expect(t.flood.flow[k] / 482.1).toBeGreaterThan(1.03);
    expect(t.flood.flow[k] / 482.1).toBeLessThan(1.05);
  });

  // La Rance: 24 x 10 MW, runner 5.35 m at 94 rpm; pumping 170-225 m3/s per unit at lifts of 1-3 m (EDF; revue EIN).
  it('a La Rance unit is rated 10 MW and pumps the published 170 m3/s at a 3 m lift, at most 225 m3/s', () => {
    const t = buildScheme(loadScenario(join(PACKAGE_ROOT, 'models/validation/la-rance.json'))).turbine;
    expect(t.ratedPower).toBe(10e6);
    const pump = t.pump!;
    expect(pump.flow[Math.round(3 / t.dh)]).toBeCloseTo(170, 0);
    expect(Math.max(...pump.flow)).toBeCloseTo(225, 9);
  });
});
