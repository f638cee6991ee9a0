import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { EXAMPLE, runCli, sweepFiles } from '../fixtures.js';

// Separate processes run the built CLI (npm test builds dist/ before vitest).
const BIN = join(PACKAGE_ROOT, 'dist', 'cli', 'bin.js');

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Runs the CLI in its own process (in `cwd`, default the package's folder); `onErr` sees stderr as it arrives. */
function spawnCli(
  args: string[],
  onErr?: (text: string, kill: (s: NodeJS.Signals) => void) => void,
  cwd = PACKAGE_ROOT,
): Promise<Child> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += String(d)));
    p.stderr.on('data', (d) => {
      err += String(d);
      onErr?.(err, (s) => p.kill(s));
    });
    p.on('error', reject);
    p.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}

const { tmp, sweepFile, januaryExample } = sweepFiles();

/** A small sweep (short period) over the default scenario; `extra` fields change it. */
const smallSweep = (extra: Record<string, unknown> = {}): string =>
  sweepFile(
    {
      name: 'small',
      overrides: { 'period.end': '2018-01-05T00:00:00Z' },
      parameters: { 'scheme.turbines.count': [20, 24, 28], 'scheme.sluices.area_m2': [2000, 2592] },
      ...extra,
    },
    `small-${Object.keys(extra).join('-') || 'base'}.json`,
  );

