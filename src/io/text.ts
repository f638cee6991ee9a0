/**
 * Reading input text files, with errors that say what was tried and why it failed: only regular
 * files (a named pipe or a device would block the process for ever, deaf to Ctrl-C), UTF-8 text
 * (a UTF-16 file, as some spreadsheets save "Unicode text", is named as such with how to fix it),
 * a leading byte-order mark dropped.
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'this is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a folder on the path is a file',
  EEXIST: 'a file is in the way where a folder is needed',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EDQUOT: 'the disk quota is used up',
  EMFILE: 'too many files open',
  EIO: 'input/output error on the device',
};

/** Why a file operation failed, as "(CODE): reason". */
export function failureReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return `(${code}): ${REASONS[code] ?? (err as Error).message}`;
  return `: ${err instanceof Error ? err.message : String(err)}`;
}

/** An error of the file system while writing `path`, naming it: "cannot write out/x.csv (ENOSPC): no space left on the device" (other errors as they are). */
export function writeError(path: string, err: unknown): Error {
  if (err instanceof InputError || !(err as NodeJS.ErrnoException | null)?.code) return err as Error;
  return new Error(`cannot write ${path} ${failureReason(err)}`);
}

/** What a path that is not a regular file is, in words; undefined for a regular file. */
export function notRegular(file: string): string | undefined {
  const st = statSync(file);
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return '(EISDIR): this is a folder, not a file';
  const kind = st.isFIFO() ? 'a named pipe' : st.isSocket() ? 'a socket' : 'a device';
  return `: this is ${kind}, not a regular file (reading it could wait for ever); give a file`;
}

const UTF8 = new TextDecoder('utf-8', { fatal: false });

/** Why `bytes` are not UTF-8 text, or undefined when they are. */
function encodingProblem(bytes: Uint8Array): string | undefined {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16 || bytes.subarray(0, 4096).includes(0)) {
    return `the file is ${utf16 ? 'UTF-16' : 'not plain text (it holds NUL bytes; UTF-16 without a byte-order mark?)'}; save it as UTF-8 text (in a spreadsheet: "CSV UTF-8")`;
  }
  return undefined;
}

/**
 * Reads a UTF-8 text file, dropping a leading byte-order mark. Throws an InputError whose message
 * is "<file>: cannot read the <what> (CODE): reason<after>", or names an encoding that is not
 * UTF-8 and the first line with bytes that are not UTF-8.
 */
export function readText(file: string, what: string, after = ''): string {
  let bytes: Buffer;
  try {
    const why = notRegular(file);
    if (why !== undefined) throw new InputError(`${file}: cannot read the ${what} ${why}${after}`);
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${file}: cannot read the ${what} ${failureReason(err)}${after}`);
  }
  const encoding = encodingProblem(bytes);
  if (encoding !== undefined) throw new InputError(`${file}: cannot read the ${what}: ${encoding}`);
  const text = UTF8.decode(bytes);
  const bad = text.indexOf('\ufffd');
  if (bad >= 0 && !bytes.includes(Buffer.from('\ufffd'))) {
    const line = text.slice(0, bad).split('\n').length;
    throw new InputError(
      `${file}:${line}: cannot read the ${what}: bytes that are not UTF-8 text (Latin-1 or Windows-1252?); save the file as UTF-8`,
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
