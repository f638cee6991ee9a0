/** The solver's own failure: the run cannot go on without giving a wrong answer. */

/** Where a run stopped: the time, the step and the mode in force. */
export interface SolverStop {
  /** Time (s since 1970-01-01T00:00Z). */
  readonly time: number;
  /** Index of the step (0 = the step starting at the first sea-level sample). */
  readonly step: number;
  /** Name of the mode in force. */
  readonly mode: string;
}

/**
 * Thrown when the solver stops a run rather than return a wrong or non-finite result; the CLI
 * exits with code 1 on it. The message names the time, the step, the mode, what went wrong and
 * what to change.
 */
export class SolverError extends Error {
  constructor(
    message: string,
    readonly where: SolverStop,
  ) {
    super(message);
    this.name = 'SolverError';
  }
}