describe('mersey-tidal sweep', () => {
  it('documents its options', async () => {
    const { code, out } = await runCli(['sweep', '--help']);
    expect(code).toBe(0);
    for (const o of ['--out <dir>', '--workers <n>', '--shard <i/n>', '--quiet']) expect(out).toContain(o);
  });

  it('runs the example, names the best designs, and writes designs.csv and designs.json', { timeout: SLOW }, async () => {
    const dir = join(tmp(), 'res');
    const { code, out, err } = await runCli(['sweep', EXAMPLE, '--out', dir, '--workers', '2', '--quiet']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(readdirSync(dir).sort()).toEqual(['designs.csv', 'designs.html', 'designs.json']);
    expect(readdirSync(join(dir, '..'))).toEqual(['res']);
    const html = readFileSync(join(dir, 'designs.html'), 'utf8');
    expect(html).toContain('<title>Design sweep mersey-sweep</title>');
    expect(html).toContain('Pareto front');
    const csv = readFileSync(join(dir, 'designs.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'design,scheme.turbines.count,scheme.turbines.diameter_m,scheme.sluices.area_m2,installed_capacity_mw,annual_energy_gwh,capacity_factor,revenue_gbp_per_yr,captured_price_gbp_per_mwh',
    );
    expect(csv).toHaveLength(28);
    const json = JSON.parse(readFileSync(join(dir, 'designs.json'), 'utf8'));
    expect(json.sweep.design_count).toBe(27);
    expect(json.sweep.sea_level).toBe('shared');
    expect(json.columns.find((c: { name: string }) => c.name === 'annual_energy_gwh').unit).toBe('GWh/yr');
    // The named best designs are the top of the table.
    type Row = { design: number; annual_energy_gwh: number; revenue_gbp_per_yr: number };
    const rows: Row[] = json.designs;
    const top = (k: keyof Row) =>
      [...rows]
        .sort((a, b) => b[k] - a[k])
        .slice(0, 5)
        .map((r) => r.design);
    expect(json.best.by_energy).toEqual(top('annual_energy_gwh'));
    expect(json.best.by_revenue).toEqual(top('revenue_gbp_per_yr'));
    expect(out).toMatch(/Best designs by annual energy \(top 5 of 27\)/);
    expect(out).toMatch(/Best designs by revenue at the prices of \.\.\/data\/gb-system-sell-price-2018\.csv \(top 5 of 27\)/);
    const firstRank = out.split('\n').find((l) => /^\s+1\s+\d+\s/.test(l))!;
    expect(Number(firstRank.trim().split(/\s+/)[1])).toBe(json.best.by_energy[0]);
  });

  it('exits 2 on bad options or a bad sweep, writing nothing', async () => {
    const dir = join(tmp(), 'res');
    let r = await runCli(['sweep', EXAMPLE, '--workers', '0', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /option '--workers <n>' argument '0' is invalid\. expected a whole number of worker threads >= 1, got "0"/,
    );
    r = await runCli(['sweep', EXAMPLE, '--shard', '4/3', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--shard: expected i\/n with 1 <= i <= n \(shard i of n, e\.g\. 2\/8\), got "4\/3"/);
    const bad = sweepFile({ name: 'bad', parameters: { 'scheme.turbines.diameter_m': [8, -2] } }, 'bad.json');
    r = await runCli(['sweep', bad, '--out', dir, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: 1 of 2 designs are not valid scenarios:`);
    expect(r.err).toContain('scheme.turbines.diameter_m: expected a number > 0 and <= 20 (metres), got -2');
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses, before running anything, an --out folder that is not a previous result', async () => {
    const d = tmp();
    writeFileSync(join(d, 'notes.txt'), "someone else's file");
    const r = await runCli(['sweep', EXAMPLE, '--out', d, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${d}: the folder exists and does not look like a previous result (no designs.csv`);
    expect(r.out).toBe('');
    expect(readdirSync(d)).toEqual(['notes.txt']);
  });

  it('says so when the sea level is computed per design', async () => {
    const d = tmp();
    const file = smallSweep({ parameters: { time_step_s: [600, 900] } });
    const r = await runCli(['sweep', file, '--out', join(d, 'res'), '--quiet']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /note: the sweep changes fields that define the sea level \(time_step_s\): each design computes its own/,
    );
    expect(JSON.parse(readFileSync(join(d, 'res', 'designs.json'), 'utf8')).sweep.sea_level).toBe(
      'per design (swept: time_step_s)',
    );
  });
});

// Tests that start processes get a generous timeout: the machine may be busy (not a speed test).
const SLOW = 60_000;

describe('shards and merge', () => {
  it('3 shards in separate processes merge into exactly the one-process result', { timeout: SLOW }, async () => {
    const d = tmp();
    const file = januaryExample();
    const runs = await Promise.all([
      spawnCli(['sweep', file, '--out', join(d, 'whole'), '--workers', '2', '--quiet']),
      ...[1, 2, 3].map((i) =>
        spawnCli(['sweep', file, '--shard', `${i}/3`, '--out', join(d, `shard-${i}`), '--workers', '1', '--quiet']),
      ),
    ]);
    for (const r of runs) expect(r.err).toBe('');
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(readdirSync(join(d, 'shard-2')).sort()).toEqual(['designs.csv', 'shard.json']);
    const shard2 = JSON.parse(readFileSync(join(d, 'shard-2', 'shard.json'), 'utf8'));
    expect(shard2.shard).toEqual({ index: 2, count: 3, rule: 'design % count == index - 1' });
    expect(shard2.design_count).toBe(9);
    const shard2Rows = readFileSync(join(d, 'shard-2', 'designs.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(shard2Rows.map((l) => Number(l.split(',')[0]))).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25]);
    expect(shard2.sweep.design_count).toBe(27);
    expect(shard2.sweep.sha256).toMatch(/^[0-9a-f]{64}$/);

    const merged = await spawnCli([
      'merge',
      join(d, 'shard-3'),
      join(d, 'shard-1'),
      join(d, 'shard-2'),
      '--out',
      join(d, 'merged'),
    ]);
    expect(merged.err).toMatch(/^Merged 3 shards of sweep mersey-sweep: 27 designs\n$/);
    expect(merged.code).toBe(0);
    expect(merged.out).toMatch(/Best designs by annual energy \(top 5 of 27\)/);
    expect(readdirSync(join(d, 'merged')).sort()).toEqual(['designs.csv', 'designs.html', 'designs.json']);
    for (const f of ['designs.csv', 'designs.json', 'designs.html']) {
      expect(readFileSync(join(d, 'merged', f)).equals(readFileSync(join(d, 'whole', f)))).toBe(true);
    }
  });

  it('merges the shards of a sweep changed by --set into the folder that sweep writes on one machine', {
    timeout: SLOW,
  }, async () => {
    // Two changes, one whose value a folder name cannot hold as given (a digest is added).
    const set = ['--set', 'time_step_s=900', '--set', 'period.end=2018-01-04T00:00:00Z'];
    const file = smallSweep();
    const [shards, whole] = [tmp(), tmp()];
    const runs = await Promise.all([
      ...[1, 2].map((i) =>
        spawnCli(['sweep', file, ...set, '--shard', `${i}/2`, '--workers', '1', '--quiet'], undefined, shards),
      ),
      spawnCli(['sweep', file, ...set, '--workers', '1', '--quiet'], undefined, whole),
    ]);
    expect(runs.map((r) => [r.code, r.err])).toEqual([
      [0, ''],
      [0, ''],
      [0, ''],
    ]);
    const shardDirs = readdirSync(join(shards, 'out')).sort();
    expect(shardDirs).toHaveLength(2);
    expect(shardDirs[0]).toMatch(/^small-shard-1-of-2\+time_step_s=900\+period\.end=2018-01-04T00_00_00Z-[0-9a-f]{8}$/);
    const merged = await spawnCli(['merge', ...shardDirs.map((n) => join('out', n)), '--quiet'], undefined, shards);
    expect([merged.code, merged.err]).toEqual([0, '']);
    // The merge's folder is the one the sweep wrote without --shard, and holds the same files.
    const [name] = readdirSync(join(whole, 'out'));
    expect(name).toBe(shardDirs[0].replace('small-shard-1-of-2+', 'small+'));
    expect(readdirSync(join(shards, 'out')).sort()).toEqual([...shardDirs, name].sort());
    for (const f of ['designs.csv', 'designs.json', 'designs.html'])
      expect(readFileSync(join(shards, 'out', name, f)).equals(readFileSync(join(whole, 'out', name, f)))).toBe(true);
    const doc = JSON.parse(readFileSync(join(whole, 'out', name, 'designs.json'), 'utf8'));
    expect(doc.sweep.command_line_changes).toEqual([
      { path: 'time_step_s', value: 900 },
      { path: 'period.end', value: '2018-01-04T00:00:00Z' },
    ]);
  });

  it('refuses duplicate, missing, mixed, damaged or foreign shard folders', { timeout: SLOW }, async () => {
    const d = tmp();
    const a = smallSweep();
    const b = smallSweep({ description: 'the same designs, another file' });
    for (const [file, i, name] of [
      [a, 1, 'a1'],
      [a, 2, 'a2'],
      [b, 2, 'b2'],
    ] as const) {
      expect((await runCli(['sweep', file, '--shard', `${i}/2`, '--out', join(d, name), '--workers', '1', '--quiet'])).code).toBe(
        0,
      );
    }
    const merge = (...dirs: string[]) => runCli(['merge', ...dirs.map((x) => join(d, x)), '--out', join(d, 'merged')]);

    let r = await merge('a1', 'a1');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`merge: shard 1/2 is given twice: ${join(d, 'a1')} and ${join(d, 'a1')}`);
    r = await merge('a1');
    expect(r.err).toContain('merge: missing shard 2/2 of sweep "small" (given: 1/2)');
    r = await merge('a1', 'b2');
    expect(r.err).toMatch(
      /merge: mixed sweeps: .*a1 \(shard 1\/2 of sweep "small", sha256 [0-9a-f]{12}, tool [\d.]+\) and .*b2 \(shard 2\/2 .*\) differ in their sweep file, base scenario, prices, --set changes or tool version/,
    );
    r = await merge('a1', 'nowhere');
    expect(r.err).toContain(`${join(d, 'nowhere')}: not a shard folder (cannot read shard.json: ENOENT)`);
    expect(existsSync(join(d, 'merged'))).toBe(false);

    // A shard that lost a row, or holds another's, is caught, and the merge writes nothing.
    const altered = (name: string, edit: (lines: string[]) => string[]) => {
      mkdirSync(join(d, name));
      writeFileSync(join(d, name, 'shard.json'), readFileSync(join(d, 'a2', 'shard.json')));
      const lines = readFileSync(join(d, 'a2', 'designs.csv'), 'utf8').split('\n');
      writeFileSync(join(d, name, 'designs.csv'), edit(lines).join('\n'));
    };
    altered('a2-cut', (l) => [...l.slice(0, -2), '']);
    r = await merge('a1', 'a2-cut');
    expect(r.code).toBe(2);
    expect(r.err).toContain('shard 2/2 should hold 3 designs (design % count == index - 1) but holds 2');
    altered('a2-swapped', (l) => [l[0], l[2], l[1], ...l.slice(3)]);
    r = await merge('a1', 'a2-swapped');
    expect(r.err).toMatch(/shard 2\/2 should hold 3 designs .* but its line 2 holds "3,.*" where design 1 belongs/);
    expect(readdirSync(d).filter((f) => f.startsWith('merged'))).toEqual([]);

    // The good pair merges into the one-process result.
    r = await merge('a2', 'a1');
    expect(r.code).toBe(0);
    expect((await runCli(['sweep', a, '--out', join(d, 'whole'), '--quiet'])).code).toBe(0);
    for (const f of ['designs.csv', 'designs.json', 'designs.html'])
      expect(readFileSync(join(d, 'merged', f), 'utf8')).toBe(readFileSync(join(d, 'whole', f), 'utf8'));
  });
});

describe('Ctrl-C', () => {
  it('stops the workers, exits 130 and leaves the previous result untouched', { timeout: SLOW }, async () => {
    const d = tmp();
    // About 3,000 full-year designs: minutes of work, interrupted after it starts.
    const file = sweepFile(
      {
        name: 'long',
        method: 'lhs',
        samples: 3000,
        seed: 1,
        parameters: {
          'scheme.turbines.count': { min: 10, max: 40, step: 1 },
          'scheme.sluices.area_m2': { min_m2: 1000, max_m2: 5000 },
        },
      },
      'long.json',
    );
    const out = join(d, 'res');
    mkdirSync(out);
    writeFileSync(join(out, 'designs.csv'), 'an earlier result\n');
    let sent = false;
    let streaming: string[] = [];
    let poll: NodeJS.Timeout | undefined;
    const r = await spawnCli(['sweep', file, '--out', out, '--workers', '2'], (err, kill) => {
      if (!sent && err.includes('Running 3000 designs on 2 worker threads')) {
        sent = true;
        // Interrupted while rows are being written: once the temporary folder they stream into exists.
        poll = setInterval(() => {
          streaming = readdirSync(d).filter((n) => n.startsWith('res.tmp-'));
          if (streaming.length === 0) return;
          clearInterval(poll);
          setTimeout(() => kill('SIGINT'), 1000);
        }, 20);
      }
    });
    clearInterval(poll);
    expect(sent).toBe(true);
    expect(streaming).toHaveLength(1);
    expect(r.code).toBe(130);
    expect(r.err).toMatch(/interrupted: temporary files removed/);
    expect(r.out).toBe('');
    expect(readdirSync(out)).toEqual(['designs.csv']);
    expect(readFileSync(join(out, 'designs.csv'), 'utf8')).toBe('an earlier result\n');
    expect(readdirSync(d)).toEqual(['res']); // no temporary folder left beside the result
  });
});
