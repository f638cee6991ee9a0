/**
 * The scenario's data-file fields (every field named `file` or ending in `_file`): listing them and
 * resolving their paths against the scenario's folder.
 */

import { isAbsolute, resolve } from 'node:path';
import { jsonPath } from './validate.js';

/** A field holding a data-file path: every field named `file` or ending in `_file`. */
export interface FileField {
  /** Dotted JSON path of the field. */
  path: string;
  /** Its value. */
  file: string;
}

const isFileField = (key: string, parts: readonly string[]) => (key === 'file' && parts.length > 0) || key.endsWith('_file');

/**
 * The data-file fields of a scenario (or of any parsed JSON value), in document order. The
 * top-level `file` of a loaded Scenario is the scenario's own path, not a data file.
 */
export function dataFileFields(value: unknown, parts: string[] = []): FileField[] {
  if (value === null || typeof value !== 'object') return [];
  const out: FileField[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && isFileField(k, parts)) out.push({ path: jsonPath([...parts, k]), file: v });
    else out.push(...dataFileFields(v, [...parts, k]));
  }
  return out;
}

/** A copy of `value` with every data-file field resolved against `baseDir`. */
export function resolvePaths<T>(value: T, baseDir: string, parts: string[] = []): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v, k) => resolvePaths(v, baseDir, [...parts, String(k)])) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      typeof v === 'string' && isFileField(k, parts)
        ? isAbsolute(v)
          ? v
          : resolve(baseDir, v)
        : resolvePaths(v, baseDir, [...parts, k]);
  }
  return out as T;
}
