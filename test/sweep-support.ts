/** Shared by the sweep suites: the example's paths and sweep files written into scratch folders. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCENARIO, PACKAGE_ROOT } from '../src/paths.js';
import { scratch } from './support.js';

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
