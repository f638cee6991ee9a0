/**
 * A text file written piece by piece as its content is made (rows of a sweep as designs finish),
 * never held whole: pieces are gathered up to FLUSH_CHARS and written synchronously, so the
 * writer's memory stays bounded whatever the file's length. Used inside a result folder being
 * written (io/atomic.ts openResultDir), which makes the file appear whole or not at all.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { failureReason, writeError } from './text.js';

/** Characters gathered before a write: 64 KiB of ASCII text, so a stream of small rows costs few system calls. */
export const FLUSH_CHARS = 1 << 16;
/** Bytes per read when copying a file in (appendFile). */
const COPY_BYTES = 1 << 20;

export class FileAppender {
  private fd: number | null;
  private pending: string[] = [];
  private chars = 0;

  /** Creates `path` (which must not exist). */
  constructor(readonly path: string) {
    this.fd = this.guard(() => openSync(path, 'wx'));
  }

  /** Appends text. */
  write(text: string): void {
    this.pending.push(text);
    this.chars += text.length;
    if (this.chars >= FLUSH_CHARS) this.flush();
  }

  /** Appends the bytes of the file `from`, read in blocks. */
  appendFile(from: string): void {
    this.flush();
    const fd = this.open();
    let src: number;
    try {
      src = openSync(from, 'r');
    } catch (err) {
      throw new Error(`cannot read ${from} ${failureReason(err)}`);
    }
    try {
      const buf = Buffer.allocUnsafe(COPY_BYTES);
      for (let n = readSync(src, buf); n > 0; n = readSync(src, buf)) this.guard(() => writeSync(fd, buf, 0, n));
    } finally {
      closeSync(src);
    }
  }

  /** Writes what is gathered. */
  flush(): void {
    if (this.chars === 0) return;
    const fd = this.open();
    const text = this.pending.join('');
    this.pending = [];
    this.chars = 0;
    this.guard(() => writeSync(fd, text));
  }

  /** Writes what is gathered and closes the file. */
  close(): void {
    if (this.fd === null) return;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
      this.fd = null;
    }
  }

  private open(): number {
    if (this.fd === null) throw new Error(`${this.path}: written after it was closed`);
    return this.fd;
  }

  /** Runs a file-system call, naming the file when it fails ("cannot write ... (ENOSPC): ..."). */
  private guard<T>(call: () => T): T {
    try {
      return call();
    } catch (err) {
      throw writeError(this.path, err);
    }
  }
}
