// Memory at scale: the peak resident memory (all threads) of `mersey-tidal sweep` run as a user
// runs it, in its own process, for Latin hypercubes of 1,000, 10,000 and 100,000 designs of the
// default (whole fixed-head years at 5-minute steps; 100,000 only without --quick: about 13
// minutes on 2 free cores), and of a 19-year run (the nodal cycle) at 5-minute steps.
// Target (issue 17): peak memory flat from 10,000 to 100,000 designs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCENARIO } from '../dist/paths.js';

const BIN = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));
/** Preloaded into the child: prints its peak resident memory (kB, all threads) when it exits. */
const PEAK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\npeak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;

/** Runs the CLI with `args` in a child process: its wall time (s) and peak resident memory (MB). */
function cli(args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, ['--import', PEAK, BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('error', reject);
    p.on('close', (code) => {
      const m = /peak-rss-kb (\d+)/.exec(err);
      if (code !== 0 || !m) reject(new Error(`mersey-tidal ${args.join(' ')} exited with ${code}: ${err.slice(-400)}`));
      else resolve({ seconds: (performance.now() - t0) / 1000, mb: Number(m[1]) / 1024 });
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
      const r = await cli(['sweep', file, '--quiet', '--out', join(scratch, `out-${n}`)]);
      peak[n] = r.mb;
      h.figure(`sweep of ${n.toLocaleString('en-GB')} designs: peak resident memory`, r.mb, 'MB', `${r.seconds.toFixed(1)} s`);
    }
    if (peak[100000] !== undefined)
      h.target('peak memory, 100,000 designs over 10,000', peak[100000] / peak[10000], 'x', { below: 1.2 });
    // The nodal cycle: 19 years of the default at its 5-minute steps, as `simulate` writes them.
    const scenario = JSON.parse(readFileSync(DEFAULT_SCENARIO, 'utf8'));
    delete scenario.$schema;
    const basin = scenario.scheme.basin;
    basin.area_curve_file = resolve(dirname(DEFAULT_SCENARIO), basin.area_curve_file);
    scenario.name = 'nodal-cycle';
    scenario.period = { start: '2020-01-01T00:00:00Z', end: '2039-01-01T00:00:00Z' };
    const file = join(scratch, 'nodal-cycle.json');
    writeFileSync(file, JSON.stringify(scenario));
    const r = await cli(['simulate', file, '--out', join(scratch, 'nodal-cycle')]);
    h.figure(
      'simulate 19 years at 5-minute steps (2,000,000 steps): peak resident memory',
      r.mb,
      'MB',
      `${r.seconds.toFixed(1)} s`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
