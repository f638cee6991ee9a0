/**
 * The command line's exit codes (0 ok, 1 failed run, 2 bad usage or input, 130 interrupted) and
 * its outputs: a result folder is replaced whole, an interrupted or killed run leaves the previous
 * result intact and nothing that looks complete, and a folder that is not a result is never
 * replaced. The interrupt tests run the built CLI (dist/, made by `npm test`) as a child process.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { failureText } from '../../src/cli/main.js';
import { LIBAUX, runCli, scratch } from '../fixtures.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const DATA = fileURLToPath(new URL('../../data', import.meta.url));

const tmp = scratch();

/** The Libaux ebb-only barrage over [start, end] with step dt (s), written beside its data-free temp folder. */
function scenarioFile(folder: string, name: string, start: string, end: string, dt: number): string {
  const o = JSON.parse(readFileSync(LIBAUX, 'utf8'));
  o.name = name;
  o.period = { start, end };
  o.time_step_s = dt;
  o.tide.file = join(DATA, 'liverpool-gladstone-dock-2018-observed.csv');
  o.scheme.basin.area_curve_file = join(DATA, 'mersey-basin-area.csv');
  o.scheme.turbines.curve.file = join(DATA, 'bulb-turbine-9m-hill-chart.csv');
  const f = join(folder, `${name}.json`);
  writeFileSync(f, JSON.stringify(o));
  return f;
}

const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

