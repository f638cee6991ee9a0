/** Errors every layer may throw: the CLI maps them to exit codes. */

/**
 * Bad input or usage (a scenario or data file that fails its checks, an output folder that must
 * not be replaced): the CLI exits with code 2 on it. `problems` lists each problem on its own.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** One error listing several problems (the message is the problem itself when there is one). */
  static of(problems: readonly string[]): InputError {
    return new InputError(problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`, problems);
  }
}
