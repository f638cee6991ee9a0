/** Errors every layer may throw: the CLI maps them to exit codes. */

/**
 * Bad input or usage (a scenario or data file that fails its checks, an output folder that must
 * not be replaced): the CLI exits with code 2 on it. `problems` lists each problem on its own.
 */
/** At most this many problems are listed in one message (then a count of the rest). */
const MAX_LISTED = 12;

export class InputError extends Error {
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
    const more = problems.length > MAX_LISTED ? `\n  ... and ${problems.length - MAX_LISTED} more` : '';
    return new InputError(
      `${problems.length} problems${what ? ` in ${what}` : ''}:\n  ${problems.slice(0, MAX_LISTED).join('\n  ')}${more}`,
      problems,
    );
  }
}

/** Errors that mean a bug in mersey-tidal rather than bad input or a failed run. */
const INTERNAL = [TypeError, RangeError, ReferenceError, SyntaxError];

export function isInternalError(err: unknown): boolean {
  return INTERNAL.some((k) => err instanceof k);
}
