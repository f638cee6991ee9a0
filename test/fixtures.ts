/**
 * The test suites' shared fixtures: the CLI run in-process, thrown() and scratch(), clear-error and
 * physics checks, synthetic data files, the scenario files, and the sweep's inputs. Idealised
 * tides and turbines are in ideal.ts, the optimiser's inputs in optimise/inputs.ts, the report
 * pages' runs in report/run-page.ts.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, vi } from 'vitest';
import { InputError } from '../src/errors.js';
import { DEFAULT_SCENARIO, PACKAGE_ROOT } from '../src/paths.js';
import { scenarioFromObject } from '../src/scenario/load.js';
import type {
  ChartCurve,
  DirectionSpec,
  ObservedTide,
  OperationSpec,
  Scenario,
  SchemeSpec,
  TurbinesSpec,
} from '../src/scenario/types.js';
import type { Result } from '../src/simulate.js';
import type { DesignRow } from '../src/sweep/run.js';
import { isoTime } from '../src/time.js';

// The CLI run in-process, the error a call throws, scratch folders, a scenario object's problems.

/** The models folder: scenario objects given to scenarioProblems resolve their paths from it. */
const MODELS = fileURLToPath(new URL('../models', import.meta.url));

/** Runs the CLI in this process: its exit code and what it wrote to stdout and stderr. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  // Imported here, so that suites which need only the other helpers do not load the CLI.
  const { main } = await import('../src/cli/main.js');
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** The error `fn` throws, which must be a `kind`; fails the test when it throws nothing. */
export function thrown<E extends Error>(fn: () => unknown, kind: abstract new (...args: never[]) => E): E {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(kind);
    return err as E;
  }
  throw new Error(`expected ${kind.name} to be thrown`);
}

/** The problems loading scenario object `obj` as models/x.json gives (none: []). */
export function scenarioProblems(obj: unknown): string[] {
  try {
    scenarioFromObject(obj, 'models/x.json', MODELS);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return [...(err as InputError).problems];
  }
  return [];
}

/** A maker of scratch folders (under the system's temp folder), all removed after the suite. */
export function scratch(): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), 'mersey-tidal-test-'));
    made.push(d);
    return d;
  };
}

// A clear input error, the physics invariants of a run, synthetic data files.

/**
 * A clear error: an InputError whose every problem names one of `files` first, with no
 * "undefined", no "[object Object]" and no stack trace, of a readable length; any line number it
 * gives after a file name lies inside that file (`lines` of it, when known).
 */
export function expectClearInputError(err: unknown, files: readonly string[], lines: Record<string, number> = {}): void {
  if (!(err instanceof InputError)) throw new Error(`not an InputError: ${err instanceof Error ? err.stack : String(err)}`);
  expect(err.problems.length).toBeGreaterThan(0);
  for (const p of [err.message, ...err.problems]) {
    expect(p).not.toMatch(/undefined|\[object Object\]|\n\s+at .*:\d+:\d+/);
  }
  for (const p of err.problems) {
    const file = files.find((f) => p.startsWith(`${f}:`));
    expect(file, `names a file: ${p}`).toBeDefined();
    expect(p.length, p).toBeLessThan(700);
    const line = /^:(\d+)(:(\d+))?: /.exec(p.slice(file!.length));
    if (line && lines[file!] !== undefined) {
      expect(Number(line[1]), p).toBeGreaterThanOrEqual(1);
      expect(Number(line[1]), p).toBeLessThanOrEqual(lines[file!]);
    }
  }
}

/** Round-off allowance on levels (m): the located mode switches make the envelope exact otherwise. */
const LEVEL_ROUND_OFF_M = 1e-9;
/**
 * Mass-balance closure allowed (relative): the integrator moves volume and flow with the same
 * weights, so the closure is round-off (about 1e-15 on the default run); a leak of even one
 * step's flow in a thousand would show as 1e-3.
 */
const MASS_BALANCE = 1e-9;

/**
 * The invariants of an ebb-only run (no pumping): every figure finite, mass conserved, energy and
 * power never negative, the basin level within the envelope of the sea levels (the basin fills by
 * sluicing until it meets the sea, and drains only while above it).
 */
export function expectPhysics(r: Result): void {
  const numbers = JSON.stringify(r.summary, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? `non-finite ${v}` : v));
  expect(numbers).not.toMatch(/non-finite/);
  expect(r.summary.mass_balance_error).toBeLessThanOrEqual(MASS_BALANCE);
  expect(r.summary.energy_gwh).toBeGreaterThanOrEqual(0);
  let lo = Infinity;
  let hi = -Infinity;
  for (const z of r.sea.level) {
    lo = Math.min(lo, z);
    hi = Math.max(hi, z);
  }
  const { basinLevel, power, turbineFlow, sluiceFlow } = r.series;
  for (let i = 0; i < basinLevel.length; i++) {
    if (!(basinLevel[i] >= lo - LEVEL_ROUND_OFF_M && basinLevel[i] <= hi + LEVEL_ROUND_OFF_M)) {
      throw new Error(`basin level ${basinLevel[i]} m at step ${i} is outside the sea's envelope [${lo}, ${hi}] m`);
    }
    if (!(power[i] >= 0) || !Number.isFinite(power[i]) || !Number.isFinite(turbineFlow[i]) || !Number.isFinite(sluiceFlow[i])) {
      throw new Error(`step ${i}: power ${power[i]} W, turbine flow ${turbineFlow[i]} m3/s, sluice flow ${sluiceFlow[i]} m3/s`);
    }
  }
}

