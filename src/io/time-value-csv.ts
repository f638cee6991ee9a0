/**
 * CSV files of (time, value) rows, such as sea levels and prices: a header row, then one row per
 * time, strictly increasing. Blank lines and lines starting with # are skipped. Every problem is
 * named with the file and line, and all are reported together (at most 12 listed).
 */
import { InputError } from '../errors.js';
import { DECIMAL } from '../numbers.js';
import { isoTime, parseIsoSeconds, quotedTime } from '../time.js';
import { csvRecords, notANumber } from './csv-read.js';
import { readText } from './text.js';

export interface TimeValueFormat {
  /** What the file holds, for messages (e.g. "sea-level series"). */
  readonly what: string;
  /** The header the format expects, for messages (e.g. "time_utc,level_m"). */
  readonly header: string;
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
  const records = csvRecords(text);
  if (records.length === 0)
    throw new InputError(`${file}: the ${format.what} is empty; expected the header ${format.header} and rows`);
  const head = records[0];
  if (Number.isFinite(parseIsoSeconds(head.cells[0] ?? ''))) {
    throw new InputError(
      `${file}:${head.line}: the first line is data, not a header; add the header row ${format.header} above it`,
    );
  }
  const columns = format.columns(head.cells);
  if (typeof columns === 'string') throw new InputError(`${file}:${head.line}: ${columns}`);
  const header = head.cells;
  const problems: string[] = [];
  const time: number[] = [];
  const value: number[] = [];
  const lineNo: number[] = [];
  for (let r = 1; r < records.length; r++) {
    const { cells, line } = records[r];
    const at = `${file}:${line}`;
    if (cells.length !== columns.cells) {
      problems.push(
        `${at}: expected ${columns.row}, got ${cells.length}${cells.length > columns.cells ? '; a decimal comma? write 1.5, not 1,5' : ''}`,
      );
      continue;
    }
    const ts = cells[columns.time];
    const vs = cells[columns.value];
    const t = parseIsoSeconds(ts);
    const v = DECIMAL.test(vs) ? Number(vs) : NaN;
    if (!Number.isFinite(t))
      problems.push(
        `${at}: expected an ISO 8601 time such as 2018-01-01T00:30:00Z in column ${header[columns.time]}, got ${quotedTime(ts)}`,
      );
    if (!Number.isFinite(v))
      problems.push(
        `${at}: expected a finite ${format.value} in column ${header[columns.value]} (a decimal number such as -1.25), got ${notANumber(vs, cells.length)}`,
      );
    if (!Number.isFinite(t) || !Number.isFinite(v)) continue;
    const prev = time[time.length - 1];
    if (prev !== undefined && t <= prev) {
      problems.push(
        `${at}: time ${isoTime(t)} is ${t === prev ? 'a duplicate of' : 'earlier than'} the row before (${isoTime(prev)}); sort the rows and remove duplicates`,
      );
      continue;
    }
    time.push(t);
    value.push(v);
    lineNo.push(line);
  }
  if (problems.length > 0) throw InputError.of(problems, file);
  if (time.length < 2) throw new InputError(`${file}: a ${format.what} needs at least two rows of (time, value)`);
  return { time: Float64Array.from(time), value: Float64Array.from(value), line: Int32Array.from(lineNo) };
}
