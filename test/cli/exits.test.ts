/**
 * The exit-code contract on the less travelled command lines (issue 15): every bad input exits 2
 * before any work, with a message naming the option, file or field; a file system that refuses a
 * write exits 1 naming the path, leaving nothing half-written; Ctrl-C ends a long computation at
 * once. The child-process tests run the built CLI (dist/, made by `npm test`).
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/paths.js';
import { LIBAUX, runCli, sweepFiles, tidePredictArgs, tideRows, writeCsv } from '../fixtures.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const ENOSPC = fileURLToPath(new URL('./enospc-fixture.js', import.meta.url));
const DATA = fileURLToPath(new URL('../../data', import.meta.url));
const OBSERVED = join(DATA, 'liverpool-gladstone-dock-2018-observed.csv');
const { tmp, sweepFile } = sweepFiles();

/** The default barrage (harmonic Liverpool tide) over [start, end] at `dt` s, written in `folder`. */
// biome-ignore lint/suspicious/noExplicitAny: a scenario file's parsed JSON, edited freely by each test
function scenarioFile(folder: string, name: string, start: string, end: string, dt = 600, edit: (o: any) => void = () => {}) {
  const o = JSON.parse(readFileSync(DEFAULT_SCENARIO, 'utf8'));
  o.name = name;
  o.period = { start, end };
  o.time_step_s = dt;
  o.$schema = undefined;
  absolutePaths(o);
  edit(o);
  const f = join(folder, `${name}.json`);
  writeFileSync(f, JSON.stringify(o));
  return f;
}

/** Resolves every data-file path of a scenario object (fields named file or ending in _file) from the models folder. */
// biome-ignore lint/suspicious/noExplicitAny: a scenario file's parsed JSON, edited freely by each test
function absolutePaths(o: any): void {
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string' && (k === 'file' || k.endsWith('_file'))) o[k] = resolve(dirname(DEFAULT_SCENARIO), v);
    else if (v && typeof v === 'object') absolutePaths(v);
  }
}

function spawnCli(args: string[], opts: { preload?: string; killAfterMs?: number } = {}) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((done) => {
    const child = spawn(process.execPath, [...(opts.preload ? ['--import', opts.preload] : []), BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    if (opts.killAfterMs !== undefined) setTimeout(() => child.kill('SIGINT'), opts.killAfterMs);
    child.on('exit', (code, signal) => done({ code, signal, out, err }));
  });
}

describe('tide predict and fit keep the exit-code contract', () => {
  it('exit 2, before any output, for every bad input', async () => {
    const d = tmp();
    const gappy = writeCsv(
      join(d, 'gappy.csv'),
      'time_utc,level_m',
      tideRows(Date.UTC(2018, 0, 1) / 1000, 400, 900, 3, 1, 0).filter((_, k) => k < 100 || k > 110),
    );
    const cases: [string[], RegExp][] = [
      [
        ['tide', 'predict', '--site', 'atlantis', '--from', '2018-01-01', '--to', '2018-01-02', '--step', '600'],
        /unknown site "atlantis"/,
      ],
      [tidePredictArgs('--datum', 'XYZ'), /no datum "XYZ"; the site has .*ODN/],
      [
        tidePredictArgs().map((a) => (a === '2018-01-01T00:00Z' ? '2018-02-30T00:00Z' : a)),
        /--from: .*"2018-02-30T00:00Z": no day 30 in February 2018/,
      ],
      [
        tidePredictArgs().map((a) =>
          a === '2018-01-01T00:00Z' ? '2200-01-01T00:00Z' : a === '2018-01-02T00:00Z' ? '2200-01-02T00:00Z' : a,
        ),
        /leaves the years 1900-2100/,
      ],
      [tidePredictArgs().map((a) => (a === '2018-01-01T00:00Z' ? '1700-01-01T00:00Z' : a)), /leaves the years 1900-2100/],
      [
        ['tide', 'predict', '--site', 'liverpool', '--from', '1900-01-01T00:00Z', '--to', '2100-01-01T00:00Z', '--step', '1'],
        /6,311,433,601 levels requested \(about 195,655 MB of CSV\); at most 5,000,000 per run/,
      ],
      [tidePredictArgs('--out', d), /exists and is a folder; give the name of a file to write/],
      [['tide', 'fit', gappy], /gap/],
      [['tide', 'fit', OBSERVED, '--constituents', 'M2,XX9'], /XX9/],
      [['tide', 'fit', OBSERVED, '--out', d], /exists and is a folder/],
    ];
    for (const [argv, message] of cases) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(message);
      expect(r.err, argv.join(' ')).not.toMatch(/the run failed|internal error|EISDIR/);
      expect(r.out, argv.join(' ')).toBe('');
    }
  }, 60_000);
});

