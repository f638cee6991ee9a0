/** JSON read from files, and written as documents. */

/** A JSON object (not null, not an array), whose fields can then be checked one by one. */
export function isJsonObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A JSON document as the files and --json write it: two-space indents, a final newline. */
export function jsonText(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
