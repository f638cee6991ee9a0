/**
 * Shared by the suites: the CLI run in this process with its output captured, the error a call
 * throws, scratch folders removed after the suite, and the problems a scenario object gives.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, vi } from 'vitest';
import { InputError } from '../src/errors.js';
import { scenarioFromObject } from '../src/scenario/load.js';

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
