/**
 * Power duration curve: for each power, the hours of the period the scheme generated at least
 * that much, scaled to a year. The area under it is the generated energy.
 */

import { W_PER_MW } from '../../physics.js';
import { axis, baseLayout, type Figure, r1, r3, runColour, type Trace } from '../layout.js';
import type { ReportRun } from '../report-run.js';

/** Points of the curve: hours per year at or above each power (MW), at most about `points` of them. */
export function durationCurve(run: ReportRun, points = 400): { hours: number[]; mw: number[] } {
  const { sea, series } = run.result;
  const steps = sea.level.length - 1;
  const p = Float64Array.from(series.power.subarray(0, steps)).sort().reverse();
  const perYear = (365.25 * 86400) / (steps * sea.dt);
  const stride = Math.max(1, Math.floor(steps / points));
  const hours: number[] = [];
  const mw: number[] = [];
  for (let i = 0; ; i += stride) {
    const j = Math.min(i, steps - 1);
    hours.push(r1(((j + 1) * sea.dt * perYear) / 3600));
    mw.push(r3(p[j] / W_PER_MW));
    if (j === steps - 1) break;
  }
  return { hours, mw };
}

export function durationFigure(runs: readonly ReportRun[]): Figure {
  const one = runs.length === 1;
  const data: Trace[] = runs.map((run, k) => {
    const c = durationCurve(run);
    return {
      type: 'scatter',
      mode: 'lines',
      name: one ? 'power generated' : run.label,
      x: c.hours,
      y: c.mw,
      line: { color: runColour(k), width: 2 },
      hovertemplate: `at least %{y:.0f} MW for %{x:.0f} h/yr<extra>${one ? '' : run.label}</extra>`,
    };
  });
  const hours = runs.map(
    (r) => `${one ? '' : `${r.label}: `}${r1(r.result.summary.generating_hours)} h generating in the period`,
  );
  return {
    id: 'duration',
    title: 'Power duration curve',
    caption: `Hours per year (period scaled to 365.25 days) at or above each generated power (MW); ${hours.join('; ')}.`,
    data,
    layout: {
      ...baseLayout(380),
      xaxis: axis('hours per year at or above the power (h/yr)', { rangemode: 'tozero' }),
      yaxis: axis('power generated (MW)', { rangemode: 'tozero' }),
    },
  };
}
