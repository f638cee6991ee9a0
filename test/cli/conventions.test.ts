/**
 * One convention for every command: --json (one JSON document on stdout, nothing else there),
 * --quiet, status on stderr; --set with the file's checks; stations by name; init; the sweep-file
 * and short-period messages.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultResultDir } from '../../src/cli/options.js';
import { parseSet, siteOverride } from '../../src/scenario/overrides.js';
import { runCli, scratch } from '../fixtures.js';

const tmp = scratch();
const MUMBLES = 'ticon/mumbles-mum-gbr-bodc';
const FORTNIGHT = ['--set', 'period.end=2018-01-16T00:00:00Z', '--set', 'time_step_s=600'];
/** Tests that run the CLI or load the station database (about a second of CPU; more on a busy machine). */
const SLOW = { timeout: 60_000 };

describe('every command', () => {
  const commands = [
    ['simulate'],
    ['optimise'],
    ['sweep'],
    ['merge'],
    ['validate'],
    ['report'],
    ['tide', 'predict'],
    ['tide', 'fit'],
    ['sites'],
    ['init'],
    ['bench'],
  ];
  it.each(commands.map((c) => [c.join(' '), c]))('%s documents --json and --quiet', async (_, cmd) => {
    const { code, out } = await runCli([...cmd, '--help']);
    expect(code).toBe(0);
    expect(out).toContain('--json');
    expect(out).toContain('--quiet');
  });

  it.each([['simulate'], ['optimise'], ['sweep'], ['validate']])('%s takes --set', async (cmd) => {
    expect((await runCli([cmd, '--help'])).out).toContain('--set <path=value>');
  });
});

describe('--json', () => {
  it('simulate: the summary alone on stdout, with the constants and the written files on stderr', SLOW, async () => {
    const dir = join(tmp(), 'r');
    const { code, out, err } = await runCli(['simulate', ...FORTNIGHT, '--out', dir, '--json']);
    expect(code).toBe(0);
    const s = JSON.parse(out);
    expect(s.period_end).toBe('2018-01-16T00:00:00Z');
    expect(s.tide_constants.id).toBe('ticon/liverpool_gladstone_dock-liv-gbr-bodc');
    expect(s.tide_constants.datums.MSL).toBeCloseTo(0.446, 3); // MSL in m ODN
    expect(s.tide_constants.licence).toMatch(/CC BY 4\.0/);
    expect(err).toContain(join(dir, 'summary.json'));
  });

  it('sites: stations by name and near a point, with distance, source and licence', SLOW, async () => {
    let r = await runCli(['sites', 'Mumbles', '--json']);
    expect(r.code).toBe(0);
    const byName = JSON.parse(r.out);
    expect(byName.sites.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['mumbles', MUMBLES]));
    r = await runCli(['sites', '--near', '51.57,-3.97', '--limit', '3', '--json', '--quiet']);
    expect(r.err).toBe('');
    const near = JSON.parse(r.out).sites;
    expect(near).toHaveLength(3);
    expect(near[0]).toMatchObject({ id: MUMBLES, kind: 'reference', source: 'TICON-4', licence: 'cc-by-4.0' });
    expect(near[0].distance_km).toBeLessThan(1);
    expect(near[1].distance_km).toBeGreaterThanOrEqual(near[0].distance_km);
  });

  it('tide predict: a station by name, levels in m MSL with its datums and source', SLOW, async () => {
    const { code, out } = await runCli([
      'tide',
      'predict',
      '--site',
      MUMBLES,
      '--from',
      '2018-01-01T00:00Z',
      '--to',
      '2018-01-02T00:00Z',
      '--step',
      '3600',
      '--json',
    ]);
    expect(code).toBe(0);
    const p = JSON.parse(out);
    expect(p.site.id).toBe(MUMBLES);
    expect(p.datum).toBe('MSL');
    expect(p.datums.MSL).toBe(0);
    expect(p.levels_m).toHaveLength(25);
    expect(p.high_low_waters.length).toBeGreaterThanOrEqual(3);
    expect(p.site.source).toMatch(/TICON-4/);
  });
});

