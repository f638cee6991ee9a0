#!/usr/bin/env node
/**
 * `npm run docs`: rewrites every figure marked in README.md and docs/*.md from what the CLI prints.
 * `npm run docs:check` (`--check`): writes nothing; exits 1 naming each stale or unregistered figure.
 * `--fast`: only the figures registered as fast (what the test suite checks).
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { checkFigures, ROOT } from './figures.js';

const args = process.argv.slice(2);
const check = args.includes('--check');
const costs = args.includes('--fast') ? ['fast'] : ['fast', 'slow'];
const t0 = performance.now();
const { updated, problems, unused, checked } = await checkFigures({ costs });
const seconds = ((performance.now() - t0) / 1000).toFixed(1);
for (const n of unused) process.stderr.write(`note: figure "${n}" is registered but quoted nowhere\n`);
if (check) {
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stderr.write(
    `${checked.length} figures checked in ${seconds} s: ${problems.length === 0 ? 'all current' : `${problems.length} problem(s)`}\n`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
} else {
  for (const u of updated) writeFileSync(u.file, u.text);
  const missing = problems.filter((p) => p.includes('has no generator'));
  for (const p of missing) process.stderr.write(`${p}\n`);
  process.stderr.write(
    `${checked.length} figures generated in ${seconds} s; ${updated.length === 0 ? 'no file changed' : `rewritten: ${updated.map((u) => relative(ROOT, u.file)).join(', ')}`}\n`,
  );
  process.exitCode = missing.length === 0 ? 0 : 1;
}
