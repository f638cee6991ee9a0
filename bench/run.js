#!/usr/bin/env node
// Runs every bench/*.bench.js (or those named on the command line), prints a table per file and
// writes all figures to out/bench/bench.json. `--quick` does fewer repetitions.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Harness } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'})${quick ? ', quick' : ''}`);
const report = { node: process.version, cores: cpus().length, date: new Date().toISOString(), benches: {} };
for (const f of files) {
  const h = new Harness({ quick });
  console.log(`\n== ${f}`);
  const mod = await import(pathToFileURL(join(here, f)).href);
  await mod.default(h);
  console.log(h.table());
  report.benches[f] = h.rows;
}
const outDir = join(here, '..', 'out', 'bench');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'bench.json'), JSON.stringify(report, null, 2));
console.log(`\nfigures written to out/bench/bench.json`);
