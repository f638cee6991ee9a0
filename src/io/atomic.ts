/**
 * Atomic output. A file is written under a temporary name beside its target and renamed into
 * place; a result folder is built as a temporary sibling folder and swapped in place of the
 * previous one. So an interrupted or failed run never leaves a truncated file under a final name,
 * and a folder never mixes files from two runs.
 *
 * Temporary names carry the writing process's id: `<target>.tmp-<pid>-<stamp>` (and, for the
 * instant of a folder swap, `<target>.old-<pid>-<stamp>`). What a killed process leaves behind is
 * removed by the next write to the same target (a cut swap is undone: the previous result comes
 * back). An interrupt handler can call removeTemporaries() to clean up before exiting.
 */
import {
  accessSync,
  constants,
  type Dirent,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { failureReason, writeError } from './text.js';

/**
 * Temporary paths this process created and has not yet renamed into place or removed: one set for
 * the process, whichever copy of this module wrote them (the bundled command and the library's
 * modules a bench loads beside it).
 */
const PENDING = Symbol.for('mersey-tidal.temporaries');
const holder = globalThis as { [PENDING]?: Set<string> };
holder[PENDING] ??= new Set<string>();
const pending = holder[PENDING];

/** Removes every temporary file or folder this process is writing (for interrupt handlers). */
export function removeTemporaries(): void {
  for (const p of pending) rmSync(p, { recursive: true, force: true, maxRetries: 3 });
  pending.clear();
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * Runs a long synchronous computation with the default action of SIGINT and SIGTERM: the event
 * loop is held throughout, so a handler could only run after it, minutes late; by default the
 * process ends at once (exit 130 or 143 in the shell). Safe only while nothing is being written,
 * which is checked. The handlers are put back afterwards.
 */
export function withDefaultSignals<T>(compute: () => T): T {
  if (pending.size > 0) return compute();
  const saved = SIGNALS.map((sig) => [sig, process.listeners(sig)] as const);
  for (const sig of SIGNALS) process.removeAllListeners(sig);
  try {
    return compute();
  } finally {
    for (const [sig, listeners] of saved) for (const l of listeners) process.on(sig, l as NodeJS.SignalsListener);
  }
}

let counter = 0;
function temporaryName(target: string, kind: 'tmp' | 'old'): string {
  return `${target}.${kind}-${process.pid}-${Date.now().toString(36)}${(counter++).toString(36)}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Cleans up after writers of `target` that were killed: removes their temporary files and
 * folders; puts back a previous result whose swap was cut between its two renames.
 */
function sweepLeftovers(target: string): void {
  const dir = dirname(target);
  const prefix = `${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^(tmp|old)-(\d+)-[0-9a-z]+$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '');
    if (!m || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    const path = join(dir, name);
    if (m[1] === 'old' && !exists(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

/** Writes one file atomically (synchronously: for small files). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  prepareOutputFile(path);
  const tmp = temporaryName(path, 'tmp');
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw writeError(path, err);
  }
}

/** Bytes written per await, so an interrupt is handled while a large file is being written. */
const CHUNK = 1 << 20;

/** What a file of a result folder holds: text, bytes, or text made chunk by chunk (for files too large to hold). */
export type FileContent = string | Uint8Array | Iterable<string>;

async function writeChunked(path: string, data: FileContent): Promise<void> {
  const fh = await open(path, 'wx').catch((err) => {
    throw writeError(path, err);
  });
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let at = 0; at < bytes.length; at += CHUNK) await fh.write(bytes, at, Math.min(CHUNK, bytes.length - at));
    } else {
      for (const chunk of data) await fh.write(chunk);
    }
  } catch (err) {
    throw writeError(path, err);
  } finally {
    await fh.close();
  }
}

/**
 * The folder `dir` may be replaced as a whole: it does not exist, is empty, or holds `identity`
 * (the first file of a result, e.g. summary.json) and no sub-folders. Anything else (a file, a
 * folder of other things) is refused, so a mistyped --out never deletes someone's files.
 */
function checkReplaceable(dir: string, identity: string): void {
  let entries: Dirent[];
  try {
    if (!statSync(dir).isDirectory())
      throw new InputError(`${dir}: exists and is not a folder; give a new or empty folder for the results`);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (entries.length === 0) return;
  if (entries.some((e) => e.name === identity) && entries.every((e) => !e.isDirectory())) return;
  throw new InputError(
    `${dir}: the folder exists and does not look like a previous result (no ${identity}, or it holds sub-folders); ` +
      `a result folder is replaced as a whole, so give a new or empty folder, or a previous result folder`,
  );
}

/**
 * Makes ready to write the result folder `dir`, whose first file is `identity`: its parent made,
 * leftovers of interrupted runs removed, and the folder checked to be replaceable (see
 * checkReplaceable). Commands call it before their work, so a bad --out fails at once.
 */
export function prepareResultDir(dir: string, identity: string): void {
  writableParent(dir, 'result folder');
  sweepLeftovers(dir);
  checkReplaceable(dir, identity);
}

/**
 * The folder that will hold `path` made, and proved writable (a new entry can be made in it), so
 * that a read-only disk or a folder without permission fails before the work, not after it.
 */
function writableParent(path: string, what: string): void {
  const parent = dirname(path);
  try {
    mkdirSync(parent, { recursive: true });
    accessSync(parent, constants.W_OK);
  } catch (err) {
    throw new Error(`cannot write the ${what} ${path}: ${parent} ${failureReason(err).replace(/^: /, '')}`);
  }
}

/**
 * Refuses to start work whose output, up to `bytes` long, would not fit on the disk that holds
 * `path` (its nearest existing folder), naming both sizes. Where the free space cannot be read,
 * nothing is refused (a full disk is then named by the write that fails).
 */
export function checkFreeSpace(path: string, bytes: number, what: string): void {
  let dir = dirname(path);
  while (!exists(dir) && dirname(dir) !== dir) dir = dirname(dir);
  let free: number;
  try {
    const st = statfsSync(dir);
    free = st.bavail * st.bsize;
  } catch {
    return;
  }
  if (bytes > free) {
    const gb = (b: number) => `${(b / 1e9).toFixed(2)} GB`;
    throw new Error(
      `${what} would take up to ${gb(bytes)}, but ${dir} has ${gb(free)} free; free some space, write elsewhere (--out), or give a larger time_step_s`,
    );
  }
}

/**
 * Makes ready to write the file `path` (see writeFileAtomic): refuses a folder or anything but a
 * regular file in its place, makes its folder and proves it writable, removes the leftovers of
 * interrupted writes. Commands call it before their work, so a bad --out fails at once.
 */
export function prepareOutputFile(path: string): void {
  if (exists(path) && !statSync(path).isFile())
    throw new InputError(
      `${path}: exists and is ${statSync(path).isDirectory() ? 'a folder' : 'not a regular file'}; give the name of a file to write`,
    );
  writableParent(path, 'file');
  sweepLeftovers(path);
}

/** A result folder being written: its files are made in a temporary sibling folder, swapped in by commit(). */
export interface ResultDirWriter {
  /** Where the file `name` is being written (inside the temporary folder). */
  path(name: string): string;
  /** Writes the whole file `name` (in chunks, so that an interrupt can be handled). */
  write(name: string, content: FileContent): Promise<void>;
  /** Swaps the folder in place of any previous result; returns the final paths of `names`. */
  commit(names: readonly string[]): string[];
  /** Removes the temporary folder and everything in it (after a failure); commit() is then refused. */
  abort(): void;
}

/**
 * Starts writing the result folder `dir`, whose first file is `identity` (see prepareResultDir):
 * files are written or streamed into a temporary sibling folder, which is removed on failure or
 * interrupt (removeTemporaries) and swapped in place of any previous result by commit(). So a
 * result written row by row over hours is never seen half-written.
 */
export function openResultDir(dir: string, identity: string): ResultDirWriter {
  prepareResultDir(dir, identity);
  const tmp = temporaryName(dir, 'tmp');
  // Made and registered with no await between: an interrupt handler runs either before the
  // folder exists or after it is registered, never while a mkdir is still in flight.
  mkdirSync(tmp);
  pending.add(tmp);
  const abort = () => {
    rmSync(tmp, { recursive: true, force: true });
    pending.delete(tmp);
  };
  return {
    path: (name) => join(tmp, name),
    write: (name, content) => writeChunked(join(tmp, name), content),
    abort,
    commit(names) {
      if (!pending.has(tmp)) throw new Error(`${dir}: the result folder was abandoned and cannot be committed`);
      const old = temporaryName(dir, 'old');
      let hadOld = false;
      try {
        // The swap: two renames with no await between them, so no interrupt handler runs inside it.
        hadOld = exists(dir);
        if (hadOld) renameSync(dir, old);
        renameSync(tmp, dir);
        pending.delete(tmp);
      } catch (err) {
        if (hadOld && !exists(dir)) renameSync(old, dir);
        abort();
        throw writeError(dir, err);
      }
      if (hadOld) rmSync(old, { recursive: true, force: true });
      return names.map((n) => join(dir, n));
    },
  };
}

/**
 * Writes a set of files as one result folder (see openResultDir): the first file named in
 * `files` identifies a previous result that may be replaced (see checkReplaceable). Resolves to
 * the paths written.
 */
export async function writeDirAtomic(dir: string, files: Record<string, FileContent>): Promise<string[]> {
  const names = Object.keys(files);
  if (names.length === 0 || names.some((n) => n !== basename(n) || n.startsWith('.'))) {
    throw new Error(`${dir}: a result folder is a flat set of named files, got [${names.join(', ')}]`);
  }
  const out = openResultDir(dir, names[0]);
  try {
    for (const name of names) await out.write(name, files[name]);
  } catch (err) {
    out.abort();
    throw writeError(dir, err);
  }
  return out.commit(names);
}

/** The paths a command wrote, for its last lines on the terminal. */
export function writtenText(paths: readonly string[]): string {
  return `Written\n${paths.map((p) => `  ${p}`).join('\n')}\n`;
}
