/** The result folder's CSV files: per-step series, monthly energy and the per-tide ledger. */

import { csvCell, csvChunks, csvText } from '../io/csv-write.js';
import { J_PER_MWH, W_PER_MW } from '../physics.js';
import type { Result } from '../simulate.js';
import { isoTime } from '../time.js';

const SERIES_HEADER = [
  'time_utc',
  'sea_level_m',
  'basin_level_m',
  'head_m',
  'mode',
  'turbine_flow_m3s',
  'sluice_flow_m3s',
  'power_mw',
  'pump_power_mw',
];

/**
 * Per-step series: one row per sea-level sample; flows and powers are means over the step that
 * starts there. power_mw is generated (>= 0); pump_power_mw is drawn by pumping (>= 0). Written
 * in chunks (a year at 1 s steps is about 3 GB of text, more than one string can hold).
 */
export function seriesCsv(r: Result): Iterable<string> {
  const { sea, series } = r;
  const modes = r.modeNames.map(csvCell);
  return csvChunks(SERIES_HEADER, sea.level.length, (i) => {
    const z = series.basinLevel[i];
    const e = sea.level[i];
    return (
      `${isoTime(sea.t0 + i * sea.dt)},${e.toFixed(4)},${z.toFixed(4)},${(z - e).toFixed(4)},${modes[series.mode[i]]},` +
      `${series.turbineFlow[i].toFixed(2)},${series.sluiceFlow[i].toFixed(2)},${(series.power[i] / W_PER_MW).toFixed(4)},${(series.pumpPower[i] / W_PER_MW).toFixed(4)}`
    );
  });
}

/**
 * The magnitudes a series.csv row is sized for: levels (m) and heads (their difference), flows
 * (m^3/s) and powers (MW), each below its limit. No tidal scheme comes near them: tides range
 * over about 15 m, the largest schemes proposed pass about 2e5 m^3/s and make 8.6 GW (the Severn
 * barrage).
 */
export const SERIES_LIMITS = { level: 1000, head: 2000, flow: 1e6, power: 1e5 };

/** Characters of a signed number below `limit` in magnitude written with `decimals` decimals. */
const widest = (limit: number, decimals: number) => 1 + String(limit - 1).length + (decimals > 0 ? 1 + decimals : 0);

/**
 * Bytes of series.csv at the most, for `samples` rows of a run with these mode names: the header,
 * then each row with every field at its widest in seriesCsv's format within SERIES_LIMITS (the
 * time, three levels, the longest mode name, two flows, two powers, commas, newline).
 * docs/errors.md ("run size") sets the bound beside the rows the shipped scenarios write.
 */
export function seriesCsvMaxBytes(samples: number, modeNames: readonly string[]): number {
  const L = SERIES_LIMITS;
  const row =
    isoTime(0).length +
    2 * widest(L.level, 4) +
    widest(L.head, 4) +
    Math.max(0, ...modeNames.map((m) => csvCell(m).length)) +
    2 * widest(L.flow, 2) +
    2 * widest(L.power, 4) + // signed too: a power rounding from just below 0 is written -0.0000
    SERIES_HEADER.length; // 8 commas and the newline
  return SERIES_HEADER.join(',').length + 1 + samples * row;
}

/** Energy per month: net of pumping, generated and drawn by pumping (GWh). */
export function monthlyCsv(r: Result): string {
  return csvText(
    ['month', 'energy_gwh', 'generated_gwh', 'pumping_gwh'],
    r.summary.monthly.map((m) => [m.month, m.energy_gwh.toFixed(4), m.generated_gwh.toFixed(4), m.pumping_gwh.toFixed(4)]),
  );
}

/**
 * The per-tide ledger: one row per half tide with its mode sequence (names joined by '>'), energy
 * generated, drawn pumping and net (MWh), peak powers (MW) and whether the period cuts it.
 */
export function tidesCsv(r: Result): string {
  const header = [
    'start_utc',
    'end_utc',
    'half',
    'modes',
    'generated_mwh',
    'pumping_mwh',
    'net_mwh',
    'peak_power_mw',
    'peak_pump_power_mw',
    'partial',
  ];
  return csvText(
    header,
    r.halfTides.map((h) => [
      isoTime(h.start),
      isoTime(h.end),
      h.half,
      h.modes.join('>'),
      (h.generated / J_PER_MWH).toFixed(3),
      (h.pumped / J_PER_MWH).toFixed(3),
      ((h.generated - h.pumped) / J_PER_MWH).toFixed(3),
      (h.peakPower / W_PER_MW).toFixed(3),
      (h.peakPumpPower / W_PER_MW).toFixed(3),
      h.partial,
    ]),
  );
}
