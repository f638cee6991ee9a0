/**
 * Figures the docs quote from the code's own constants: the mass-balance closure a run is warned
 * at, the agreement a summary's rerun needs, the chunks series.csv is written in, what a streamed
 * file gathers before a write, and how many designs a sweep page shows.
 */
import { lib } from './figures.js';

/** A constant of a built module, written by `format`. */
const constant = (module, name, format) => async (cli) => format((await lib(module))[name], cli);

/** 1e-9 as the docs write it. */
const exponent = (x) => x.toExponential();

/** @type {import('./figures.js').FigureSet} */
export default {
  'mass-balance-warning': { cost: 'fast', generate: constant('simulate.js', 'MASS_BALANCE_WARNING', exponent) },
  'rerun-tolerance': { cost: 'fast', generate: constant('report/summary-file.js', 'RERUN_TOLERANCE', exponent) },
  'series-chunk-rows': {
    cost: 'fast',
    generate: constant('io/csv-write.js', 'CHUNK_ROWS', (n, cli) => `${cli.fmt(n, 0)} rows`),
  },
  'stream-flush': {
    cost: 'fast',
    generate: constant(
      'io/appender.js',
      'FLUSH_CHARS',
      (n, cli) => `${cli.fmt(n, 0)} characters (${n / 1024} KiB of ASCII text)`,
    ),
  },
  'page-designs': {
    cost: 'fast',
    generate: constant('sweep/summary.js', 'PAGE_DESIGNS', (n, cli) => `${cli.fmt(n, 0)} designs`),
  },
};
