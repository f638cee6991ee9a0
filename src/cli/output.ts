/**
 * The one convention of every command: the result on stdout (the table for people, or with --json
 * one JSON document and nothing else); status lines, progress and notes on stderr, silenced by
 * --quiet; warnings on stderr always.
 */

import { jsonText } from '../json.js';
import { type Progress, progressBar } from '../report/progress.js';

/** Where a command writes: stdout and stderr, or a test's buffers. */
export interface Streams {
  out(text: string): void;
  err(text: string): void;
}

const processStreams: Streams = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export interface OutputOptions {
  json?: boolean;
  quiet?: boolean;
}

export interface Output {
  /** A status line or note (stderr; not with --quiet). */
  status(line: string): void;
  /** A warning (stderr, even with --quiet): "warning: ...". */
  warn(line: string): void;
  /** Something done to the input that changes the result or its cost (stderr, even with --quiet): "note: ...". */
  note(line: string): void;
  /** Progress of `total` items (undefined: an open-ended count), labelled for plain log lines. */
  progress(total: number | undefined, unit: string, label: string): Progress;
  /** The result: `json()` with --json, else `text` (stdout). Lines for people only (`aside`) go to stderr with --json. */
  result(text: string, json: () => unknown, aside?: string): void;
}

export function output(o: OutputOptions, io: Streams = processStreams): Output {
  const err = io.err;
  return {
    status(line) {
      if (!o.quiet) err(`${line}\n`);
    },
    warn(line) {
      err(`warning: ${line}\n`);
    },
    note(line) {
      err(`note: ${line}\n`);
    },
    progress(total, unit, label) {
      return progressBar(total, { unit, label, quiet: o.quiet });
    },
    result(text, json, aside) {
      if (o.json) {
        io.out(jsonText(json()));
        if (aside && !o.quiet) err(aside);
      } else io.out(`${text}${aside ? `\n${aside}` : ''}`);
    },
  };
}
