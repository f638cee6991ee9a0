/** Option parsers and options shared by the commands: each bad value is an error naming the flag. */
import { InvalidArgumentError, Option } from 'commander';
import { defaultWorkerCount } from '../parallel/pool.js';
import { parseIsoSeconds, quotedTime } from '../time.js';

/** A parser of whole numbers >= `min`, counting `what`. */
function wholeNumber(what: string, min: number): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || n < min)
      throw new InvalidArgumentError(`expected a whole number of ${what} >= ${min}, got "${text}"`);
    return n;
  };
}

export function positiveNumber(value: string, flag: string): number {
  const x = Number(value);
  if (!(x > 0) || !Number.isFinite(x)) throw new InvalidArgumentError(`${flag}: expected a positive number, got "${value}"`);
  return x;
}

/** An ISO 8601 time (s since the epoch). */
export function isoArgument(value: string, flag: string): number {
  const t = parseIsoSeconds(value);
  if (Number.isNaN(t))
    throw new InvalidArgumentError(
      `${flag}: expected an ISO 8601 time such as 2018-01-01T00:00Z (UTC unless a zone is given), got ${quotedTime(value)}`,
    );
  return t;
}

/** `--workers <n>`: worker threads, default the available cores. */
export function workersOption(): Option {
  return new Option('--workers <n>', `worker threads (default: the available cores, here ${defaultWorkerCount()})`).argParser(
    wholeNumber('worker threads', 1),
  );
}

/** `--quiet`: no progress bar or status lines. */
export function quietOption(): Option {
  return new Option('--quiet', 'no progress bar or status lines on stderr');
}
