// Site files: the shipped Liverpool file against its source, round trips, and clear errors.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinSiteNames, harmonicModel, loadSite, parseSite, siteToJson } from '../../src/tide/index.js';
import { scratch } from '../fixtures.js';

const dir = scratch()();
const liverpoolText = readFileSync(new URL('../../data/sites/liverpool.json', import.meta.url), 'utf8');
const liverpoolJson = () => JSON.parse(liverpoolText) as Record<string, unknown> & { constituents: Record<string, unknown>[] };

describe('the built-in Liverpool site', () => {
  const site = loadSite('liverpool');
  it('is listed and carries the 50 TICON-4 constituents, datums in ODN, source and licence', () => {
    expect(builtinSiteNames()).toContain('liverpool');
    expect(site.constituents).toHaveLength(50);
    expect(site.datum).toBe('ODN');
    // Chart datum = ODN - 4.93 m; MSL 5.376 m above chart datum = 0.446 m ODN = z0.
    expect(site.datums.CD).toBe(-4.93);
    expect(site.datums.MSL).toBeCloseTo(5.376 - 4.93, 9);
    expect(site.z0).toBeCloseTo(0.446, 9);
    expect(site.datums.HAT).toBeCloseTo(10.492 - 4.93, 9);
    expect(site.datums.LAT).toBeCloseTo(0.079 - 4.93, 9);
    expect(site.source).toMatch(/TICON-4.*doi:10\.17882\/109129.*@neaps\/tide-database/);
    expect(site.licence).toMatch(/CC BY 4\.0/);
    expect(site.position?.latitude).toBeCloseTo(53.449694, 6);
  });

  // The shared data folder sits beside the checkout, not in the package: skipped where absent.
  const shared = join(import.meta.dirname, '..', '..', 'shared', 'data', 'liverpool-gladstone-dock-ticon4.json');
  it.skipIf(!existsSync(shared))('has the constants of the shared TICON file, unchanged', () => {
    const source: { constituents: { name: string; amplitude: number; phase: number }[] } = JSON.parse(
      readFileSync(shared, 'utf8'),
    );
    expect(site.constituents).toEqual(source.constituents.map((c) => ({ name: c.name, amplitude: c.amplitude, phase: c.phase })));
  });

  it('round-trips through siteToJson, and the text is the shipped file', () => {
    const text = siteToJson(site);
    expect(parseSite(JSON.parse(text), 'again.json')).toEqual({ ...site, file: 'again.json' });
    expect(text).toBe(liverpoolText);
  });

  it('loads by path as well as by name', () => {
    const file = join(dir, 'copy.json');
    writeFileSync(file, liverpoolText);
    expect(loadSite(file).constituents).toEqual(site.constituents);
  });
});

describe('bad site files name the file and the field', () => {
  function broken(edit: (j: ReturnType<typeof liverpoolJson>) => void): string {
    const j = liverpoolJson();
    edit(j);
    const file = join(dir, `broken-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(j));
    return file;
  }

  it('phase out of range', () => {
    const f = broken((j) => (j.constituents[3].phase = 400));
    expect(() => loadSite(f)).toThrow(
      new RegExp(
        `${f.replace(/[.]/g, '\\.')}: constituents\\[3\\]\\.phase: 400 is out of range: Greenwich phase lags are degrees in \\[0, 360\\)`,
      ),
    );
    expect(() => loadSite(broken((j) => (j.constituents[0].phase = -1)))).toThrow(/constituents\[0\]\.phase: -1 is out of range/);
    expect(() => loadSite(broken((j) => (j.constituents[0].phase = 360)))).toThrow(
      /constituents\[0\]\.phase: 360 is out of range/,
    );
  });

  it('unknown constituent name, when the model is built', () => {
    const site = loadSite(broken((j) => (j.constituents[7].name = 'ZZ9')));
    expect(() => harmonicModel(site)).toThrow(/constituents\[7\]\.name: unknown tidal constituent "ZZ9"/);
    const lower = loadSite(broken((j) => (j.constituents[0].name = 'm2')));
    expect(() => harmonicModel(lower)).toThrow(/unknown tidal constituent "m2"; did you mean "M2"\?/);
  });

  it('negative or missing amplitude, wrong units, missing datum table, not JSON', () => {
    expect(() => loadSite(broken((j) => (j.constituents[2].amplitude = -0.1)))).toThrow(
      /constituents\[2\]\.amplitude: -0\.1 is negative/,
    );
    expect(() => loadSite(broken((j) => delete j.constituents[2].amplitude))).toThrow(
      /constituents\[2\]\.amplitude: expected a finite number \(m\), got nothing \(the field is missing\)/,
    );
    expect(() => loadSite(broken((j) => (j.heightUnit = 'ft')))).toThrow(
      /heightUnit: heights .* must be in metres: expected "m", got "ft"/,
    );
    expect(() => loadSite(broken((j) => (j.phaseUnit = 'rad')))).toThrow(/phaseUnit: phases must be in degrees/);
    expect(() => loadSite(broken((j) => delete j.datums))).toThrow(/datums: expected an object/);
    expect(() => loadSite(broken((j) => ((j.datums as Record<string, number>).ODN = 1)))).toThrow(
      /datums\.ODN: the site datum must be at height 0/,
    );
    expect(() => loadSite(broken((j) => delete j.licence))).toThrow(/licence: expected a non-empty string/);
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ "name": ');
    expect(() => loadSite(notJson)).toThrow(/not\.json: not valid JSON/);
    expect(() => loadSite(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read the site file \(ENOENT\)/);
  });
});
