/**
 * The package as a user installs it: `npm pack`, the tarball installed in an empty folder, the
 * command run with `npx mersey-tidal`, the library imported from a script there. Uses the built
 * dist/ (`npm test` builds it first; the pack runs no scripts, so it never rebuilds under other
 * suites) and npm's cache for the dependencies.
 */
import { execFile } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scratch } from './fixtures.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** The tarball and the folder it is installed in, removed after the suite. */
const tmp = scratch();

describe('the command in the repository', () => {
  it('runs as `npx mersey-tidal` after the build (the build marks dist/cli/bin.js executable)', async () => {
    expect(statSync(join(ROOT, 'dist', 'cli', 'bin.js')).mode & 0o111).toBe(0o111);
    const r = await run('npx', ['--no-install', 'mersey-tidal', '--version'], { cwd: ROOT });
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the installed package', () => {
  it('runs `npx mersey-tidal simulate` and imports the library in an empty folder', { timeout: 600_000 }, async () => {
    const dir = tmp();
    await run(NPM, ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT });
    const [tarball] = readdirSync(dir).filter((f) => f.endsWith('.tgz'));
    const app = join(dir, 'app');
    await run('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    await run(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', join(dir, tarball)], {
      cwd: app,
    });

    const sim = await run(
      'npx',
      ['--no-install', 'mersey-tidal', 'simulate', '--set', 'period.end=2018-01-16T00:00:00Z', '--json'],
      {
        cwd: app,
      },
    );
    const summary = JSON.parse(sim.stdout);
    expect(summary.scenario).toBe('mersey-barrage');
    expect(summary.energy_gwh).toBeGreaterThan(0);
    // A run changed by --set writes to a folder of its own, named after the change (':' replaced, so with a digest).
    const [folder, ...others] = readdirSync(join(app, 'out'));
    expect(others).toEqual([]);
    expect(folder).toMatch(/^mersey-barrage\+period\.end=2018-01-16T00_00_00Z-[0-9a-f]{8}$/);
    expect(readdirSync(join(app, 'out', folder)).sort()).toEqual(['monthly.csv', 'summary.json', 'tides.csv']);

    writeFileSync(
      join(app, 'script.js'),
      [
        "import { loadScenario, simulate } from 'mersey-tidal';",
        "import { createRequire } from 'node:module';",
        "const file = createRequire(import.meta.url).resolve('mersey-tidal/package.json').replace('package.json', 'models/mersey-lagoon.json');",
        'const r = simulate(loadScenario(file));',
        'console.log(JSON.stringify({ gwh: r.summary.annual_energy_gwh }));',
      ].join('\n'),
    );
    const lib = await run(process.execPath, ['script.js'], { cwd: app });
    expect(JSON.parse(lib.stdout).gwh).toBeGreaterThan(0);
  });
});
