/**
 * Sweep rows and their fields as the sweep page shows them: the unit from the field's name
 * (`diameter_m`, `revenue_gbp_per_yr`), scaled for reading (fractions as %, large money in
 * millions), and the distinct values of a field.
 */

import { fmt } from '../numbers.js';

export type SweepRow = Readonly<Record<string, number | string | boolean | null>>;

const UNIT_SUFFIXES: [string, string][] = [
  ['_gbp_per_mwh', 'GBP/MWh'],
  ['_gbp_per_yr', 'GBP/yr'],
  ['_per_mwh', '/MWh'],
  ['_per_yr', '/yr'],
  ['_m3s', 'm³/s'],
  ['_km2', 'km²'],
  ['_m2', 'm²'],
  ['_m3', 'm³'],
  ['_gwh', 'GWh'],
  ['_mwh', 'MWh'],
  ['_gw', 'GW'],
  ['_mw', 'MW'],
  ['_gbp', 'GBP'],
  ['_eur', 'EUR'],
  ['_usd', 'USD'],
  ['_pct', '%'],
  ['_deg', '°'],
  ['_s', 's'],
  ['_h', 'h'],
  ['_m', 'm'],
];

/** Energy fields that are per year whatever their name says. */
const PER_YEAR = new Set(['annual_energy_gwh']);

/** How a field is shown: its words, its unit, and the factor its values are multiplied by. */
export function fieldDisplay(field: string, values: readonly number[] = []): { words: string; unit: string; scale: number } {
  const f = field.toLowerCase();
  if (f === 'capacity_factor') return { words: 'capacity factor', unit: '%', scale: 100 };
  if (f === 'design') return { words: 'design', unit: '', scale: 1 };
  for (const [suffix, unit] of UNIT_SUFFIXES) {
    if (f.endsWith(suffix) && f.length > suffix.length) {
      const words = field.slice(0, -suffix.length).replace(/[_.]+/g, ' ');
      const u = PER_YEAR.has(f) ? `${unit}/yr` : unit;
      const big = /GBP|EUR|USD/.test(unit) && !unit.includes('/MWh') && values.some((v) => Math.abs(v) >= 1e6);
      return big ? { words, unit: `million ${u}`, scale: 1e-6 } : { words, unit: u, scale: 1 };
    }
  }
  return { words: field.replace(/[_.]+/g, ' '), unit: '', scale: 1 };
}

/** "rated_power_mw" -> "rated power (MW)"; a field without a unit suffix keeps its words. */
export function fieldLabel(field: string, values: readonly number[] = []): string {
  const d = fieldDisplay(field, values);
  return d.unit ? `${d.words} (${d.unit})` : d.words;
}

export const num = (row: SweepRow, f: string): number | undefined => {
  const v = row[f];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** The numbers of field f over the rows. */
export const numbers = (rows: readonly SweepRow[], f: string): number[] =>
  rows.flatMap((r) => (num(r, f) === undefined ? [] : [num(r, f) as number]));

/** A value as the table shows it, scaled: whole numbers without decimals, else four significant digits (one decimal from 1000). */
export function cellText(v: SweepRow[string], scale = 1): string {
  if (typeof v === 'number') {
    const x = v * scale;
    return Number.isInteger(x) ? fmt(x, 0) : Math.abs(x) >= 1000 ? fmt(x, 1) : String(Number(x.toPrecision(4)));
  }
  return v === null ? '' : String(v);
}

/** Distinct values of a field, numbers ascending (then strings, in order of appearance). */
export function distinct(rows: readonly SweepRow[], f: string): (number | string)[] {
  const seen = new Set<number | string>();
  for (const r of rows) {
    const v = r[f];
    if (typeof v === 'number' || typeof v === 'string') seen.add(v);
  }
  const vals = [...seen];
  const nums = vals.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  return [...nums, ...vals.filter((v) => typeof v === 'string')];
}
