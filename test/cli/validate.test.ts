/**
 * `mersey-tidal validate`: the table on stdout, the files with --out, exit code 1 while a scheme
 * is outside its tolerance (La Rance, the documented miss: README "Validation"), and the worker
 * pool giving the same figures as one thread.
 */

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/parallel/pool.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runJobs } from '../../src/validation/run.js';
import { runJob, scenarioJob } from '../../src/validation/scenario-run.js';
import { runCli as run, scratch } from '../fixtures.js';

const tmp = scratch()();

describe('mersey-tidal validate', () => {
  it('--quick prints the table, writes JSON, CSV and the page, and exits 1 naming the scheme outside its tolerance', async () => {
    const dir = join(tmp, 'quick');
    const { code, out, err } = await run(['validate', '--quick', '--workers', '1', '--out', dir]);
    expect(code).toBe(1);
    expect(out).toMatch(/La Rance \(France, 1966\).*pass/);
    expect(out).toMatch(/Sihwa Lake \(Korea, 2011\).*FAIL \(outside \+-15 %\)/);
    expect(out).toMatch(
      /Pumping check\n\nmersey-700mw: net gain from pumping [\d.]+ % of the net without it \(same heads\); accepted 0-12 % .*: pass/,
    );
    expect(out).not.toMatch(/nodal cycle/i);
    expect(err).toMatch(
      /validation: 2 of 5 schemes outside their tolerance: sihwa \(modelled [\d.]+ GWh\/yr, 0\.\d\d x the published 552 GWh\/yr/,
    );
    expect(readdirSync(dir).sort()).toEqual(['validation.csv', 'validation.html', 'validation.json']);
    // The page is written with --quick too: the modelled-against-published chart and a row per scheme.
    const page = readFileSync(join(dir, 'validation.html'), 'utf8');
    expect(page).toContain('<div class="plot" id="validation"></div>');
    expect(page).toContain('3 of 5 schemes within their tolerance; sensitivity not run (--quick)'); // as the JSON below
    expect(page).toContain('<td>FAIL (outside +-15 %)</td>');
    const doc = JSON.parse(readFileSync(join(dir, 'validation.json'), 'utf8'));
    expect(doc.schemes.map((s: { id: string; pass: boolean }) => [s.id, s.pass])).toEqual([
      ['la-rance', true],
      ['sihwa', false],
      ['swansea-bay', false],
      ['mersey-libaux-ebb', true],
      ['mersey-700mw', true],
    ]);
    expect(doc.pumping_check.pass).toBe(true);
    expect(doc.sensitivity).toBeNull();
  }, 60_000);

  it('--markdown prints markdown tables', async () => {
    const { out } = await run(['validate', '--quick', '--markdown', '--workers', '1']);
    expect(out).toMatch(/^\*\*Validation: modelled against published annual energy/);
    expect(out).toMatch(/\n\| scheme \| status \| installed MW \(model \/ published\) \|/);
  }, 60_000);

  it('refuses an --out that is not a previous result before running anything, and bad --workers', async () => {
    const dir = join(tmp, 'not-a-result');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const a = await run(['validate', '--quick', '--out', dir]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/does not look like a previous result/);
    expect(a.out).toBe('');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
    const b = await run(['validate', '--workers', '0']);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/expected a whole number of worker threads >= 1/);
  });
});

describe('validation runs on the worker pool', () => {
  // The workers run the compiled library (dist/): `npm test` builds it first.
  it('give the same figures as in this thread, in the order of the jobs', async () => {
    const jobs = ['models/validation/sihwa.json', 'models/validation/swansea-bay.json', 'models/validation/sihwa.json'].map(
      (f, i) =>
        scenarioJob(loadScenario(join(PACKAGE_ROOT, f)), `job ${i}`, {
          period: { start: '2020-03-01T00:00:00Z', end: '2020-03-16T00:00:00Z' },
        }),
    );
    const here = await runJobs(jobs);
    const pool = new WorkerPool(2);
    try {
      expect(await runJobs(jobs, { pool })).toEqual(here);
    } finally {
      await pool.close();
    }
    expect(here[0]).toEqual(here[2]);
    expect(here[0]).not.toEqual(here[1]);
  }, 60_000);

  it('name the job whose scenario is bad', async () => {
    const job = scenarioJob(loadScenario(join(PACKAGE_ROOT, 'models/validation/sihwa.json')), 'broken', {
      tide: { kind: 'harmonic', site: 'atlantis', datum: 'MSL' },
    });
    const pool = new WorkerPool(2);
    try {
      await expect(runJobs([job, job], { pool })).rejects.toThrow(/^broken: .*unknown site "atlantis"/);
    } finally {
      await pool.close();
    }
    await expect(runJobs([job])).rejects.toThrow(/^broken: .*unknown site "atlantis"/);
  }, 60_000);

  it('run a scenario file saved with a byte-order mark, as the loader reads it', () => {
    const dir = join(tmp, 'bom');
    mkdirSync(dir);
    const file = join(dir, 'sihwa.json');
    const text = readFileSync(join(PACKAGE_ROOT, 'models/validation/sihwa.json'), 'utf8').replace(
      /"\.\.\/\.\.\/data\//g,
      `"${join(PACKAGE_ROOT, 'data')}/`,
    );
    writeFileSync(file, `\ufeff${text}`);
    const figures = runJob(
      scenarioJob(loadScenario(file), 'bom', { period: { start: '2020-03-01T00:00:00Z', end: '2020-03-03T00:00:00Z' } }),
    );
    expect(figures.annual_energy_gwh).toBeGreaterThan(0);
  });
});
