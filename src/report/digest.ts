/**
 * Fingerprints that let a result be reproduced: the SHA-256 of the canonical JSON of a scenario
 * and of each data file it reads.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, numbers and strings
 * as JSON.stringify writes them, undefined members left out. Equal values give equal text, so
 * its hash identifies a scenario whatever the key order of the file it came from.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    if (s === undefined) throw new Error(`canonical JSON: cannot encode a ${typeof value}`);
    return s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 (hex) of the canonical JSON of a scenario (or any JSON value). */
export function jsonSha256(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/** SHA-256 (hex) of a file's bytes. */
export function fileSha256(path: string): string {
  return sha256Hex(readFileSync(path));
}
