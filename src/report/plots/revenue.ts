/** Revenue and price per day, for runs with prices (net of what pumping buys). */

import { DAY_S, J_PER_MWH } from '../../physics.js';
import { axis, baseLayout, type Figure, r1, r3, rightAxis, runColour, SEA_COLOUR, type Trace } from '../layout.js';
import type { ReportRun } from '../report-run.js';

/** Net revenue (GBP) and mean price (GBP/MWh) of each UTC day of a run with prices. */
export function dailyRevenue(run: ReportRun, prices: Float64Array): { start: number[]; gbp: number[]; price: number[] } {
  const { sea, series } = run.result;
  const start: number[] = [];
  const gbp: number[] = [];
  const price: number[] = [];
  let n = 0;
  for (let i = 0; i < sea.level.length - 1; i++) {
    const day = Math.floor((sea.t0 + i * sea.dt) / DAY_S) * DAY_S;
    if (start[start.length - 1] !== day) {
      if (n > 0) price[price.length - 1] /= n;
      start.push(day);
      gbp.push(0);
      price.push(0);
      n = 0;
    }
    gbp[gbp.length - 1] += (((series.power[i] - series.pumpPower[i]) * sea.dt) / J_PER_MWH) * prices[i];
    price[price.length - 1] += prices[i];
    n++;
  }
  if (n > 0) price[price.length - 1] /= n;
  return { start, gbp, price };
}

export function revenueFigure(runs: readonly ReportRun[], base: number): Figure | undefined {
  const priced = runs.filter((r) => r.prices);
  if (priced.length === 0) return undefined;
  const data: Trace[] = [];
  const totals: string[] = [];
  priced.forEach((run, k) => {
    const d = dailyRevenue(run, run.prices as Float64Array);
    const total = d.gbp.reduce((a, b) => a + b, 0);
    const mwh = run.result.summary.energy_gwh * 1000;
    totals.push(
      `${priced.length > 1 ? `${run.label}: ` : ''}${r1(total / 1e6)} million GBP net over the period${mwh > 0 ? `, captured price ${r1(total / mwh)} GBP/MWh` : ''}`,
    );
    data.push({
      type: 'bar',
      name: `net revenue${priced.length > 1 ? ` (${run.label})` : ''}`,
      xt: d.start.map((t) => r1(t + DAY_S / 2 - base)),
      y: d.gbp.map((g) => r3(g / 1000)),
      offsetgroup: String(k),
      marker: { color: runColour(runs.indexOf(run)) },
      hovertemplate: `%{x|%d %b %Y}: %{y:.1f} thousand GBP<extra>${run.label}</extra>`,
    });
    if (k === 0)
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: 'daily mean price',
        xt: d.start.map((t) => r1(t + DAY_S / 2 - base)),
        y: d.price.map(r3),
        yaxis: 'y2',
        line: { color: SEA_COLOUR, width: 1.2 },
        hovertemplate: '%{x|%d %b %Y}: %{y:.1f} GBP/MWh<extra>price</extra>',
      });
  });
  return {
    id: 'revenue',
    title: 'Revenue and price per day',
    caption: `Net revenue of each UTC day (energy sold minus energy bought for pumping, at the price in force each step; thousand GBP) and the day's mean price (GBP/MWh, right axis); ${totals.join('; ')}.`,
    data,
    layout: {
      ...baseLayout(380, { right: true }),
      barmode: 'group',
      xaxis: axis('day (UTC)', { type: 'date' }),
      yaxis: axis('net revenue per day (thousand GBP)'),
      yaxis2: rightAxis('price (GBP/MWh)'),
    },
  };
}
