/**
 * Changes to a scenario given on the command line: `--set path=value` (any field, by its dotted
 * path as the error messages print it) and `--site` / `--near` (the tide). They are applied to the
 * parsed file before it is checked, so a bad value gets the same message as in the file, with the
 * option named instead of a line and column.
 */
import { InputError } from '../errors.js';
import { type PathKey, parsePath, setAt } from '../json-path.js';

/** A change of one scenario field, as a result records it: its dotted path and its value. */
export type FieldChange = Pick<Override, 'path' | 'value'>;

export interface Override {
  /** Dotted path of the field, e.g. "operation.ebb.start_head_m". */
  path: string;
  keys: PathKey[];
  value: unknown;
  /** The option as given, for messages: `--set time_step_s=600`. */
  origin: string;
}

/**
 * Parses `path=value`. The value is read as JSON when it is JSON (600, true, [1, 2], {"a": 1},
 * "text") and as a string otherwise (`tide.site=Mumbles`).
 */
export function parseSet(text: string): Override {
  const eq = text.indexOf('=');
  const path = eq < 0 ? text : text.slice(0, eq).trim();
  const keys = parsePath(path);
  if (eq < 0 || keys === undefined)
    throw new InputError(
      `--set ${text}: expected path=value, with the field's dotted path as in the scenario file, e.g. --set time_step_s=600 or --set operation.ebb.start_head_m=4.2`,
    );
  const raw = text.slice(eq + 1).trim();
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // not JSON: the text itself
  }
  return { path, keys, value, origin: `--set ${text}` };
}

/** The tide replaced by a harmonic prediction at `site` (a built-in site, site file, station id or name). */
export function siteOverride(site: string, origin = `--site ${site}`): Override {
  return { path: 'tide', keys: ['tide'], value: { kind: 'harmonic', site }, origin };
}

/** Applies the overrides in order to a parsed scenario object (in place). */
export function applyOverrides(obj: unknown, overrides: readonly Override[]): void {
  if (overrides.length === 0) return;
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return; // the schema check says what it is
  for (const o of overrides) setAt(obj as Record<string, unknown>, o.keys, o.value);
}

/** The override that set `path` or a field around it, if any (the last one wins, as applied). */
export function overrideOf(path: string, overrides: readonly Override[]): Override | undefined {
  for (let i = overrides.length - 1; i >= 0; i--) {
    const p = overrides[i].path;
    if (path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`) || p.startsWith(`${path}.`)) return overrides[i];
  }
  return undefined;
}
