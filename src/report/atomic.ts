/**
 * Atomic output: files are written to a temporary name beside their target and renamed into
 * place, so an interrupted run never leaves a truncated file that looks complete.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes a set of files as one result folder: built in a temporary sibling folder, then swapped
 * in place of any previous one, so a folder never mixes files from two runs.
 */
export function writeDirAtomic(dir: string, files: Record<string, string | Uint8Array>): void {
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = `${dir}.tmp-${stamp}`;
  const old = `${dir}.old-${stamp}`;
  mkdirSync(tmp, { recursive: true });
  try {
    for (const [name, data] of Object.entries(files)) writeFileSync(`${tmp}/${name}`, data);
    let hadOld = true;
    try {
      renameSync(dir, old);
    } catch {
      hadOld = false;
    }
    renameSync(tmp, dir);
    if (hadOld) rmSync(old, { recursive: true, force: true });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}
