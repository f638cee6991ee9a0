/** Locations inside the installed package (work from dist/ and from src/ under vitest alike). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root folder. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The built-in default scenario: the Mersey barrage. */
export const DEFAULT_SCENARIO = fileURLToPath(new URL('../models/mersey-barrage.json', import.meta.url));

/** The package version, from package.json. */
export function toolVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
