/**
 * Shared by the robustness and property-based suites: what a clear input error is, the physics
 * invariants of a run, and small synthetic data files.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { InputError } from '../src/errors.js';
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
import { isoTime } from '../src/time.js';

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
