/** Numbers as written in data files, and as written for people. */

/** A decimal number as written in a data file: 12, -0.5, 1.2e3 (no hexadecimal, no words). */
export const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number for people: `d` decimals, thousands separated ("1,621.0"). */
export function fmt(x: number, d: number): string {
  return x.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** A change or offset with its sign always written: "+0.3", "-1.65"; with `d`, to `d` decimals as fmt. */
export function signed(x: number, d?: number): string {
  return `${x >= 0 ? '+' : ''}${d === undefined ? String(x) : fmt(x, d)}`;
}
