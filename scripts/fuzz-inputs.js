#!/usr/bin/env node
// The long fuzz run of the input paths (issue 15), outside the default test suite: data files
// (sea-level series, prices, area curves), site files, sweep files and command lines, generated
// from a fixed seed, 2,500 cases each (10,000 in all; `--runs N` for N each). Every case must be
// either accepted or refused with an InputError whose every problem names the file (or, on the
// command line, exit 2 with one message); anything else (another error, an internal error, a
// message with NUL bytes, "undefined" or a stack) is a finding, printed with the case, and the
// run exits 1. Run: `npm run fuzz` (builds first); `node scripts/fuzz-inputs.js --seed 7`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { main } from '../dist/cli.js';
import { InputError } from '../dist/errors.js';
import { readNumericTable } from '../dist/io/csv-read.js';
import { readPriceCsv } from '../dist/scenario/prices.js';
import { checkDesigns, loadSweep } from '../dist/sweep/spec.js';
import { readSeriesCsv } from '../dist/tide/series.js';
import { loadSite } from '../dist/tide/site.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = option('--runs', 2500);
const SEED = option('--seed', 15);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mt-fuzz-'));
const findings = [];

/** A clear refusal: an InputError whose every problem starts with `file`, readable, without NUL, "undefined" or a stack. */
function clearRefusal(err, file) {
  if (!(err instanceof InputError)) return `not an InputError: ${err?.stack ?? err}`;
  for (const p of [err.message, ...err.problems]) {
    if (/\0|undefined|\[object Object\]|\n\s+at .*:\d+:\d+/.test(p)) return `unclear message: ${JSON.stringify(p)}`;
  }
  for (const p of err.problems) {
    if (!p.startsWith(file)) return `a problem that does not name the file: ${JSON.stringify(p)}`;
    if (p.length > 700) return `a problem over 700 characters: ${p.slice(0, 120)}...`;
  }
  if (err.message.split('\n').length > 14)
    return `a message of ${err.message.split('\n').length} lines (at most 12 problems are listed)`;
  return undefined;
}

