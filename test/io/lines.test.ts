/** Reading a file line by line, in blocks: the same lines as splitting the whole text. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineReader } from '../../src/io/lines.js';
import { scratch } from '../fixtures.js';

const tmp = scratch();

function readAll(file: string): string[] {
  const r = new LineReader(file);
  const out: string[] = [];
  for (let l = r.next(); l !== null; l = r.next()) out.push(l);
  expect(r.line).toBe(out.length);
  return out;
}

describe('LineReader', () => {
  it('gives the lines across block boundaries, multi-byte characters included, with or without a last line end, CRLF or LF', () => {
    const d = tmp();
    // Lines long enough that blocks (64 kB) cut lines and characters (3 bytes each) in two.
    const lines = Array.from({ length: 300 }, (_, i) => `${i},${'m³/s é '.repeat(i * 7)}`);
    for (const [name, text, expected] of [
      ['lf.csv', `${lines.join('\n')}\n`, lines],
      ['no-end.csv', lines.join('\n'), lines],
      ['crlf.csv', `${lines.join('\r\n')}\r\n`, lines],
      ['empty.csv', '', []],
      ['blank-lines.csv', 'a\n\nb\n', ['a', '', 'b']],
    ] as const) {
      writeFileSync(join(d, name), text);
      expect(readAll(join(d, name)), name).toEqual(expected);
    }
  });
});
