/** Reading small numeric data tables (area curves, turbine charts) from CSV with a header row. */
import { readFileSync } from 'node:fs';

/** Columns of a numeric CSV, by header name. */
export type Columns = Record<string, Float64Array>;

/**
 * Reads a CSV whose header names at least `required` columns; every value in those columns must
 * be a finite number. Errors name the file, line and column.
 */
export function readNumericCsv(file: string, required: readonly string[]): Columns {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? err}); paths are resolved from the scenario file's folder`);
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (lines.length < 2) throw new Error(`${file}: expected a header row and at least one data row`);
  const header = lines[0].split(',').map((h) => h.trim());
  const idx = required.map((name) => {
    const k = header.indexOf(name);
    if (k < 0) throw new Error(`${file}:1: missing column "${name}" (header has: ${header.join(', ')})`);
    return k;
  });
  const cols: Columns = {};
  required.forEach((name) => (cols[name] = new Float64Array(lines.length - 1)));
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(',');
    required.forEach((name, c) => {
      const cell = cells[idx[c]];
      const x = cell === undefined || cell.trim() === '' ? NaN : Number(cell);
      if (!Number.isFinite(x)) throw new Error(`${file}:${r + 1}: column "${name}": expected a finite number, got "${cell ?? ''}"`);
      cols[name][r - 1] = x;
    });
  }
  return cols;
}