describe('exit codes', () => {
  it('0 for --help, which documents them, and for --version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(
      /Exit codes: 0 ok, 1 the run failed, 2 bad usage or input, 130 interrupted \(Ctrl-C\), 143 terminated \(SIGTERM\)\./,
    );
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('0 for a run, 2 for a bad scenario, with every problem listed', async () => {
    const folder = tmp();
    const ok = scenarioFile(folder, 'ok', '2018-03-01T00:00:00Z', '2018-03-02T00:00:00Z', 600);
    const run = await runCli(['simulate', ok, '--out', join(folder, 'r'), '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).scenario).toBe('ok');
    const bad = join(folder, 'bad.json');
    writeFileSync(
      bad,
      readFileSync(ok, 'utf8').replace('"time_step_s":600', '"time_step_s":-1').replace('"count":28', '"count":"28"'),
    );
    const { code, err } = await runCli(['simulate', bad]);
    expect(code).toBe(2);
    expect(err).toMatch(
      /^error: 2 problems in the scenario:\n {2}.*bad\.json:1:\d+: time_step_s: expected a number > 0 and <= 3600 \(seconds\), got -1/,
    );
    expect(err).toMatch(
      /scheme\.turbines\.count: expected a whole number >= 0 and <= 10000 \(turbines\), got "28"; write the number without quotes/,
    );
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('2 for bad usage: unknown command or option (with a suggestion), too many arguments, a missing option value, no command', async () => {
    const cases: [string[], RegExp][] = [
      [['simulat'], /unknown command 'simulat'[\s\S]*Did you mean simulate\?/],
      [['simulate', '--serie'], /unknown option '--serie'[\s\S]*Did you mean --series\?/],
      [['simulate', '--jsn'], /unknown option '--jsn'[\s\S]*Did you mean --json\?/],
      [['simulate', 'a.json', 'b.json'], /too many arguments for 'simulate'/],
      [['simulate', '--out'], /option '--out <dir>' argument missing/],
      [[], /Usage: mersey-tidal/],
    ];
    for (const [argv, message] of cases) {
      const { code, err } = await runCli(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err, argv.join(' ')).toMatch(message);
    }
  });

  it('2 for a data file that fails its checks', async () => {
    const folder = tmp();
    const f = scenarioFile(folder, 'area', '2018-03-01T00:00:00Z', '2018-03-02T00:00:00Z', 600);
    writeFileSync(join(folder, 'area.csv'), 'level_m,area_m2\n-5,1e6\n-6,2e6\n');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/"area_curve_file":"[^"]*"/, '"area_curve_file":"area.csv"'));
    const { code, err } = await runCli(['simulate', f, '--out', join(folder, 'r')]);
    expect(code).toBe(2);
    expect(err).toBe(
      `error: ${join(folder, 'area.csv')}:3: column "level_m": -6 m is below -5 m on line 2; levels must increase strictly down the file\n`,
    );
    expect(existsSync(join(folder, 'r'))).toBe(false);
  });

  it('1 when the run fails (here: the output folder cannot be made)', async () => {
    const folder = tmp();
    const f = scenarioFile(folder, 'ok', '2018-03-01T00:00:00Z', '2018-03-02T00:00:00Z', 600);
    writeFileSync(join(folder, 'a-file'), 'x');
    const { code, err } = await runCli(['simulate', f, '--out', join(folder, 'a-file', 'r')]);
    expect(code).toBe(1);
    expect(err).toBe(
      `error: the run failed: cannot write the result folder ${join(folder, 'a-file', 'r')}: ${join(folder, 'a-file')} (EEXIST): a file is in the way where a folder is needed\n`,
    );
  });
});

describe('failure messages', () => {
  it('name an internal error as a bug, without a stack unless MERSEY_TIDAL_DEBUG is set', () => {
    const debug = process.env.MERSEY_TIDAL_DEBUG;
    delete process.env.MERSEY_TIDAL_DEBUG;
    try {
      expect(failureText(new TypeError("Cannot read properties of undefined (reading 'x')"))).toMatch(
        /^error: internal error in mersey-tidal \d+\.\d+\.\d+: Cannot read properties of undefined \(reading 'x'\) \(set MERSEY_TIDAL_DEBUG=1 to see where\); please report it with the scenario\n$/,
      );
      process.env.MERSEY_TIDAL_DEBUG = '1';
      expect(failureText(new RangeError('bad'))).toMatch(/\n\s+at /);
    } finally {
      if (debug === undefined) delete process.env.MERSEY_TIDAL_DEBUG;
      else process.env.MERSEY_TIDAL_DEBUG = debug;
    }
    expect(failureText(new Error('disk full'))).toBe('error: the run failed: disk full\n');
    expect(failureText('a string')).toBe('error: the run failed: a string\n');
  });
});

describe('result folders', () => {
  it('a re-run replaces the folder as a whole, never mixing files from two runs', async () => {
    const folder = tmp();
    const f = scenarioFile(folder, 'ok', '2018-03-01T00:00:00Z', '2018-03-02T00:00:00Z', 600);
    const dir = join(folder, 'r');
    expect((await runCli(['simulate', f, '--out', dir, '--series'])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['monthly.csv', 'series.csv', 'summary.json', 'tides.csv']);
    writeFileSync(f, readFileSync(f, 'utf8').replace('"time_step_s":600', '"time_step_s":300'));
    expect((await runCli(['simulate', f, '--out', dir])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['monthly.csv', 'summary.json', 'tides.csv']);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).summary.time_step_s).toBe(300);
    expect(readdirSync(folder).sort()).toEqual(['ok.json', 'r']);
  });

  it('a folder that is not a previous result is never replaced (exit 2, nothing touched)', async () => {
    const folder = tmp();
    const f = scenarioFile(folder, 'ok', '2018-03-01T00:00:00Z', '2018-03-02T00:00:00Z', 600);
    const precious = join(folder, 'thesis');
    mkdirSync(join(precious, 'chapters'), { recursive: true });
    writeFileSync(join(precious, 'draft.tex'), 'years of work');
    const first = await runCli(['simulate', f, '--out', precious]);
    expect(first.code).toBe(2);
    expect(first.err).toMatch(
      /thesis: the folder exists and does not look like a previous result \(no summary\.json, or it holds sub-folders\)/,
    );
    expect(readFileSync(join(precious, 'draft.tex'), 'utf8')).toBe('years of work');
    const second = await runCli(['simulate', f, '--out', join(precious, 'draft.tex')]);
    expect(second.code).toBe(2);
    expect(second.err).toMatch(/draft\.tex: exists and is not a folder/);
    expect(readdirSync(folder).sort()).toEqual(['ok.json', 'thesis']);
  });
});

const INTERRUPT = fileURLToPath(new URL('./interrupt-fixture.js', import.meta.url));

/** Runs the built CLI in a child process; with `signal`, the run sends it to itself once it has written the first chunk of series.csv. */
function spawnCli(args: string[], signal?: NodeJS.Signals) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, [...(signal ? ['--import', INTERRUPT] : []), BIN, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MERSEY_TIDAL_TEST_SIGNAL: signal ?? '' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code, signal) => done({ code, signal, stderr }));
  });
}

