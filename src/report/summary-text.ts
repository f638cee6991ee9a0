/** The terminal summary a planner reads at a glance: every figure with its unit. */

import { fmt, signed } from '../numbers.js';
import type { Stage, Waterfall } from '../scheme/losses.js';
import { type Summary, scaledToYear } from '../simulate.js';

/** Tidal levels shown in the summary, highest first, when the site has them. */
const DATUM_ORDER = ['HAT', 'MHWS', 'MHW', 'MSL', 'MLW', 'MLWS', 'LAT'];

/** The header's lines naming the command-line options that changed the scenario file, as given. */
export function changedLines(changes: readonly string[]): string[] {
  return changes.map((c, k) => `${k === 0 ? 'Changed by' : ''}`.padEnd(16) + c);
}

/** `changes`: the command-line options that changed the scenario file (--site, --near, --set), as given. */
export function summaryText(s: Summary, scenarioFile: string, description: string, changes: readonly string[] = []): string {
  const lines: string[] = [];
  lines.push(`Scenario        ${s.scenario}  (${scenarioFile})`);
  if (description) lines.push(`                ${description}`);
  lines.push(...changedLines(changes));
  lines.push(
    `Period          ${s.period_start} to ${s.period_end}  (${fmt(s.period_days, 2)} days, step ${fmt(s.time_step_s, 0)} s)`,
  );
  lines.push(`Tide            ${s.tide_source}`);
  const c = s.tide_constants;
  if (c) {
    lines.push(
      `Constants       ${c.site}${c.id ? ` (${c.id})` : ''}; licence ${c.licence.split(/[:;(]/)[0].trim()} (source in summary.json)`,
    );
    const shown = DATUM_ORDER.filter((k) => c.datums[k] !== undefined).map((k) => `${k} ${fmt(c.datums[k], 2)}`);
    if (shown.length > 0) lines.push(`${`Datums (m ${c.datum})`.padEnd(15)} ${shown.join(', ')}`);
  }
  for (const w of s.warnings) lines.push(`WARNING         ${w}`);
  lines.push('');
  lines.push(`Operation       ${s.operation}`);
  lines.push('');
  const pumping = s.pumping_energy_gwh > 0;
  lines.push(
    `Annual energy        ${fmt(s.annual_energy_gwh, 1).padStart(10)} GWh/yr${pumping ? '  net of pumping' : ''}` +
      (scaledToYear(s) ? `  (scaled from ${fmt(s.energy_gwh, 1)} GWh over ${fmt(s.period_days, 1)} days)` : ''),
  );
  if (pumping) {
    lines.push(`  exported           ${fmt(s.annual_generated_energy_gwh, 1).padStart(10)} GWh/yr`);
    lines.push(
      `  drawn pumping      ${fmt(s.annual_pumping_energy_gwh, 1).padStart(10)} GWh/yr  (${fmt(s.pumping_hours, 0)} h in ${fmt(s.pumping_periods, 0)} periods)`,
    );
  }
  if (s.pumping_gain)
    lines.push(
      `  gain from pumping  ${signed(s.pumping_gain.gain_annual_gwh, 1).padStart(10)} GWh/yr  (${signed(s.pumping_gain.gain_fraction * 100, 1)} % on ${fmt(s.pumping_gain.without_pumping_annual_gwh, 1)} GWh/yr without pumping, same heads)`,
    );
  lines.push('');
  lines.push(...waterfallText(s.waterfall));
  lines.push('');
  lines.push(
    `Installed capacity   ${fmt(s.installed_capacity_mw, 1).padStart(10)} MW  (${s.turbine_count} x ${fmt(s.unit_rated_power_mw, 2)} MW)`,
  );
  lines.push(`Capacity factor      ${fmt(s.capacity_factor * 100, 1).padStart(10)} %${pumping ? '  (net energy)' : ''}`);
  lines.push(`Full-load hours      ${fmt(s.full_load_hours, 0).padStart(10)} h${pumping ? '  (net energy)' : ''}`);
  lines.push(`Hours generating     ${fmt(s.generating_hours, 0).padStart(10)} h`);
  lines.push(`Tides (high waters)  ${fmt(s.tides, 0).padStart(10)}`);
  lines.push(`Generating periods   ${fmt(s.generating_periods, 0).padStart(10)}`);
  lines.push(`Half tides           ${fmt(s.half_tides, 0).padStart(10)}  (per-tide ledger: tides.csv)`);
  lines.push(`Mass balance error   ${s.mass_balance_error.toExponential(1).padStart(10)} (relative)`);
  lines.push(
    `Step overshoot       ${fmt(s.step_overshoot_m * 1000, 2).padStart(10)} mm  (largest excursion of the basin past the sea in one step)`,
  );
  lines.push('');
  lines.push(`Energy per month (GWh${pumping ? ', net of pumping' : ''})`);
  const max = Math.max(...s.monthly.map((m) => m.energy_gwh), 1e-12);
  for (const m of s.monthly)
    lines.push(
      `  ${m.month}  ${fmt(m.energy_gwh, 1).padStart(8)}  ${'#'.repeat(Math.max(0, Math.round((m.energy_gwh / max) * 40)))}`,
    );
  lines.push('');
  lines.push('Data');
  for (const d of s.data_files) lines.push(`  ${d}`);
  for (const n of s.data_notes) lines.push(`  note: ${n}`);
  return lines.join('\n');
}

function stageLine(st: Stage, sign: string, indent = '  '): string {
  const factor = st.factor === null ? '' : `x ${st.factor.toFixed(3)}`;
  const change = st.loss_annual_gwh === 0 && st.factor === null ? '' : `${sign}${fmt(Math.abs(st.loss_annual_gwh), 1)}`;
  return `${indent}${st.label.padEnd(52)}${fmt(st.annual_gwh, 1).padStart(10)}  ${change.padStart(8)}  ${factor}`;
}

/** The loss waterfall: generation from the water to the grid, then pumping from the water to the grid. */
function waterfallText(w: Waterfall): string[] {
  const lines = [`Loss waterfall (GWh/yr)${' '.repeat(33)}energy    change  factor`];
  for (const st of w.generation) lines.push(stageLine(st, '-'));
  if (w.pumping.length > 0) {
    lines.push('  pumping:');
    for (const st of w.pumping) lines.push(stageLine(st, st.loss_annual_gwh < 0 ? '-' : '+', '    '));
  }
  lines.push(`  net exported${' '.repeat(40)}${fmt(w.net_annual_gwh, 1).padStart(10)}`);
  return lines;
}
