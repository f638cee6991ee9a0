/** Reading input text files with errors that say what was tried and why it failed. */
import { readFileSync } from 'node:fs';
import { InputError } from './errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'this is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a folder on the path is a file',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

/** Why a file could not be read, as "(CODE): reason". */
export function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return `(${code}): ${REASONS[code] ?? (err as Error).message}`;
  return `: ${err instanceof Error ? err.message : String(err)}`;
}

/**
 * Reads a UTF-8 text file, dropping a leading byte-order mark. Throws an InputError whose message
 * is "<file>: cannot read the <what> (CODE): reason<after>".
 */
export function readText(file: string, what: string, after = ''): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`${file}: cannot read the ${what} ${readFailure(err)}${after}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
