/**
 * Tidal-range histogram: how many falls and rises of the sea fall in each range class (0.5 m), and
 * the net energy the scheme made in the half tides of each class: where the energy comes from.
 */

import { J_PER_GWH } from '../../physics.js';
import { axis, baseLayout, type Figure, r3, rightAxis, runColour, type Trace } from '../layout.js';
import { generatingHalves, type ReportRun } from '../report-run.js';
import { rangeHalfTides, seaExcursions } from '../tide-ranges.js';

export const RANGE_CLASS_M = 0.5;

export interface RangeClasses {
  /** Lower edge of each class (m). */
  lower: number[];
  /** Falls and rises of the sea on the generating sides in each class. */
  count: number[];
  /** Net energy of the complete half tides whose range is in the class (GWh). */
  energy_gwh: number[];
}

export function rangeClasses(run: ReportRun, width = RANGE_CLASS_M): RangeClasses {
  const halves = generatingHalves(run.ops);
  const ex = seaExcursions(run.result.sea).filter((e) => halves.includes(e.half));
  const ranged = rangeHalfTides(run.result.halfTides, ex);
  const top = Math.max(0, ...ex.map((e) => e.range_m));
  const n = Math.floor(top / width) + 1;
  const count = new Array<number>(n).fill(0);
  const energy = new Array<number>(n).fill(0);
  for (const e of ex) count[Math.floor(e.range_m / width)]++;
  for (const p of ranged) energy[Math.floor(p.excursion.range_m / width)] += (p.tide.generated - p.tide.pumped) / J_PER_GWH;
  return { lower: count.map((_, i) => r3(i * width)), count, energy_gwh: energy.map(r3) };
}

export function rangesFigure(runs: readonly ReportRun[]): Figure {
  const data: Trace[] = [];
  runs.forEach((run, k) => {
    const c = rangeClasses(run);
    const x = c.lower.map((l) => r3(l + RANGE_CLASS_M / 2));
    const who = runs.length === 1 ? '' : ` (${run.label})`;
    if (k === 0 || runs.length === 1)
      data.push({
        type: 'bar',
        name: 'falls and rises of the sea',
        x,
        y: c.count,
        offsetgroup: 'count',
        marker: { color: '#9aa5b1' },
        hovertemplate: '%{x:.2f} m ± 0.25: %{y} falls or rises<extra></extra>',
      });
    data.push({
      type: 'bar',
      name: `net energy${who}`,
      x,
      y: c.energy_gwh,
      yaxis: 'y2',
      offsetgroup: `energy${k}`,
      marker: { color: runColour(k) },
      hovertemplate: `%{x:.2f} m ± 0.25: %{y:.1f} GWh${who}<extra></extra>`,
    });
  });
  return {
    id: 'ranges',
    title: 'Tidal ranges and the energy made in each range class',
    caption: `Grey: falls and rises of the sea on the generating sides in each ${RANGE_CLASS_M} m class of range (count, left axis); coloured: net energy of the complete half tides in the class (GWh, right axis).`,
    data,
    layout: {
      ...baseLayout(380, { right: true }),
      barmode: 'group',
      xaxis: axis('tidal range: fall or rise of the sea (m)'),
      yaxis: axis('falls and rises (count)', { rangemode: 'tozero' }),
      yaxis2: rightAxis('net energy (GWh)', { rangemode: 'tozero' }),
    },
  };
}
