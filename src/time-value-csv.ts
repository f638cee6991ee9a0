/**
 * CSV files of (time, value) rows, such as sea levels and prices: a header row, then one row per
 * time, strictly increasing. Blank lines and lines starting with # are skipped. Every problem is
 * an InputError naming the file and line.
 */
import { InputError } from './errors.js';
import { DECIMAL } from './numbers.js';
import { readText } from './read-text.js';
import { isoTime, parseIsoSeconds } from './time.js';

export interface TimeValueFormat {
  /** What the file holds, for messages (e.g. "sea-level series"). */
  readonly what: string;
  /**
   * The columns of the time and the value, the number of cells of a row and that row in words
   * (e.g. "two columns (time, level)"), from the header's cells; a string says what is wrong
   * with the header.
   */
  columns(header: readonly string[]): { time: number; value: number; cells: number; row: string } | string;
  /** The value in words, for messages (e.g. "level in metres"). */
  readonly value: string;
  /** Appended to the message when the file cannot be read (e.g. how its path was resolved). */
  readonly unreadable?: string;
}

export interface TimeValueRows {
  /** Seconds since the epoch, strictly increasing. */
  readonly time: Float64Array;
  readonly value: Float64Array;
  /** Line of the file of each row (1-based). */
  readonly line: Int32Array;
}

/** The rows of a (time, value) CSV file in `format`. */
export function readTimeValueCsv(file: string, format: TimeValueFormat): TimeValueRows {
  const text = readText(file, format.what, format.unreadable ? `; ${format.unreadable}` : '');
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const columns = format.columns(header);
  if (typeof columns === 'string') throw new InputError(`${file}:1: ${columns}`);
  const at = (i: number) => `${file}:${i + 1}`;
  const time: number[] = [];
  const value: number[] = [];
  const lineNo: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(',').map((c) => c.trim());
    const ts = cells[columns.time] ?? '';
    const vs = cells[columns.value] ?? '';
    if (cells.length !== columns.cells) {
      throw new InputError(
        `${at(i)}: expected ${columns.row}, got ${cells.length}${cells.length > columns.cells ? '; a decimal comma? write 1.5, not 1,5' : ''}`,
      );
    }
    const t = parseIsoSeconds(ts);
    if (!Number.isFinite(t))
      throw new InputError(
        `${at(i)}: expected an ISO 8601 time such as 2018-01-01T00:30:00Z in column ${header[columns.time]}, got "${ts}"`,
      );
    const v = DECIMAL.test(vs) ? Number(vs) : NaN;
    if (!Number.isFinite(v))
      throw new InputError(
        `${at(i)}: expected a finite ${format.value} in column ${header[columns.value]} (a decimal number such as -1.25), got "${vs}"`,
      );
    const prev = time[time.length - 1];
    if (prev !== undefined && t <= prev) {
      throw new InputError(
        `${at(i)}: time ${isoTime(t)} is ${t === prev ? 'a duplicate of' : 'earlier than'} the row before (${isoTime(prev)}); sort the rows and remove duplicates`,
      );
    }
    time.push(t);
    value.push(v);
    lineNo.push(i + 1);
  }
  if (time.length < 2) throw new InputError(`${file}: a ${format.what} needs at least two rows of (time, value)`);
  return { time: Float64Array.from(time), value: Float64Array.from(value), line: Int32Array.from(lineNo) };
}