/** A tide of two constituents (M2, S2 periods), as CSV text sampled every `spacing` s from t0. */
export function tideRows(t0: number, samples: number, spacing: number, m2: number, s2: number, mean: number): string[] {
  const rows: string[] = [];
  for (let k = 0; k < samples; k++) {
    const t = k * spacing;
    const z = mean + m2 * Math.cos((2 * Math.PI * t) / 44714.16) + s2 * Math.cos((2 * Math.PI * t) / 43200 + 1);
    rows.push(`${isoTime(t0 + t)},${z.toFixed(4)}`);
  }
  return rows;
}

export function writeCsv(file: string, header: string, rows: readonly string[]): string {
  writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
  return file;
}

/** A scenario file with an observed tide and a chart turbine (as the Libaux barrage's), as the data suites edit it. */
export type ChartScenarioFile = Omit<Scenario, 'file' | 'period' | 'tide' | 'scheme' | 'operation'> & {
  $schema?: string;
  period?: Scenario['period'];
  tide: ObservedTide;
  scheme: Omit<SchemeSpec, 'turbines'> & { turbines: Omit<TurbinesSpec, 'curve'> & { curve: ChartCurve } };
  /** As in the file: the loader fills in what a direction leaves out. */
  operation: Omit<OperationSpec, 'ebb'> & { ebb?: Partial<DirectionSpec> };
};

/** Reads a scenario file with an observed tide and a chart turbine (`file`: e.g. the Libaux barrage's). */
export function readChartScenario(file: string): ChartScenarioFile {
  return JSON.parse(readFileSync(file, 'utf8'));
}

// The scenario files, the tide and the modes the suites share.

export const LIBAUX = fileURLToPath(new URL('../models/mersey-barrage-libaux-ebb.json', import.meta.url));
export const MERSEY = fileURLToPath(new URL('../models/mersey-barrage.json', import.meta.url));
export const LAGOON = fileURLToPath(new URL('../models/mersey-lagoon.json', import.meta.url));

/** `tide predict` at Liverpool over the first day of 2018 at 10-minute steps, then `extra`. */
export function tidePredictArgs(...extra: string[]): string[] {
  return [
    'tide',
    'predict',
    '--site',
    'liverpool',
    '--from',
    '2018-01-01T00:00Z',
    '--to',
    '2018-01-02T00:00Z',
    '--step',
    '600',
    ...extra,
  ];
}

/** The modes of the two-way cycle with pumping at both slack waters, in order. */
export const TWO_WAY_PUMPING_MODES = [
  'fill',
  'pump-high',
  'hold-high',
  'generate-ebb',
  'drain',
  'pump-low',
  'hold-low',
  'generate-flood',
];

// Sweep files.

export const EXAMPLE = join(PACKAGE_ROOT, 'models', 'mersey-sweep.json');
export const PRICES = join(PACKAGE_ROOT, 'data', 'gb-system-sell-price-2018.csv');

/**
 * Call once per suite: returns `tmp` (a new scratch folder, removed after the suite) and
 * `sweepFile(fields)`, which writes a sweep over the default scenario with `fields` added.
 */
export function sweepFiles() {
  const tmp = scratch();
  const sweepFile = (fields: Record<string, unknown>, name = 'sweep.json'): string => {
    const file = join(tmp(), name);
    writeFileSync(file, JSON.stringify({ name: 'test-sweep', base: DEFAULT_SCENARIO, ...fields }));
    return file;
  };
  /** The example's 27 designs over January 2018 only (the whole year is the same code, 12 times longer). */
  const januaryExample = (): string => {
    const e = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    return sweepFile(
      {
        ...e,
        base: join(PACKAGE_ROOT, 'models', e.base),
        prices_file: PRICES,
        overrides: { 'period.end': '2018-02-01T00:00:00Z' },
      },
      'january.json',
    );
  };
  return { tmp, sweepFile, januaryExample };
}

/** The k best designs by a full sort, highest first, ties to the lower design (rows without the figure left out): the reference the sweep's running top-k is checked against. */
export function topDesigns(rows: readonly DesignRow[], key: 'annual_energy_gwh' | 'revenue_gbp_per_yr', k: number): number[] {
  return rows
    .filter((r) => r[key] !== null)
    .sort((a, b) => (b[key] as number) - (a[key] as number) || a.design - b.design)
    .slice(0, k)
    .map((r) => r.design);
}