/** Runs `check` on every generated case; records the first finding of the kind. */
function fuzz(kind, arb, check) {
  const t0 = performance.now();
  const result = fc.check(
    fc.property(arb, (c) => {
      const finding = check(c);
      if (finding) throw new Error(finding);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  if (result.failed) {
    findings.push(`${kind}: ${result.errorInstance?.message ?? result.error}\n  case: ${fc.stringify(result.counterexample)}`);
    console.log(`${kind}: FINDING after ${result.numRuns} cases (${s} s)`);
  } else console.log(`${kind}: ${result.numRuns} cases, nothing found (${s} s)`);
}

// --- data files: valid text, then edits that a hand or a spreadsheet makes ---------------------
const T0 = Date.UTC(2018, 0, 1) / 1000;
const iso = (t) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
const validSeries = () =>
  ['time_utc,level_m', ...Array.from({ length: 40 }, (_, k) => `${iso(T0 + k * 900)},${(3 * Math.cos(k / 7)).toFixed(3)}`)].join(
    '\n',
  );
const validPrices = () =>
  ['time_utc,price_gbp_per_mwh', ...Array.from({ length: 40 }, (_, k) => `${iso(T0 + k * 1800)},${40 + (k % 9)}`)].join('\n');
const validArea = () => ['level_m,area_m2', ...Array.from({ length: 12 }, (_, k) => `${k - 6},${(k + 1) * 1e6}`)].join('\n');

const cellEdit = fc.constantFrom(
  '',
  'NaN',
  'Infinity',
  '1e400',
  '1,5',
  '"1.5"',
  '"a, b"',
  '2018-02-30T00:00:00Z',
  '2018-13-01',
  '2018-01-01T25:00Z',
  '-0',
  ' 1.25 ',
  'x',
  '\u00e9',
  '1.5.2',
  '#',
);
const lineEdit = fc.oneof(
  fc.record({ op: fc.constant('cell'), line: fc.nat(60), cell: fc.nat(3), value: cellEdit }),
  fc.record({ op: fc.constant('delete'), line: fc.nat(60) }),
  fc.record({ op: fc.constant('swap'), line: fc.nat(60), other: fc.nat(60) }),
  fc.record({ op: fc.constant('duplicate'), line: fc.nat(60) }),
  fc.record({ op: fc.constant('insert'), line: fc.nat(60), text: fc.string({ maxLength: 30 }) }),
);
const fileEdit = fc.record({
  lines: fc.array(lineEdit, { maxLength: 8 }),
  encoding: fc.constantFrom('utf8', 'utf8', 'utf8', 'bom', 'utf16le', 'utf16le-bom', 'latin1', 'crlf'),
});

function edited(text, e) {
  const lines = text.split('\n');
  for (const ed of e.lines) {
    const i = ed.line % lines.length;
    if (ed.op === 'cell') {
      const cells = lines[i].split(',');
      cells[ed.cell % (cells.length + 1)] = ed.value;
      lines[i] = cells.join(',');
    } else if (ed.op === 'delete') lines.splice(i, 1);
    else if (ed.op === 'swap') [lines[i], lines[ed.other % lines.length]] = [lines[ed.other % lines.length], lines[i]];
    else if (ed.op === 'duplicate') lines.splice(i, 0, lines[i]);
    else lines.splice(i, 0, ed.text);
  }
  const out = lines.join(e.encoding === 'crlf' ? '\r\n' : '\n');
  if (e.encoding === 'bom') return Buffer.from(`\ufeff${out}`, 'utf8');
  if (e.encoding === 'utf16le') return Buffer.from(out, 'utf16le');
  if (e.encoding === 'utf16le-bom') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(out, 'utf16le')]);
  if (e.encoding === 'latin1') return Buffer.from(out.replace(/e/g, '\u00e9'), 'latin1');
  return Buffer.from(out, 'utf8');
}

function readerCase(name, valid, read) {
  return (e) => {
    const file = join(dir, name);
    writeFileSync(file, edited(valid(), e));
    try {
      read(file);
      return undefined;
    } catch (err) {
      return clearRefusal(err, file);
    }
  };
}

const dataReaders = [
  ['sea-level series', validSeries, readSeriesCsv],
  ['price series', validPrices, readPriceCsv],
  ['area curve', validArea, (f) => readNumericTable(f, ['level_m', 'area_m2'])],
];
fuzz('data files (series, prices, area curves)', fc.tuple(fc.nat(2), fileEdit), ([k, e]) =>
  readerCase(`data-${k}.csv`, dataReaders[k][1], dataReaders[k][2])(e),
);

// --- site files: the Liverpool file with fields removed or replaced by any JSON value ----------
const LIVERPOOL = JSON.parse(readFileSync(join(ROOT, 'data', 'sites', 'liverpool.json'), 'utf8'));
const siteKeys = [
  ...Object.keys(LIVERPOOL),
  'constituents.0.amplitude',
  'constituents.3.phase',
  'constituents.1.name',
  'datums.CD',
];
fuzz(
  'site files',
  fc.array(
    fc.record({ key: fc.constantFrom(...siteKeys), value: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })) }),
    {
      maxLength: 5,
    },
  ),
  (edits) => {
    const site = structuredClone(LIVERPOOL);
    for (const { key, value } of edits) {
      const path = key.split('.');
      let o = site;
      for (const p of path.slice(0, -1)) o = o?.[p];
      if (o === null || typeof o !== 'object') continue;
      if (value === undefined) delete o[path[path.length - 1]];
      else o[path[path.length - 1]] = value;
    }
    const file = join(dir, 'site.json');
    writeFileSync(file, JSON.stringify(site));
    try {
      loadSite(file);
      return undefined;
    } catch (err) {
      return clearRefusal(err, file);
    }
  },
);

