/**
 * A scanner for the JSON text of scenario files, for messages JSON.parse cannot give: the line and
 * column of a syntax error with what was expected there, where each value sits (so a bad field's
 * message can name its line), and keys given twice (JSON.parse silently keeps the last one).
 * It checks the JSON grammar (RFC 8259) only; JSON.parse still builds the value.
 */
import { jsonPath, type TextPosition } from './validate.js';

export interface JsonSyntaxError {
  at: TextPosition;
  message: string;
}

export interface DuplicateKey {
  path: string;
  at: TextPosition;
  first: TextPosition;
}

export interface JsonScan {
  /** The first syntax error; undefined when the text is valid JSON. */
  syntax?: JsonSyntaxError;
  /** Where the value at each dotted path starts. */
  positions: Map<string, TextPosition>;
  /** Object keys given more than once. */
  duplicates: DuplicateKey[];
}

/** Deeper nesting than this is refused (a scenario is a few levels deep). */
const MAX_DEPTH = 256;
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]{0,39}/y;

class SyntaxStop extends Error {
  constructor(
    readonly index: number,
    readonly what: string,
  ) {
    super(what);
  }
}

/** Scans `text` (without a byte-order mark). Never throws. */
export function scanJson(text: string): JsonScan {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const pos = (index: number): TextPosition => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - lineStarts[lo] + 1 };
  };

  const positions = new Map<string, TextPosition>();
  const duplicates: DuplicateKey[] = [];
  const path: string[] = [];
  let i = 0;

  const skipSpace = () => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
        throw new SyntaxStop(i, 'comments are not allowed in JSON');
      else return;
    }
  };

  const wordAt = (): string | undefined => {
    WORD.lastIndex = i;
    return WORD.exec(text)?.[0];
  };

  const describeFound = (): string => {
    if (i >= text.length) return 'the end of the file';
    const word = wordAt();
    return word !== undefined ? `the word ${word}` : `'${text[i]}'`;
  };

  const unexpected = (expected: string): never => {
    if (i >= text.length)
      throw new SyntaxStop(i, `unexpected end of the file: expected ${expected}; a closing '}', ']' or '"' may be missing`);
    const c = text[i];
    if (c === "'") throw new SyntaxStop(i, `expected ${expected}; strings and names take double quotes ("), not single`);
    const word = wordAt();
    if (word !== undefined && /^(nan|infinity|inf)$/i.test(word))
      throw new SyntaxStop(i, `expected ${expected}, found ${word}: JSON has no NaN or Infinity; give a finite number`);
    if (word !== undefined)
      throw new SyntaxStop(i, `expected ${expected}, found the word ${word}; text values take double quotes, e.g. "${word}"`);
    throw new SyntaxStop(i, `expected ${expected}, found ${describeFound()}`);
  };

  const scanString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) throw new SyntaxStop(start, 'this string is never closed: a closing " is missing');
      const ch = text.charCodeAt(i);
      if (ch === 34) {
        i++;
        return out;
      }
      if (ch < 32)
        throw new SyntaxStop(
          i,
          ch === 10 || ch === 13
            ? 'line break inside a string: close the string on its line, or write \\n'
            : 'control character inside a string: write it as an escape such as \\t',
        );
      if (ch === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            throw new SyntaxStop(i, 'bad \\u escape: expected four hexadecimal digits');
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          out += e;
          i += 2;
        } else {
          throw new SyntaxStop(
            i,
            `bad escape \\${e ?? ''} in a string: allowed are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX (a Windows path takes / or \\\\)`,
          );
        }
      } else {
        out += text[i];
        i++;
      }
    }
  };

  const scanNumber = () => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return unexpected('a value');
    const after = text[i + m[0].length];
    if (after !== undefined && /[0-9.eE+\-xXa-zA-Z_]/.test(after)) {
      throw new SyntaxStop(
        i,
        `malformed number ${JSON.stringify(text.slice(i, i + m[0].length + 1))}: JSON numbers look like 12, -0.5 or 1.2e3 (no leading zeros, no trailing dot, no hexadecimal)`,
      );
    }
    i += m[0].length;
  };

  const scanValue = (depth: number) => {
    skipSpace();
    if (depth > MAX_DEPTH) throw new SyntaxStop(i, `nested more than ${MAX_DEPTH} levels deep`);
    positions.set(jsonPath(path), pos(i));
    const c = text[i];
    if (c === '{') scanObject(depth);
    else if (c === '[') scanArray(depth);
    else if (c === '"') scanString();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) scanNumber();
    else if (text.startsWith('true', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else if (text.startsWith('null', i)) i += 4;
    else if (c === '+' || c === '.')
      throw new SyntaxStop(i, 'malformed number: JSON numbers start with a digit or "-" (write 0.5, not .5 or +0.5)');
    else unexpected('a value (a number, "text", true, false, null, { ... } or [ ... ])');
  };

  /**
   * The elements of an object or a list, from its opening bracket to `close`: `element(k)` scans
   * the k-th (the cursor on its first character) and says what it was, for a message about what
   * follows it.
   */
  const scanElements = (close: '}' | ']', element: (k: number) => string) => {
    i++; // { or [
    skipSpace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (let k = 0; ; k++) {
      skipSpace();
      if (text[i] === close) throw new SyntaxStop(i, `trailing comma before '${close}': JSON allows none; remove the last ','`);
      const what = element(k);
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      unexpected(`',' or '${close}' after ${what}`);
    }
  };

  const scanObject = (depth: number) => {
    const firstAt = new Map<string, TextPosition>();
    scanElements('}', () => {
      if (text[i] !== '"') unexpected('a field name in double quotes');
      const keyAt = pos(i);
      const key = scanString();
      const prev = firstAt.get(key);
      if (prev) duplicates.push({ path: jsonPath([...path, key]), at: keyAt, first: prev });
      else firstAt.set(key, keyAt);
      skipSpace();
      if (text[i] !== ':') unexpected(`':' after the field name "${key}"`);
      i++;
      path.push(key);
      scanValue(depth + 1);
      path.pop();
      return `the value of "${key}"`;
    });
  };

  const scanArray = (depth: number) =>
    scanElements(']', (k) => {
      path.push(String(k));
      scanValue(depth + 1);
      path.pop();
      return 'a list element';
    });

  try {
    skipSpace();
    if (i >= text.length) throw new SyntaxStop(i, 'the file is empty: expected a JSON object { ... }');
    scanValue(0);
    skipSpace();
    if (i < text.length)
      throw new SyntaxStop(
        i,
        `unexpected ${describeFound()} after the end of the JSON value; the text has more than one value, or a stray '}' or ']'`,
      );
    return { positions, duplicates };
  } catch (err) {
    if (!(err instanceof SyntaxStop)) throw err;
    return { syntax: { at: pos(err.index), message: err.what }, positions, duplicates };
  }
}
