/** Numbers as written in data files. */

/** A decimal number as written in a data file: 12, -0.5, 1.2e3 (no hexadecimal, no words). */
export const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
