/**
 * Electricity price series and the revenue of a run: each step's energy (its mean power times
 * the step) is paid at the price in force when the step starts (the latest price row at or before
 * that time; a row holds until the next one, the last for one more interval of the series).
 * Read by sweeps (a sweep's prices_file) and flexible operation (operation.flexible.prices_file).
 */

import { InputError } from '../errors.js';
import { readTimeValueCsv } from '../io/time-value-csv.js';
import { J_PER_MWH } from '../physics.js';
import type { SeaLevel } from '../tide/sea-level.js';
import { findGaps } from '../tide/series.js';
import { durationText, isoTime } from '../time.js';

export interface PriceSeries {
  /** Start of each price interval (s since the epoch), strictly increasing. */
  readonly time: Float64Array;
  /** Price (GBP/MWh; may be negative). */
  readonly price: Float64Array;
  readonly file: string;
}

/**
 * Reads a CSV with columns time_utc (ISO 8601) and price_gbp_per_mwh, in any order; errors name
 * the line. `where` says how the path was given, for the message when it cannot be read.
 */
export function readPriceCsv(file: string, where = "prices_file is resolved from the sweep file's folder"): PriceSeries {
  const rows = readTimeValueCsv(file, {
    what: 'price series',
    header: 'time_utc,price_gbp_per_mwh',
    columns: (header) => {
      const time = header.indexOf('time_utc');
      const value = header.indexOf('price_gbp_per_mwh');
      return time < 0 || value < 0
        ? `expected the columns time_utc and price_gbp_per_mwh, got: ${header.join(', ')}`
        : { time, value, cells: header.length, row: `${header.length} columns (${header.join(', ')})` };
    },
    value: 'price in GBP/MWh',
    unreadable: where,
  });
  const prices = { time: rows.time, price: rows.value, file };
  const gaps = missingRows(prices, rows.line);
  if (gaps.length > 0) throw InputError.of(gaps, file);
  return prices;
}

/** A series with at least this share of its spacings on one step is a regular one (half-hourly, hourly). */
const REGULAR_SHARE = 0.9;

/**
 * Rows missing from a regular price series (one whose spacings are nearly all one step): each
 * spacing over 1.5 steps, named by line, since the price before it would silently be held across
 * it. A tariff given only at its changes is not regular and is read as it is.
 */
function missingRows(p: PriceSeries, line: Int32Array): string[] {
  const { step, gaps } = findGaps({ time: p.time, level: p.price, file: p.file, line });
  let onStep = 0;
  for (let k = 1; k < p.time.length; k++) if (p.time[k] - p.time[k - 1] === step) onStep++;
  if (gaps.length === 0 || onStep < REGULAR_SHARE * (p.time.length - 1)) return [];
  return gaps.map(
    (g) =>
      `${p.file}:${line[g.after + 1]}: ${g.missing} price${g.missing > 1 ? 's' : ''} missing from ${isoTime(g.from)} to ${isoTime(g.to)} ` +
      `(the series is every ${durationText(step)}); the price before would be held across the gap: fill the missing rows`,
  );
}

/** End of the time the series prices: its last row holds for one more interval. */
function pricedUntil(p: PriceSeries): number {
  const n = p.time.length;
  return p.time[n - 1] + (p.time[n - 1] - p.time[n - 2]);
}

/** Throws an InputError when the prices do not cover every step of `sea`. */
export function checkPriceCoverage(p: PriceSeries, sea: SeaLevel, what: string): void {
  const first = sea.t0;
  const last = sea.t0 + (sea.level.length - 2) * sea.dt; // start of the last step
  if (first < p.time[0] || last >= pricedUntil(p)) {
    throw new InputError(
      `${p.file}: prices cover ${isoTime(p.time[0])} to ${isoTime(pricedUntil(p))}, but ${what} runs steps from ${isoTime(first)} to ${isoTime(last + sea.dt)}`,
    );
  }
}

/**
 * The price in force at the start of each step of `sea` (GBP/MWh; one entry per sample, the last
 * repeating the one before). Prices must cover the run (checkPriceCoverage).
 */
export function stepPrices(sea: SeaLevel, p: PriceSeries): Float64Array {
  const n = sea.level.length;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < Math.max(n - 1, 0); i++) {
    const t = sea.t0 + i * sea.dt;
    while (k + 1 < p.time.length && p.time[k + 1] <= t) k++;
    out[i] = p.price[k];
  }
  if (n > 1) out[n - 1] = out[n - 2];
  return out;
}

/**
 * Net revenue (GBP) of the steps from..to-1 of a run at steps of dt seconds: each step's generated
 * energy (mean power, W) sold and its pumping energy (mean pump power drawn, W) bought at the step's
 * price (GBP/MWh, as stepPrices gives). By default the whole run.
 */
export function revenue(
  power: Float64Array,
  pumpPower: Float64Array,
  dt: number,
  price: Float64Array,
  from = 0,
  to = price.length - 1,
): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (((power[i] - pumpPower[i]) * dt) / J_PER_MWH) * price[i];
  return sum;
}
