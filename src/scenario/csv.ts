/** Reading small numeric data tables (area curves, turbine charts) from CSV with a header row. */
import { DECIMAL } from '../numbers.js';
import { readText } from '../read-text.js';
import { suggest } from './validate.js';

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

/** A cell without surrounding blanks and double quotes. */
const bare = (cell: string) =>
  cell
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

/**
 * Reads a CSV whose header names at least `required` columns; every value in those columns must
 * be a finite decimal number. Blank lines and lines starting with '#' are skipped. Errors name
 * the file, line and column.
 */
export function readNumericTable(file: string, required: readonly string[]): NumericTable {
  const text = readText(file, 'file', "; relative paths in a scenario are resolved from the scenario file's folder");
  const all = text.split(/\r?\n/);
  const rows: number[] = [];
  all.forEach((l, k) => {
    if (l.trim() !== '' && !l.trim().startsWith('#')) rows.push(k);
  });
  if (rows.length < 2)
    throw new Error(
      `${file}: expected a header row (${required.join(',')}) and at least one data row, found ${rows.length === 0 ? 'nothing' : 'only one line'}`,
    );
  const header = all[rows[0]].split(',').map(bare);
  const headerLine = rows[0] + 1;
  const idx = required.map((name) => {
    const k = header.indexOf(name);
    if (k < 0) {
      const near = suggest(name, header);
      throw new Error(
        `${file}:${headerLine}: missing column "${name}" (the header has: ${header.join(', ')})${near ? `; did you mean "${near}"?` : `; the header must name ${required.join(', ')}`}`,
      );
    }
    if (header.indexOf(name, k + 1) >= 0) throw new Error(`${file}:${headerLine}: column "${name}" appears twice in the header`);
    return k;
  });
  const n = rows.length - 1;
  const cols: Columns = {};
  for (const name of required) cols[name] = new Float64Array(n);
  const line = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const lineNo = rows[r + 1] + 1;
    line[r] = lineNo;
    const cells = all[rows[r + 1]].split(',');
    if (cells.slice(header.length).some((c) => bare(c) !== '')) {
      throw new Error(
        `${file}:${lineNo}: ${cells.length} values on the line, but the header names ${header.length} columns; a decimal comma? write 1.5, not 1,5`,
      );
    }
    required.forEach((name, c) => {
      const raw = cells[idx[c]];
      const cell = raw === undefined ? '' : bare(raw);
      if (!DECIMAL.test(cell)) {
        const found =
          raw === undefined
            ? `only ${cells.length} column${cells.length > 1 ? 's' : ''} on the line`
            : cell === ''
              ? 'an empty cell'
              : `"${cell}"`;
        const hint = /^[+-]?(nan|inf|infinity)$/i.test(cell)
          ? '; NaN and Infinity are not allowed: give a finite number or remove the row'
          : '';
        throw new Error(`${file}:${lineNo}: column "${name}": expected a finite number, got ${found}${hint}`);
      }
      const x = Number(cell);
      if (!Number.isFinite(x))
        throw new Error(`${file}:${lineNo}: column "${name}": expected a finite number, got "${cell}" (out of range)`);
      cols[name][r] = x;
    });
  }
  return { file, line, cols };
}

/** The columns of readNumericTable, for callers that need no line numbers. */
export function readNumericCsv(file: string, required: readonly string[]): Columns {
  return readNumericTable(file, required).cols;
}
