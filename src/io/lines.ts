/**
 * The lines of a text file read in blocks, one at a time, for files too large to hold (a merge of
 * sweep shards reads its designs.csv files this way). Lines end with '\n' (a '\r' before it is
 * dropped); a last line without one is still a line.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const BLOCK_BYTES = 1 << 16;

/** Reads `file` line by line; the file stays open until the lines are read or the reader is closed. */
export class LineReader {
  private fd: number | null;
  private readonly decoder = new StringDecoder('utf8');
  private readonly buf = Buffer.allocUnsafe(BLOCK_BYTES);
  private text = '';
  private at = 0;
  /** Lines read so far (the number of the last line returned, 1-based). */
  line = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'r');
  }

  /** The next line, or null at the end of the file. */
  next(): string | null {
    for (;;) {
      const nl = this.text.indexOf('\n', this.at);
      if (nl >= 0) {
        const end = nl > this.at && this.text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        const s = this.text.slice(this.at, end);
        this.at = nl + 1;
        this.line++;
        return s;
      }
      if (this.fd === null) {
        if (this.at >= this.text.length) return null;
        const s = this.text.slice(this.at);
        this.at = this.text.length;
        this.line++;
        return s;
      }
      const n = readSync(this.fd, this.buf);
      this.text = this.text.slice(this.at) + (n > 0 ? this.decoder.write(this.buf.subarray(0, n)) : this.decoder.end());
      this.at = 0;
      if (n === 0) this.close();
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
