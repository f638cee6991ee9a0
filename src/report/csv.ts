/** CSV writers for results: per-step series, monthly energy and the per-tide ledger. */

import { J_PER_MWH, W_PER_MW } from '../physics.js';
import type { Result } from '../simulate.js';
import { isoTime } from '../time.js';

/**
 * Per-step series: one row per sea-level sample; flows and powers are means over the step that
 * starts there. power_mw is generated (>= 0); pump_power_mw is drawn by pumping (>= 0).
 */
export function seriesCsv(r: Result): string {
  const { sea, series, modeNames } = r;
  const rows = ['time_utc,sea_level_m,basin_level_m,head_m,mode,turbine_flow_m3s,sluice_flow_m3s,power_mw,pump_power_mw'];
  for (let i = 0; i < sea.level.length; i++) {
    const z = series.basinLevel[i];
    const e = sea.level[i];
    rows.push(
      `${isoTime(sea.t0 + i * sea.dt)},${e.toFixed(4)},${z.toFixed(4)},${(z - e).toFixed(4)},${modeNames[series.mode[i]]},` +
        `${series.turbineFlow[i].toFixed(2)},${series.sluiceFlow[i].toFixed(2)},${(series.power[i] / W_PER_MW).toFixed(4)},${(series.pumpPower[i] / W_PER_MW).toFixed(4)}`,
    );
  }
  return `${rows.join('\n')}\n`;
}

/** Energy per month: net of pumping, generated and drawn by pumping (GWh). */
export function monthlyCsv(r: Result): string {
  const rows = r.summary.monthly.map(
    (m) => `${m.month},${m.energy_gwh.toFixed(4)},${m.generated_gwh.toFixed(4)},${m.pumping_gwh.toFixed(4)}`,
  );
  return `${['month,energy_gwh,generated_gwh,pumping_gwh', ...rows].join('\n')}\n`;
}

/**
 * The per-tide ledger: one row per half tide with its mode sequence (names joined by '>'), energy
 * generated, drawn pumping and net (MWh), peak powers (MW) and whether the period cuts it.
 */
export function tidesCsv(r: Result): string {
  const rows = ['start_utc,end_utc,half,modes,generated_mwh,pumping_mwh,net_mwh,peak_power_mw,peak_pump_power_mw,partial'];
  for (const h of r.halfTides) {
    rows.push(
      `${isoTime(h.start)},${isoTime(h.end)},${h.half},${h.modes.join('>')},${(h.generated / J_PER_MWH).toFixed(3)},${(h.pumped / J_PER_MWH).toFixed(3)},` +
        `${((h.generated - h.pumped) / J_PER_MWH).toFixed(3)},${(h.peakPower / W_PER_MW).toFixed(3)},${(h.peakPumpPower / W_PER_MW).toFixed(3)},${h.partial}`,
    );
  }
  return `${rows.join('\n')}\n`;
}
