/**
 * Energy per calendar month (per day for a run of two months or less): generated on the ebb and on
 * the flood, drawn by pumping, and the capacity factor of each month. Several runs: their net
 * energy side by side.
 */

import { DAY_S, J_PER_GWH } from '../../physics.js';
import type { Result } from '../../simulate.js';
import { axis, baseLayout, type Figure, HALF_COLOURS, PUMP_COLOUR, r1, r3, rightAxis, runColour, type Trace } from '../layout.js';
import { pumps, type ReportRun } from '../report-run.js';

/** Energy of one calendar bin (GWh) and the time of the run inside it (s). */
export interface EnergyBin {
  /** Start of the calendar month or day (s since the epoch) and its length (s). */
  start: number;
  length: number;
  ebb_gwh: number;
  flood_gwh: number;
  pumping_gwh: number;
  /** Time of the run inside the bin (s). */
  covered_s: number;
}

/** Whether bins are days (runs of at most 62 days) or months. */
export const binsAreDays = (r: Result) => r.summary.period_days <= 62;

function binStart(t: number, days: boolean): number {
  if (days) return Math.floor(t / DAY_S) * DAY_S;
  const d = new Date(t * 1000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
}

function binEnd(start: number, days: boolean): number {
  if (days) return start + DAY_S;
  const d = new Date(start * 1000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
}

/** The run's steps summed per calendar bin (a step counts in the bin its start falls in). */
export function energyBins(run: ReportRun, days = binsAreDays(run.result)): EnergyBin[] {
  const { sea, series } = run.result;
  const gen = run.ops.generate;
  const out: EnergyBin[] = [];
  let bin: EnergyBin | undefined;
  for (let i = 0; i < sea.level.length - 1; i++) {
    const t = sea.t0 + i * sea.dt;
    if (!bin || t >= bin.start + bin.length) {
      const start = binStart(t, days);
      bin = { start, length: binEnd(start, days) - start, ebb_gwh: 0, flood_gwh: 0, pumping_gwh: 0, covered_s: 0 };
      out.push(bin);
    }
    const e = (series.power[i] * sea.dt) / J_PER_GWH;
    if (gen[series.mode[i]] < 0) bin.flood_gwh += e;
    else bin.ebb_gwh += e;
    bin.pumping_gwh += (series.pumpPower[i] * sea.dt) / J_PER_GWH;
    bin.covered_s += sea.dt;
  }
  return out;
}

/** Capacity factor of a bin (%): net energy over installed capacity for the run's time in it. */
const binCf = (b: EnergyBin, mw: number) =>
  (100 * (b.ebb_gwh + b.flood_gwh - b.pumping_gwh) * 1000) / (mw * (b.covered_s / 3600));

export function energyFigure(runs: readonly ReportRun[], base: number): Figure {
  const one = runs.length === 1;
  const days = runs.every((r) => binsAreDays(r.result));
  const what = days ? 'day' : 'month';
  const data: Trace[] = [];
  runs.forEach((run, k) => {
    const bins = energyBins(run, days);
    const mw = run.result.summary.installed_capacity_mw;
    // Bars placed explicitly (start of the bin, width and offset in ms): side by side for several runs.
    const width = bins.map((b) => Math.round((800 * b.length) / runs.length));
    const offset = bins.map((b) => Math.round(100 * b.length + (k * 800 * b.length) / runs.length));
    const xt = bins.map((b) => r1(b.start - base));
    const label = days ? '%{x|%d %b %Y}' : '%{x|%B %Y}';
    const bar = (name: string, y: number[], colour: string, unit = 'GWh'): Trace => ({
      type: 'bar',
      name,
      xt,
      width,
      offset,
      y: y.map((v) => r3(v)),
      marker: { color: colour, opacity: one ? 0.85 : 0.7 },
      hovertemplate: `${label}: %{y:.2f} ${unit} ${name}<extra></extra>`,
    });
    if (one) {
      if (bins.some((b) => b.ebb_gwh > 0))
        data.push(
          bar(
            'ebb generation',
            bins.map((b) => b.ebb_gwh),
            HALF_COLOURS.ebb,
          ),
        );
      if (bins.some((b) => b.flood_gwh > 0))
        data.push(
          bar(
            'flood generation',
            bins.map((b) => b.flood_gwh),
            HALF_COLOURS.flood,
          ),
        );
      if (pumps(run.result))
        data.push(
          bar(
            'drawn by pumping (negative)',
            bins.map((b) => -b.pumping_gwh),
            PUMP_COLOUR,
          ),
        );
    } else {
      data.push(
        bar(
          `net (${run.label})`,
          bins.map((b) => b.ebb_gwh + b.flood_gwh - b.pumping_gwh),
          runColour(k),
        ),
      );
    }
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: `capacity factor${one ? '' : ` (${run.label})`}`,
      xt: bins.map((b, j) => r1(b.start - base + (offset[j] + width[j] / 2) / 1000)),
      y: bins.map((b) => r1(binCf(b, mw))),
      yaxis: 'y2',
      marker: {
        symbol: 'line-ew',
        size: Math.max(10, Math.round(30 / runs.length)),
        line: { width: 3, color: one ? '#222' : runColour(k) },
      },
      hovertemplate: `${days ? '%{x|%d %b %Y}' : '%{x|%B %Y}'}: capacity factor %{y:.1f} %<extra>${one ? '' : run.label}</extra>`,
    });
  });
  const totals = runs.map((r) => `${one ? '' : `${r.label}: `}${r1(r.result.summary.energy_gwh)} GWh net`).join('; ');
  return {
    id: 'energy',
    title: `Energy per ${what}: ebb, flood, pumping; capacity factor`,
    caption: one
      ? `Bars: energy generated on the ebb and on the flood (stacked) and drawn by pumping (below zero) in each UTC ${what} (GWh); ticks: net capacity factor of the ${what} (%, right axis); ${totals} over the period.`
      : `Bars: net energy (generated minus pumping) of each run in each UTC ${what} (GWh); ticks: its capacity factor (%, right axis); ${totals}.`,
    data,
    layout: {
      ...baseLayout(420, { right: true }),
      barmode: one ? 'relative' : 'overlay',
      xaxis: axis(`${what} (UTC)`, { type: 'date' }),
      yaxis: axis(`energy per ${what} (GWh)`),
      yaxis2: rightAxis('capacity factor (%)', { rangemode: 'tozero' }),
    },
  };
}
