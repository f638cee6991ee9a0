/** Errors every layer may throw: the CLI maps them to exit codes. */

/** At most this many problems are listed in one message (then a count of the rest). */
const MAX_LISTED = 12;

/** The first MAX_LISTED problems, one per line indented by two spaces after the first, then a count of the rest. */
export function listed(problems: readonly string[]): string {
  const more = problems.length > MAX_LISTED ? `\n  ... and ${problems.length - MAX_LISTED} more` : '';
  return `${problems.slice(0, MAX_LISTED).join('\n  ')}${more}`;
}

/** Marks an InputError, whichever copy of this module made it (see InputError). */
const INPUT_ERROR = Symbol.for('mersey-tidal.InputError');

/**
 * Bad input or usage (a scenario or data file that fails its checks, an output folder that must
 * not be replaced): the CLI exits with code 2 on it. `problems` lists each problem on its own.
 * `instanceof InputError` holds for an InputError of any copy of this module: the command is
 * bundled (scripts/build-cli.js), and what it loads beside the bundle (bench/*.js) throws from the
 * library's own modules.
 */
export class InputError extends Error {
  readonly [INPUT_ERROR] = true;

  static [Symbol.hasInstance](x: unknown): boolean {
    return typeof x === 'object' && x !== null && (x as { [INPUT_ERROR]?: unknown })[INPUT_ERROR] === true;
  }

  constructor(
    message: string,
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'InputError';
  }

  /**
   * One error listing several problems of `what` (a file, a scenario): the message is the problem
   * itself when there is one, else the first MAX_LISTED and a count of the rest.
   */
  static of(problems: readonly string[], what?: string): InputError {
    if (problems.length === 1) return new InputError(problems[0], problems);
    return new InputError(`${problems.length} problems${what ? ` in ${what}` : ''}:\n  ${listed(problems)}`, problems);
  }
}

/** Errors that mean a bug in mersey-tidal rather than bad input or a failed run. */
const INTERNAL = [TypeError, RangeError, ReferenceError, SyntaxError];

export function isInternalError(err: unknown): boolean {
  return INTERNAL.some((k) => err instanceof k);
}

/** Levenshtein distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/** The closest of `names` to `word`, when close enough to be a likely typo. */
export function suggest(word: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const dist = editDistance(word.toLowerCase(), n.toLowerCase());
    if (dist < bestD) {
      bestD = dist;
      best = n;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
