/**
 * The loss waterfall of summary.waterfall (scheme/losses.ts, docs/losses.md): from the hydraulic
 * energy released through the turbines, each stage's loss down to the energy exported, then the
 * energy drawn by pumping, ending on the net annual energy. Drawn as floating bars (the cartesian
 * bundle has no waterfall trace); left out when there is nothing generated to break down.
 */

import type { Waterfall } from '../../scheme/losses.js';
import { axis, baseLayout, type Figure, PUMP_COLOUR, r1, r3, slantedLabelsMargin } from '../layout.js';
import type { ReportRun } from '../report-run.js';

/** The waterfall of a run's summary, when it has generation stages. */
export function waterfallOf(run: ReportRun): Waterfall | undefined {
  const w: Waterfall | undefined = run.result.summary.waterfall;
  return w && w.generation.length > 0 ? w : undefined;
}

/** Bars of the waterfall: the first stage, each loss, the export, pumping, the net (GWh/yr). */
export function waterfallBars(w: Waterfall): { label: string; base: number; size: number; kind: 'total' | 'loss' | 'pumping' }[] {
  const [first, ...rest] = w.generation;
  const bars: { label: string; base: number; size: number; kind: 'total' | 'loss' | 'pumping' }[] = [
    { label: first.label, base: 0, size: first.annual_gwh, kind: 'total' },
  ];
  let level = first.annual_gwh;
  for (const s of rest) {
    bars.push({
      label: `${s.label}${s.factor !== null ? ` (x${Number(s.factor.toPrecision(3))})` : ''}`,
      base: level - s.loss_annual_gwh,
      size: s.loss_annual_gwh,
      kind: 'loss',
    });
    level -= s.loss_annual_gwh;
  }
  bars.push({ label: 'exported', base: 0, size: w.exported_annual_gwh, kind: 'total' });
  if (w.pumping_annual_gwh > 0) {
    bars.push({
      label: 'drawn by pumping',
      base: w.exported_annual_gwh - w.pumping_annual_gwh,
      size: w.pumping_annual_gwh,
      kind: 'pumping',
    });
    bars.push({ label: 'net', base: 0, size: w.net_annual_gwh, kind: 'total' });
  }
  return bars;
}

export function waterfallFigure(run: ReportRun): Figure | undefined {
  const w = waterfallOf(run);
  if (!w) return undefined;
  const bars = waterfallBars(w);
  const colour = { total: '#1f5fa8', loss: '#d0421b', pumping: PUMP_COLOUR };
  return {
    id: 'waterfall',
    title: 'Where the energy goes: loss waterfall',
    caption: `Annual energy (GWh/yr) from the hydraulic energy released through the turbines, less each stage's loss, to the ${r1(w.exported_annual_gwh)} GWh/yr exported${w.pumping_annual_gwh > 0 ? `, less ${r1(w.pumping_annual_gwh)} GWh/yr drawn by pumping, to ${r1(w.net_annual_gwh)} GWh/yr net` : ''}.`,
    data: [
      {
        type: 'bar',
        name: 'annual energy',
        x: bars.map((b) => b.label),
        y: bars.map((b) => r3(b.size)),
        base: bars.map((b) => r3(b.base)),
        marker: { color: bars.map((b) => colour[b.kind]) },
        hovertemplate: bars.map((b) => `${b.kind === 'total' ? '' : '-'}%{y:.1f} GWh/yr<extra></extra>`),
      },
    ],
    layout: {
      ...baseLayout(420),
      margin: {
        t: 30,
        r: 30,
        b: slantedLabelsMargin(
          bars.map((b) => b.label),
          25,
        ),
        l: 75,
      },
      showlegend: false,
      xaxis: axis('stage', { type: 'category', tickangle: 25, automargin: true }),
      yaxis: axis('annual energy (GWh/yr)', { rangemode: 'tozero' }),
    },
  };
}
