/** JSON read from files. */

/** A JSON object (not null, not an array), whose fields can then be checked one by one. */
export function isJsonObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