describe('--set', () => {
  it('refuses a bad value with the message the file would give, naming the option', SLOW, async () => {
    const { code, err } = await runCli(['simulate', '--set', 'time_step_s=0', '--out', join(tmp(), 'r')]);
    expect(code).toBe(2);
    expect(err).toMatch(/--set time_step_s=0: time_step_s: expected a number > 0 and <= 3600 \(seconds\), got 0/);
  });

  it("names the changes under the scenario, and writes a changed run to its own folder, not the scenario's", SLOW, async () => {
    const cwd = tmp();
    const bin = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
    const run = (cmd: string) =>
      promisify(execFile)('node', [bin, cmd, ...FORTNIGHT, '--set', 'scheme.sluices.area_m2=3000'], { cwd });
    const { stdout } = await run('simulate');
    expect(stdout).toMatch(
      /\nChanged by {6}--set period\.end=2018-01-16T00:00:00Z\n {16}--set time_step_s=600\n {16}--set scheme\.sluices\.area_m2=3000\n/,
    );
    expect((await run('optimise')).stdout).toMatch(/\nChanged by {6}--set period\.end=2018-01-16T00:00:00Z\n/);
    const dirs = readdirSync(join(cwd, 'out')).sort();
    expect(dirs).toHaveLength(2);
    expect(dirs[0]).toMatch(
      /^mersey-barrage\+period\.end=2018-01-16T00_00_00Z\+time_step_s=600\+scheme\.sluices\.area_m2=3000-[0-9a-f]{8}$/,
    );
    expect(dirs[1]).toBe(dirs[0].replace('mersey-barrage+', 'mersey-barrage-flexible+'));
    expect(readdirSync(join(cwd, 'out', dirs[0]))).toContain('summary.json');
  });

  it('names the folder of a changed run after its changes, two different changes never sharing one', () => {
    const dir = (...changes: string[]) => defaultResultDir('m', changes.map(parseSet));
    expect(defaultResultDir('mersey-barrage', [])).toBe(join('out', 'mersey-barrage'));
    expect(
      defaultResultDir('mersey-barrage', [siteOverride('Mumbles'), parseSet('scheme.sluices.area_m2 = 3000')], '-flexible'),
    ).toBe(join('out', 'mersey-barrage-flexible+site=Mumbles+scheme.sluices.area_m2=3000'));
    const distinct = [
      dir('operation.ebb.start_head_m=4.2'),
      dir('operation.flood.start_head_m=4.2'),
      dir('a[0].count=20'),
      dir('a[1].count=20'),
      dir('a=é'),
      dir('a=ü'),
      dir('a=x+b=y'),
      dir('a=x', 'b=y'),
      dir('name=..'),
      dir('name=__'),
    ];
    expect(new Set(distinct).size).toBe(distinct.length);
    // A name the file system may alter (a trailing dot) or characters replaced: a digest is added.
    expect(dir('name=..')).toMatch(/\+name=\.\.-[0-9a-f]{8}$/);
    expect(dir('tide.site="St Mary\'s/Scilly"')).toMatch(/\+tide\.site=St_Mary_s_Scilly-[0-9a-f]{8}$/);
    // Long lists are cut, and told apart by the digest.
    const many = (v: number) => Array.from({ length: 12 }, (_, k) => `operation.ebb.start_head_m=${k === 11 ? v : k}`);
    const [a, b] = [dir(...many(1)), dir(...many(2))];
    expect(a).not.toBe(b);
    expect(a.length).toBe(join('out', 'm+').length + 80 + 9);
  });

  it('refuses a malformed override', async () => {
    const { code, err } = await runCli(['simulate', '--set', 'time step=600']);
    expect(code).toBe(2);
    expect(err).toMatch(/--set time step=600: expected path=value/);
  });
});

describe('messages', () => {
  it('says a sweep file given to simulate is a sweep file', SLOW, async () => {
    const { code, err } = await runCli(['simulate', 'models/mersey-sweep.json']);
    expect(code).toBe(2);
    expect(err).toMatch(/is a sweep file .*run it with `mersey-tidal sweep models\/mersey-sweep\.json`/);
  });

  it('warns, even with --quiet, that a period under a spring-neap cycle is extrapolated to a year', SLOW, async () => {
    const { code, out, err } = await runCli([
      'simulate',
      '--set',
      'period.end=2018-01-08T00:00:00Z',
      '--out',
      join(tmp(), 'r'),
      '--json',
      '--quiet',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out).period_days).toBe(7);
    expect(err).toMatch(/^warning: the period \(7\.00 days\) is shorter than a spring-neap cycle \(14\.77 days\)/);
  });
});

describe('init', () => {
  it('writes a lagoon at a station by name that runs as written', SLOW, async () => {
    const d = tmp();
    const file = join(d, 'Ilfracombe lagoon.json');
    let r = await runCli(['init', '--kind', 'lagoon', '--site', 'Ilfracombe', file, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/scheme\.basin\.area_m2 = 11500000 \(square metres\): Constant plan area/);
    const t = JSON.parse(readFileSync(file, 'utf8'));
    expect(t.tide.site).toBe('ticon/ilfracombe-ilf-gbr-bodc');
    // named after its file (so two templates do not share an output folder), in the characters a name allows
    expect(t.name).toBe('Ilfracombe-lagoon');
    r = await runCli(['simulate', file, ...FORTNIGHT, '--out', join(d, 'r'), '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.tide_source).toContain('ticon/ilfracombe-ilf-gbr-bodc (m MSL)');
    expect(s.energy_gwh).toBeGreaterThan(0);
    // the file is not replaced without --force
    r = await runCli(['init', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the file exists; give another name, or --force/);
  });
});

describe('npx mersey-tidal', () => {
  it("runs the repository's own command after npm install, without npm link", SLOW, async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const { stdout } = await promisify(execFile)('npx', ['--no-install', 'mersey-tidal', '--version'], { cwd: root });
    expect(stdout.trim()).toBe(version);
  });
});