describe('bench', () => {
  it('exit 2 for a bench that does not exist, naming the benches there are, before any runs', async () => {
    const r = await runCli(['bench', 'solver', 'nosuch', '--quick']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/bench: no bench named nosuch; choose from .*\bsolver\b/);
  });
});

describe('data files that would block', () => {
  it('a named pipe as a data file exits 2 at once instead of waiting for ever', async () => {
    const d = tmp();
    const fifo = join(d, 'levels.csv');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [fifo]);
    const f = scenarioFile(d, 'pipe', '2018-03-01T00:00:00Z', '2018-03-02T00:00:00Z', 600, (o) => {
      o.tide = { kind: 'observed', file: fifo };
    });
    const r = await runCli(['simulate', f, '--out', join(d, 'r')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(`tide.file: ${fifo}: cannot read the file : this is a named pipe, not a regular file`);
  }, 20_000);
});

describe('output that cannot be written', () => {
  it('a full disk names the file, exits 1 and leaves nothing behind', async () => {
    const d = tmp();
    const f = scenarioFile(d, 'full', '2018-03-01T00:00:00Z', '2018-03-02T00:00:00Z');
    const r = await spawnCli(['simulate', f, '--out', join(d, 'r'), '--series'], { preload: ENOSPC });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /(^|\n)error: the run failed: cannot write .*\/r\.tmp-\d+-[0-9a-z]+\/series\.csv \(ENOSPC\): no space left on the device\n$/,
    );
    expect(readdirSync(d)).toEqual(['full.json']);
  }, 60_000);

  it('sweep --out that cannot be made fails before any design runs', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a-file'), 'x');
    const sweep = sweepFile({ name: 's', method: 'grid', parameters: { 'scheme.turbines.count': [20, 28] } });
    const r = await runCli(['sweep', sweep, '--out', join(d, 'a-file', 'res'), '--quiet']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot write the result folder .*a-file\/res: .*a-file \((EEXIST|ENOTDIR)\)/);
    expect(r.out).toBe('');
  });

  it('simulate --series refuses before the run when the disk is too small for series.csv', async () => {
    const d = tmp();
    // A century at 1 s is 3.2e9 rows: hundreds of TB of CSV at the row widths of docs/errors.md, larger than any disk this runs on.
    const f = scenarioFile(d, 'huge', '1950-01-01T00:00:00Z', '2050-01-01T00:00:00Z', 1);
    const r = await runCli(['simulate', f, '--out', join(d, 'r'), '--series']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/series\.csv would take up to \d+\.\d\d GB, but .* has \d+\.\d\d GB free/);
    expect(existsSync(join(d, 'r'))).toBe(false);
  });
});

describe('sweeps', () => {
  it('an LHS over a whole-number field without a step gives one grouped line, not one per design', async () => {
    const sweep = sweepFile({
      name: 'lhs',
      method: 'lhs',
      samples: 400,
      seed: 1,
      parameters: { 'scheme.turbines.count': { min: 10, max: 40 } },
    });
    const r = await runCli(['sweep', sweep, '--out', join(tmp(), 'res'), '--quiet']);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /scheme\.turbines\.count: expected a whole number .*give whole-number fields a step\) {2}\[400 designs, first: design 0/,
    );
  });

  it('a range whose step gives more values than a sweep may hold is refused, not a crash (found by the fuzzer)', async () => {
    const sweep = sweepFile({
      name: 'tiny',
      method: 'lhs',
      samples: 1,
      seed: 0,
      parameters: { 'scheme.turbines.diameter_m': { min_m: 0, max_m: 1, step_m: 5e-324 } },
    });
    const r = await runCli(['sweep', sweep, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /scheme\.turbines\.diameter_m.*step_m 5e-324 gives more than 1,000,000 values from 0 to 1; give a coarser step/,
    );
  });
});