// --- sweep files: random parameters over real and unknown fields, lists and ranges -------------
const BASE = join(ROOT, 'models', 'mersey-barrage.json');
const fields = [
  'scheme.turbines.count',
  'scheme.turbines.diameter_m',
  'scheme.sluices.area_m2',
  'operation.ebb.start_head_m',
  'time_step_s',
  'scheme.turbines.curve.rated_power_mw',
  'scheme.turbine.count',
  'scheme.basin.area_m2',
];
const number = fc.oneof(
  fc.integer({ min: -50, max: 5000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
);
const unitOf = (f) => (f.match(/_(m|m2|s|mw)$/)?.[1] ? `_${f.match(/_(m|m2|s|mw)$/)[1]}` : '');
const domain = (f) =>
  fc.oneof(
    fc.array(number, { minLength: 1, maxLength: 4 }),
    fc.record({ [`min${unitOf(f)}`]: number, [`max${unitOf(f)}`]: number }, { requiredKeys: [] }),
    fc.record({ [`min${unitOf(f)}`]: number, [`max${unitOf(f)}`]: number, [`step${unitOf(f)}`]: number }),
    fc.jsonValue({ maxDepth: 1 }),
  );
const sweepArb = fc.record(
  {
    name: fc.constantFrom('s', 'my sweep', ''),
    base: fc.constantFrom(BASE, 'missing.json', join(ROOT, 'data', 'mersey-basin-area.csv')),
    method: fc.constantFrom('grid', 'lhs', 'random'),
    samples: fc.integer({ min: -2, max: 50 }),
    seed: fc.integer({ min: -1, max: 100 }),
    parameters: fc
      .uniqueArray(fc.constantFrom(...fields), { maxLength: 3 })
      .chain((fs) => fc.tuple(...fs.map(domain)).map((ds) => Object.fromEntries(fs.map((f, i) => [f, ds[i]])))),
  },
  { requiredKeys: ['name', 'base', 'parameters'] },
);
fuzz('sweep files', sweepArb, (sweep) => {
  const file = join(dir, 'sweep.json');
  writeFileSync(file, JSON.stringify(sweep));
  try {
    const loaded = loadSweep(file);
    if (loaded.designs.count <= 200)
      checkDesigns(
        loaded,
        Array.from({ length: loaded.designs.count }, (_, i) => i),
      );
    return undefined;
  } catch (err) {
    // A base scenario that fails names the base file; everything else names the sweep file.
    return clearRefusal(err, err instanceof InputError && err.problems.every((p) => !p.startsWith(file)) ? '' : file);
  }
});

// --- command lines: words from every command's vocabulary, with bad values ---------------------
const words = [
  'simulate',
  'tide',
  'predict',
  'fit',
  'report',
  'sweep',
  'merge',
  'validate',
  'optimise',
  '--site',
  'liverpool',
  'atlantis',
  '--from',
  '--to',
  '--step',
  '--datum',
  'XYZ',
  'CD',
  '--out',
  dir,
  join(dir, 'nowhere', 'x.csv'),
  '--series',
  '--json',
  '--quiet',
  '--workers',
  '0',
  '-1',
  '1e400',
  'NaN',
  '2018-02-30T00:00Z',
  '2018-01-01T00:00Z',
  '2200-01-01',
  '--constituents',
  'M2,XX9',
  '--window-start',
  'missing.json',
  join(dir, 'site.json'),
  join(ROOT, 'data', 'mersey-basin-area.csv'),
  '--rayleigh',
  '--shard',
  '3/2',
  '--set',
  '',
];
async function cliCase(argv) {
  let out = '';
  let err = '';
  const o = process.stdout.write;
  const e = process.stderr.write;
  process.stdout.write = (s) => {
    out += s;
    return true;
  };
  process.stderr.write = (s) => {
    err += s;
    return true;
  };
  let code;
  try {
    code = await main(argv);
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
  if (/internal error|\n\s+at .*:\d+:\d+/.test(err)) return `an internal error: ${err.slice(0, 300)}`;
  if (code === 1 && !/cannot write|no space|read-only|permission/.test(err)) return `exit 1 on bad input: ${err.slice(0, 300)}`;
  if (![0, 1, 2].includes(code)) return `exit ${code}`;
  if (code === 2 && out !== '') return `exit 2 after writing to stdout: ${out.slice(0, 200)}`;
  return undefined;
}
{
  // Command lines that would start real work (a valid simulate, sweep or validate) are left out:
  // their inputs are the files fuzzed above; what is fuzzed here is the parsing and checking.
  const argvArb = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 9 }).filter((a) => {
    const runs = ['simulate', 'sweep', 'validate', 'optimise'].includes(a[0]) && !a.includes('missing.json');
    const predicts = a[0] === 'tide' && a[1] === 'predict';
    return !runs && !predicts;
  });
  const t0 = performance.now();
  const result = await fc.check(
    fc.asyncProperty(argvArb, async (argv) => {
      const finding = await cliCase(argv);
      if (finding) throw new Error(finding);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  if (result.failed) {
    findings.push(
      `command lines: ${result.errorInstance?.message ?? result.error}\n  case: ${fc.stringify(result.counterexample)}`,
    );
    console.log(`command lines: FINDING after ${result.numRuns} cases (${s} s)`);
  } else console.log(`command lines: ${result.numRuns} cases, nothing found (${s} s)`);
}

rmSync(dir, { recursive: true, force: true });
if (findings.length > 0) {
  console.log(`\n${findings.length} finding(s), seed ${SEED}:\n${findings.join('\n\n')}`);
  process.exit(1);
}
console.log(`\nseed ${SEED}: ${4 * RUNS} cases, nothing found`);
