/**
 * The one CSV reader: text split into records of cells (RFC 4180 quoting on one line: a cell in
 * double quotes may hold commas, "" is a quote), blank lines and lines starting with '#' skipped,
 * each record with its line number for messages. On it, numeric tables with a header row (area
 * curves, turbine charts). Every problem of a file is collected and reported together (at most 12
 * listed), each naming the file, line and column. csv-parse would split the same records; ours is
 * kept because it is 30 lines and the messages need the line of each record, which we have as-is.
 */
import { InputError, suggest } from '../errors.js';
import { DECIMAL } from '../numbers.js';
import { readText } from './text.js';

/** One line of a CSV file: its number (1-based) and its cells, trimmed and unquoted. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/** The cells of one line: split at commas outside double quotes; quotes removed, "" read as ". */
function splitCells(line: string): string[] {
  if (!line.includes('"')) return line.split(',').map((c) => c.trim());
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** The records of CSV text: every line that is not blank and does not start with '#'. */
export function csvRecords(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const lines = text.split(/\r?\n/);
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k].trim();
    if (l !== '' && !l.startsWith('#')) out.push({ line: k + 1, cells: splitCells(l) });
  }
  return out;
}

/** Columns of a numeric CSV, by header name. */
export type Columns = Record<string, Float64Array>;

/** A numeric table with where each row came from, for messages about its values. */
export interface NumericTable {
  /** The file it was read from. */
  readonly file: string;
  /** Line in the file (1-based) of each data row. */
  readonly line: Int32Array;
  readonly cols: Columns;
}

/** What a cell that is not a finite decimal number holds, in words, with a hint where one helps. */
export function notANumber(cell: string | undefined, cellsOnLine: number): string {
  if (cell === undefined) return `only ${cellsOnLine} column${cellsOnLine > 1 ? 's' : ''} on the line`;
  if (cell === '') return 'an empty cell';
  if (/^[+-]?(nan|inf|infinity)$/i.test(cell))
    return `"${cell}"; NaN and Infinity are not allowed: give a finite number or remove the row`;
  return DECIMAL.test(cell) ? `"${cell}" (out of range)` : `"${cell}"`;
}

/**
 * Reads a CSV whose header names at least `required` columns; every value in those columns must
 * be a finite decimal number. Errors name the file, line and column; all are listed together.
 */
export function readNumericTable(file: string, required: readonly string[]): NumericTable {
  const text = readText(file, 'file', "; relative paths in a scenario are resolved from the scenario file's folder");
  const records = csvRecords(text);
  if (records.length < 2)
    throw new InputError(
      `${file}: expected a header row (${required.join(',')}) and at least one data row, found ${records.length === 0 ? 'nothing' : 'only one line'}`,
    );
  const { cells: header, line: headerLine } = records[0];
  const problems: string[] = [];
  const idx = required.map((name) => {
    const k = header.indexOf(name);
    if (k < 0) {
      const near = suggest(name, header);
      problems.push(
        `${file}:${headerLine}: missing column "${name}" (the header has: ${header.join(', ')})${near ? `; did you mean "${near}"?` : `; the header must name ${required.join(', ')}`}`,
      );
    } else if (header.indexOf(name, k + 1) >= 0)
      problems.push(`${file}:${headerLine}: column "${name}" appears twice in the header`);
    return k;
  });
  if (problems.length > 0) throw InputError.of(problems, file);
  const n = records.length - 1;
  const cols: Columns = {};
  for (const name of required) cols[name] = new Float64Array(n);
  const line = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const { cells, line: lineNo } = records[r + 1];
    line[r] = lineNo;
    if (cells.slice(header.length).some((c) => c !== '')) {
      problems.push(
        `${file}:${lineNo}: ${cells.length} values on the line, but the header names ${header.length} columns; a decimal comma? write 1.5, not 1,5`,
      );
      continue;
    }
    required.forEach((name, c) => {
      const cell = cells[idx[c]];
      const x = cell !== undefined && DECIMAL.test(cell) ? Number(cell) : NaN;
      if (Number.isFinite(x)) cols[name][r] = x;
      else problems.push(`${file}:${lineNo}: column "${name}": expected a finite number, got ${notANumber(cell, cells.length)}`);
    });
  }
  if (problems.length > 0) throw InputError.of(problems, file);
  return { file, line, cols };
}

/** The columns of readNumericTable, for callers that need no line numbers. */
export function readNumericCsv(file: string, required: readonly string[]): Columns {
  return readNumericTable(file, required).cols;
}