describe('report', () => {
  it('refuses a summary.json whose annual energy was edited, and a --window-start outside the run', async () => {
    const d = tmp();
    const o = JSON.parse(readFileSync(LIBAUX, 'utf8'));
    o.period = { start: '2018-03-01T00:00:00Z', end: '2018-03-04T00:00:00Z' };
    o.tide.file = OBSERVED;
    o.scheme.basin.area_curve_file = join(DATA, 'mersey-basin-area.csv');
    o.scheme.turbines.curve.file = join(DATA, 'bulb-turbine-9m-hill-chart.csv');
    const f = join(d, 'libaux.json');
    writeFileSync(f, JSON.stringify(o));
    expect((await runCli(['simulate', f, '--out', join(d, 'r')])).code).toBe(0);
    const summary = join(d, 'r', 'summary.json');
    const outside = await runCli(['report', summary, '--window-start', '2018-06-01T00:00Z']);
    expect(outside.code).toBe(2);
    expect(outside.err).toMatch(
      /--window-start 2018-06-01T00:00:00Z is outside the run of .* \(2018-03-01T00:00:00Z to 2018-03-04T00:00:00Z\)/,
    );
    const inside = await runCli(['report', summary, '--window-start', '2018-03-02T00:00Z']);
    expect(inside.code).toBe(0);
    const doc = JSON.parse(readFileSync(summary, 'utf8'));
    doc.summary.annual_energy_gwh *= 1.5;
    writeFileSync(summary, JSON.stringify(doc));
    const edited = await runCli(['report', summary]);
    expect(edited.code).toBe(2);
    expect(edited.err).toMatch(/the summary differs in annual_energy_gwh: it was edited/);
  }, 60_000);
});

describe('long runs', () => {
  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` (npm test builds first)`);
  });

  it('Ctrl-C during the computation ends the process at once (the default action), leaving nothing', async () => {
    const d = tmp();
    mkdirSync(join(d, 'r'));
    // A year at 2 s steps (15.8 million steps, twice: with and without pumping): about 9 s before
    // anything is written on a quiet 2-core machine, longer on a busy one; interrupted 2 s in, so
    // that a machine several times faster still has not written (an earlier signal, while the
    // sea level is built, ends the run the same way).
    const f = scenarioFile(d, 'long', '2018-01-01T00:00:00Z', '2019-01-01T00:00:00Z', 2);
    const r = await spawnCli(['simulate', f, '--out', join(d, 'r')], { killAfterMs: 2000 });
    expect(r.signal).toBe('SIGINT');
    expect(readdirSync(d).sort()).toEqual(['long.json', 'r']);
    expect(readdirSync(join(d, 'r'))).toEqual([]);
  });

  it('a run that would not fit in memory exits 2 naming time_step_s and the size', async () => {
    const d = tmp();
    const f = scenarioFile(d, 'huge', '1950-01-01T00:00:00Z', '2090-01-01T00:00:00Z', 1);
    const r = await runCli(['simulate', f, '--out', join(d, 'r')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/time_step_s: 1 s over 51135 days is 4,418,064,001 steps, about 565\.5 GB of memory/);
  });

  it('a scheme without turbines runs with a warning in the summary', async () => {
    const d = tmp();
    const f = scenarioFile(d, 'none', '2018-03-01T00:00:00Z', '2018-03-02T00:00:00Z', 600, (o) => {
      o.scheme.turbines.count = 0;
    });
    const r = await runCli(['simulate', f, '--out', join(d, 'r')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/WARNING {9}scheme\.turbines\.count is 0: the scheme has no turbines and never generates/);
  });
});
