/**
 * Wetted area and stored volume of the basin against level, over the levels the runs reached
 * (with a metre to spare): a constant-area lagoon's table spans +-1000 m only to stop a run-away
 * state, and drawing it whole would hide everything the run did.
 */

import { areaAt, volumeAt } from '../../scheme/basin.js';
import { axis, baseLayout, type Figure, r3, rightAxis, runColour, type Trace } from '../layout.js';
import { datumOf, type ReportRun } from '../report-run.js';

/** Lowest and highest level of the sea and of the basin over the runs (m). */
export function levelsReached(runs: readonly ReportRun[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of runs)
    for (const xs of [r.result.sea.level, r.result.series.basinLevel])
      for (const z of xs) {
        if (z < lo) lo = z;
        if (z > hi) hi = z;
      }
  return [lo, hi];
}

export function basinFigure(runs: readonly ReportRun[]): Figure {
  const [lo, hi] = levelsReached(runs);
  const z0 = Math.floor(lo) - 1;
  const z1 = Math.ceil(hi) + 1;
  const data: Trace[] = [];
  const seen = new Set<string>();
  runs.forEach((run, k) => {
    const b = run.scheme.basin;
    const key = JSON.stringify([Array.from(b.levels), Array.from(b.areas)]);
    if (seen.has(key)) return;
    seen.add(key);
    const who = runs.length === 1 ? '' : ` (${run.label})`;
    const zs: number[] = [];
    for (let i = 0; i <= 200; i++) zs.push(z0 + ((z1 - z0) * i) / 200);
    const v0 = volumeAt(b, z0);
    data.push(
      {
        type: 'scatter',
        mode: 'lines',
        name: `wetted area${who}`,
        x: zs.map(r3),
        y: zs.map((z) => r3(areaAt(b, z) / 1e6)),
        line: { color: runColour(k), width: 2 },
        hovertemplate: `%{x:.2f} m: %{y:.2f} km²<extra>area${who}</extra>`,
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: `stored volume above ${z0} m${who}`,
        x: zs.map(r3),
        y: zs.map((z) => r3((volumeAt(b, z) - v0) / 1e6)),
        yaxis: 'y2',
        line: { color: runColour(k), width: 2, dash: 'dash' },
        hovertemplate: `%{x:.2f} m: %{y:.1f} million m³<extra>volume${who}</extra>`,
      },
    );
  });
  const shapes = runs.map((run, k) => {
    const [a, b] = levelsReached([run]);
    return {
      type: 'rect',
      xref: 'x',
      yref: 'paper',
      x0: r3(a),
      x1: r3(b),
      y0: 0,
      y1: 1,
      fillcolor: runColour(k),
      opacity: 0.08,
      line: { width: 0 },
      layer: 'below',
    };
  });
  const datum = datumOf(runs[0].result);
  return {
    id: 'basin',
    title: 'Basin area and volume over the levels reached',
    caption: `Wetted area (km², solid) and volume stored above ${z0} m${datum} (million m³, dashed) against level, from a metre below to a metre above the levels of sea and basin in the run (shaded: the basin's range).`,
    data,
    layout: {
      ...baseLayout(380, { right: true }),
      shapes,
      xaxis: axis(`level (m${datum})`, { range: [z0, z1] }),
      yaxis: axis('wetted area (km²)', { rangemode: 'tozero' }),
      yaxis2: rightAxis('stored volume (million m³)', { rangemode: 'tozero' }),
    },
  };
}
