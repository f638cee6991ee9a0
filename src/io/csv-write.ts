/**
 * The one CSV writer (RFC 4180): cells joined by commas, rows ended by '\n', and a cell quoted
 * (its quotes doubled) when it holds a comma, a quote or a line break, so any text survives a
 * round trip through a spreadsheet. Numbers are written by the caller (toFixed, String) and never
 * need quotes. csv-stringify would do the same in a dependency; this is the whole of it.
 */

export type CsvValue = string | number | boolean | null;

const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: null as empty, text quoted when it must be. */
export function csvCell(v: CsvValue): string {
  const s = v === null ? '' : String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row, without its line end. */
export function csvRow(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole CSV file: the header row, then the rows, each ended by '\n'. */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [csvRow(header)];
  for (const r of rows) lines.push(csvRow(r));
  return `${lines.join('\n')}\n`;
}

/** Rows per chunk of csvChunks: around a megabyte of series.csv (its row widths: docs/errors.md, "run size"). */
export const CHUNK_ROWS = 10_000;

/**
 * A large CSV file as chunks of text, for writing without holding the whole file in memory: the
 * header row first, then `n` rows from `row(i)` (already a CSV row, cells made with csvCell where
 * they are text), CHUNK_ROWS at a time.
 */
export function* csvChunks(header: readonly string[], n: number, row: (i: number) => string): Generator<string> {
  yield `${csvRow(header)}\n`;
  for (let at = 0; at < n; at += CHUNK_ROWS) {
    let chunk = '';
    for (let i = at; i < Math.min(n, at + CHUNK_ROWS); i++) chunk += `${row(i)}\n`;
    yield chunk;
  }
}
