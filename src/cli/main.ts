/**
 * The mersey-tidal command line: a thin shell that parses arguments and calls the library.
 *
 * Exit codes: 0 ok; 1 the run failed; 2 bad usage or bad input (unknown command or option, with a
 * suggestion; a scenario or data file that fails its checks; an output folder that must not be
 * replaced); 130 interrupted (Ctrl-C, SIGINT) and 143 terminated (SIGTERM), after removing the
 * temporary files of any output being written (during a long synchronous run, at once: see
 * withDefaultSignals). Errors are one message each, never a stack trace
 * (set MERSEY_TIDAL_DEBUG=1 to see one for an internal error).
 */
import { Command, CommanderError } from 'commander';
import { InputError, isInternalError } from '../errors.js';
import { removeTemporaries } from '../io/atomic.js';
import { toolVersion } from '../paths.js';
import { registerBench } from './bench.js';
import { registerInit } from './init.js';
import { registerMerge } from './merge.js';
import { registerOptimise } from './optimise.js';
import { registerReport } from './report.js';
import { registerSimulate } from './simulate.js';
import { registerSites } from './sites.js';
import { registerSweep } from './sweep.js';
import { registerTideCommands } from './tide.js';
import { registerValidate } from './validate.js';

const EXIT_OK = 0;
const EXIT_RUN_FAILED = 1;
const EXIT_BAD_INPUT = 2;
const EXIT_INTERRUPTED = 130;
const EXIT_TERMINATED = 143;

function buildProgram(): Command {
  const program = new Command('mersey-tidal')
    .description('Tidal-range power simulator: annual energy of barrages and lagoons (0-D basin model).')
    .version(toolVersion())
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 the run failed, 2 bad usage or input, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).',
    )
    .exitOverride();
  registerSimulate(program);
  registerTideCommands(program);
  registerSites(program);
  registerInit(program);
  registerReport(program);
  registerSweep(program);
  registerMerge(program);
  registerValidate(program);
  registerOptimise(program);
  registerBench(program);
  return program;
}

/** The message of a failed run (exit code 1): one line, a stack only with MERSEY_TIDAL_DEBUG set. */
export function failureText(err: unknown): string {
  if (!(err instanceof Error)) return `error: the run failed: ${String(err)}\n`;
  if (isInternalError(err)) {
    const where = process.env.MERSEY_TIDAL_DEBUG ? `\n${err.stack ?? ''}` : ' (set MERSEY_TIDAL_DEBUG=1 to see where)';
    return `error: internal error in mersey-tidal ${toolVersion()}: ${err.message}${where}; please report it with the scenario\n`;
  }
  return `error: the run failed: ${err.message}\n`;
}

function onSignal(signal: NodeJS.Signals): void {
  removeTemporaries();
  process.stderr.write(
    `\n${signal === 'SIGINT' ? 'interrupted' : 'terminated'}: temporary files removed; result folders are only ever replaced whole\n`,
  );
  process.exit(signal === 'SIGINT' ? EXIT_INTERRUPTED : EXIT_TERMINATED);
}

/** A reader closing the pipe (`mersey-tidal ... | head`) ends the output quietly. */
function onStdoutError(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') process.exit(EXIT_OK);
  throw err;
}

/** Runs the command line `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  if (!process.stdout.listeners('error').includes(onStdoutError)) process.stdout.on('error', onStdoutError);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander has written its message (with a suggestion where it has one)
      return err.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    if (err instanceof InputError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT_BAD_INPUT;
    }
    process.stderr.write(failureText(err));
    return EXIT_RUN_FAILED;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
