/**
 * The mersey-tidal command line: a thin shell that parses arguments and calls the library.
 * Exit codes: 0 ok; 1 the run failed; 2 bad usage or bad input.
 */
import { Command, CommanderError } from 'commander';
import { toolVersion } from '../paths.js';
import { InputError } from '../scenario/validate.js';
import { registerSimulate } from './simulate.js';
import { registerTideCommands } from './tide.js';
import { registerReport } from './report.js';
import { registerSweep } from './sweep.js';
import { registerMerge } from './merge.js';

export const EXIT_OK = 0;
export const EXIT_RUN_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

export function buildProgram(): Command {
  const program = new Command('mersey-tidal')
    .description('Tidal-range power simulator: annual energy of barrages and lagoons (0-D basin model).')
    .version(toolVersion())
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerSimulate(program);
  registerTideCommands(program);
  registerReport(program);
  registerSweep(program);
  registerMerge(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    if (err instanceof InputError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT_BAD_INPUT;
    }
    process.stderr.write(`error: the run failed: ${(err as Error).message}\n`);
    return EXIT_RUN_FAILED;
  }
}
