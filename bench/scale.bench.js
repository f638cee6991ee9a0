// Memory at scale: the peak resident memory (all threads) of `mersey-tidal sweep` run as a user
// runs it, in its own process, for Latin hypercubes of 1,000, 10,000 and 100,000 designs of the
// default (whole fixed-head years at 5-minute steps; 100,000 only without --quick: tens of
// minutes; docs/bench-scale.json records how long it took), and of a 19-year run (the nodal cycle) at 5-minute steps, without and
// with its per-step series.csv. Target (issue 17): peak memory flat from 10,000 to 100,000 designs.
// Progress (elapsed time, rows written, the child's resident memory) goes to stderr while it runs.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCENARIO } from '../dist/paths.js';

const BIN = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));
/**
 * Preloaded into the child (`node --import PEAK_RSS ...`): prints `peak-rss-kb N`, its peak resident
 * memory (KiB, all threads), on stderr when it exits. Also used by scripts/docs/sizes.js.
 */
export const PEAK_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\npeak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;
/** Seconds between progress lines (more often on a terminal). */
const TICK_S = process.stderr.isTTY ? 5 : 30;

const say = (line) => process.stderr.write(`  scale: ${line}\n`);
/** Bytes in mebibytes (2^20 bytes), as the memory figures are given. */
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The child's resident memory now (Linux /proc), or null where it cannot be read. */
function residentNow(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Rows of designs.csv written so far into the temporary folder beside `out` (the sweep streams them there). */
function rowsWritten(out) {
  try {
    const name = readdirSync(dirname(out)).find((n) => n.startsWith(`${out.split('/').pop()}.tmp-`));
    if (!name) return 0;
    const text = readFileSync(join(dirname(out), name, 'designs.csv'), 'latin1');
    let n = -1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    return Math.max(0, n);
  } catch {
    return 0;
  }
}

/** Runs the CLI with `args` in a child process: its wall time (s) and peak resident memory (MiB); `progress()` says how far it is. */
function cli(args, what, progress = () => '') {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, ['--import', PEAK_RSS, BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    say(`${what}: started`);
    const tick = setInterval(() => {
      const rss = residentNow(p.pid);
      const done = progress();
      say(
        `${what}: ${((performance.now() - t0) / 1000).toFixed(0)} s${done ? `, ${done}` : ''}${rss === null ? '' : `, resident ${mib(rss)}`}`,
      );
    }, TICK_S * 1000);
    let err = '';
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('error', (e) => {
      clearInterval(tick);
      reject(e);
    });
    p.on('close', (code) => {
      clearInterval(tick);
      const m = /peak-rss-kb (\d+)/.exec(err);
      if (code !== 0 || !m) return reject(new Error(`mersey-tidal ${args.join(' ')} exited with ${code}: ${err.slice(-400)}`));
      const r = { seconds: (performance.now() - t0) / 1000, mib: Number(m[1]) / 1024 };
      say(`${what}: done in ${r.seconds.toFixed(1)} s, peak resident ${r.mib.toFixed(1)} MiB`);
      resolve(r);
    });
  });
}

export default async function (h) {
  const scratch = mkdtempSync(join(tmpdir(), 'mt-scale-'));
  try {
    const peak = {};
    for (const n of h.quick ? [1000, 10000] : [1000, 10000, 100000]) {
      const file = join(scratch, `sweep-${n}.json`);
      writeFileSync(
        file,
        JSON.stringify({
          name: `scale-${n}`,
          base: DEFAULT_SCENARIO,
          method: 'lhs',
          samples: n,
          seed: 2018,
          parameters: {
            'scheme.turbines.count': { min: 10, max: 40, step: 1 },
            'scheme.sluices.area_m2': { min_m2: 1000, max_m2: 5000 },
          },
        }),
      );
      const out = join(scratch, `out-${n}`);
      const label = `sweep of ${n.toLocaleString('en-GB')} designs`;
      const r = await cli(['sweep', file, '--quiet', '--out', out], label, () => {
        const rows = rowsWritten(out);
        return rows > 0 ? `about ${rows.toLocaleString('en-GB')} rows on disk` : '';
      });
      peak[n] = r.mib;
      h.figure(`${label}: peak resident memory`, r.mib, 'MiB', `${r.seconds.toFixed(1)} s`);
    }
    if (peak[100000] !== undefined)
      h.target('peak memory, 100,000 designs over 10,000', peak[100000] / peak[10000], 'x', { below: 1.2 });
    else
      h.figure(
        'peak memory, 10,000 designs over 1,000',
        peak[10000] / peak[1000],
        'x',
        'the target, 100,000 over 10,000 < 1.2, needs the full bench (without --quick)',
      );
    // The nodal cycle: 19 years of the default at its 5-minute steps, as `simulate` writes them.
    const scenario = JSON.parse(readFileSync(DEFAULT_SCENARIO, 'utf8'));
    delete scenario.$schema;
    const basin = scenario.scheme.basin;
    basin.area_curve_file = resolve(dirname(DEFAULT_SCENARIO), basin.area_curve_file);
    scenario.name = 'nodal-cycle';
    scenario.period = { start: '2020-01-01T00:00:00Z', end: '2039-01-01T00:00:00Z' };
    const file = join(scratch, 'nodal-cycle.json');
    writeFileSync(file, JSON.stringify(scenario));
    const steps = '2,000,000 steps';
    const plain = await cli(['simulate', file, '--quiet', '--out', join(scratch, 'nodal')], 'simulate 19 years');
    h.figure(
      `simulate 19 years at 5-minute steps (${steps}): peak resident memory`,
      plain.mib,
      'MiB',
      `${plain.seconds.toFixed(1)} s`,
    );
    const seriesOut = join(scratch, 'nodal-series');
    const series = await cli(['simulate', file, '--quiet', '--series', '--out', seriesOut], 'simulate 19 years --series');
    const csv = join(seriesOut, 'series.csv');
    const bytes = existsSync(csv) ? statSync(csv).size : 0;
    h.figure(
      `the same with its series.csv (${mib(bytes)}, streamed): peak resident memory`,
      series.mib,
      'MiB',
      `${series.seconds.toFixed(1)} s`,
    );
    h.figure('memory added by writing series.csv', series.mib - plain.mib, 'MiB', `for ${mib(bytes)} of series.csv`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
