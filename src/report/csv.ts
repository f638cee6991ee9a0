/** CSV writers for results: per-step series and monthly energy. */
import type { Result } from '../simulate.js';

const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

/** Per-step series: one row per sea-level sample; flows and power are means over the step that starts there. */
export function seriesCsv(r: Result): string {
  const { sea, series, modeNames } = r;
  const rows = ['time_utc,sea_level_m,basin_level_m,head_m,mode,turbine_flow_m3s,sluice_flow_m3s,power_mw'];
  for (let i = 0; i < sea.level.length; i++) {
    const z = series.basinLevel[i];
    const e = sea.level[i];
    rows.push(
      `${iso(sea.t0 + i * sea.dt)},${e.toFixed(4)},${z.toFixed(4)},${(z - e).toFixed(4)},${modeNames[series.mode[i]]},` +
        `${series.turbineFlow[i].toFixed(2)},${series.sluiceFlow[i].toFixed(2)},${(series.power[i] / 1e6).toFixed(4)}`,
    );
  }
  return rows.join('\n') + '\n';
}

export function monthlyCsv(r: Result): string {
  return ['month,energy_gwh', ...r.summary.monthly.map((m) => `${m.month},${m.energy_gwh.toFixed(4)}`)].join('\n') + '\n';
}