describe.concurrent('an interrupted run', () => {
  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` (npm test builds first)`);
  });

  /** A previous small result in `dir`, then a large run into it, signalled while it writes series.csv. */
  async function interrupt(signal: NodeJS.Signals) {
    const folder = tmp();
    const dir = join(folder, 'result');
    const small = scenarioFile(folder, 'small', '2018-03-01T00:00:00Z', '2018-03-02T00:00:00Z', 600);
    expect((await spawnCli(['simulate', small, '--out', dir])).code).toBe(0);
    const before = snapshot(dir);
    // Four months at 1 min: a series.csv of 172,801 rows (about 12 MB), written in 1 MiB chunks.
    const large = scenarioFile(folder, 'large', '2018-01-01T00:00:00Z', '2018-05-01T00:00:00Z', 60);
    const run = await spawnCli(['simulate', large, '--out', dir, '--series'], signal);
    // The previous result is intact, whole and alone.
    expect(snapshot(dir)).toEqual(before);
    return { folder, dir, small, run, before };
  }

  it('killed (SIGKILL) mid-write: the previous result is intact; the leftover is named temporary and the next run removes it', async () => {
    const { folder, dir, small, run } = await interrupt('SIGKILL');
    expect(run.signal).toBe('SIGKILL');
    const left = readdirSync(folder).filter((n) => n.startsWith('result.'));
    expect(left).toEqual([expect.stringMatching(/^result\.tmp-\d+-[0-9a-z]+$/)]);
    // The half-written file exists only under the temporary name.
    const half = readFileSync(join(folder, left[0], 'series.csv'), 'utf8').split('\n').length;
    expect(half).toBeGreaterThan(1);
    expect(half).toBeLessThan(1 + 172_801);
    // The next run sweeps the dead run's leftover and replaces the folder whole.
    writeFileSync(small, readFileSync(small, 'utf8').replace('"time_step_s":600', '"time_step_s":300'));
    expect((await spawnCli(['simulate', small, '--out', dir])).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['large.json', 'result', 'small.json']);
    expect(readdirSync(dir).sort()).toEqual(['monthly.csv', 'summary.json', 'tides.csv']);
  }, 60_000);

  it('interrupted (SIGINT) mid-write: exits 130 with a message, removes its temporary folder, keeps the previous result', async () => {
    const { folder, run } = await interrupt('SIGINT');
    expect(run.code).toBe(130);
    expect(run.stderr).toBe('\ninterrupted: temporary files removed; result folders are only ever replaced whole\n');
    expect(readdirSync(folder).sort()).toEqual(['large.json', 'result', 'small.json']);
  }, 60_000);

  it('a reader closing the pipe early ends the run quietly', async () => {
    const folder = tmp();
    // 15 days: longer than a spring-neap cycle, so that no warning is due on stderr
    const f = scenarioFile(folder, 'ok', '2018-03-01T00:00:00Z', '2018-03-16T00:00:00Z', 600);
    const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [BIN, 'simulate', f, '--out', join(folder, 'r')], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('exit', (code) => done({ code, stderr }));
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 30_000);
});
