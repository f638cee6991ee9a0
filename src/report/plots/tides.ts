/** Net energy of each half tide of the solver's ledger against the sea's fall or rise in it. */

import { J_PER_MWH } from '../../physics.js';
import { axis, baseLayout, type Figure, HALF_COLOURS, plotlyTime, r1, r3, runColour, type Trace } from '../layout.js';
import { generatingHalves, pumps, type ReportRun } from '../report-run.js';
import { rangeHalfTides, seaExcursions } from '../tide-ranges.js';

export function tidesFigure(runs: readonly ReportRun[]): Figure {
  const one = runs.length === 1;
  const data: Trace[] = [];
  const shares: string[] = [];
  runs.forEach((run, k) => {
    const r = run.result;
    const halves = generatingHalves(run.ops);
    const pumped = pumps(r);
    const net = (h: { generated: number; pumped: number }) => h.generated - h.pumped;
    const shown = rangeHalfTides(r.halfTides, seaExcursions(r.sea)).filter((p) => halves.includes(p.tide.half));
    const total = r.halfTides.reduce((a, h) => a + net(h), 0);
    const held = shown.reduce((a, p) => a + net(p.tide), 0);
    shares.push(
      `${one ? '' : `${run.label}: `}${shown.length} half tides${total > 0 ? ` holding ${r1((100 * held) / total)} % of the net energy` : ''}`,
    );
    for (const half of halves) {
      const pts = shown.filter((p) => p.tide.half === half);
      data.push({
        type: 'scatter',
        mode: 'markers',
        name: one ? `${half} half tide` : halves.length > 1 ? `${run.label}: ${half}` : run.label,
        x: pts.map((p) => r3(p.excursion.range_m)),
        y: pts.map((p) => r3(net(p.tide) / J_PER_MWH)),
        customdata: pts.map((p) => [
          plotlyTime(p.tide.start).slice(0, 16),
          ...(pumped ? [r1(p.tide.generated / J_PER_MWH), r1(p.tide.pumped / J_PER_MWH)] : []),
        ]),
        marker: {
          color: one ? HALF_COLOURS[half] : runColour(k),
          symbol: half === 'ebb' ? 'circle' : 'diamond',
          size: 6,
          opacity: 0.7,
        },
        hovertemplate: `${half} half tide from %{customdata[0]} UTC<br>${half === 'ebb' ? 'fall' : 'rise'} of the sea %{x:.2f} m<br>${pumped ? 'net %{y:.0f} MWh (generated %{customdata[1]:.0f}, pumping %{customdata[2]:.0f} MWh)' : '%{y:.0f} MWh'}<extra>${run.label}</extra>`,
      });
    }
  });
  return {
    id: 'tides',
    title: 'Energy per half tide against tidal range',
    caption: `One point per complete half tide of the per-tide ledger (tides.csv): net energy (MWh) against the fall (ebb) or rise (flood) of the sea it overlaps longest; ${shares.join('; ')}.`,
    data,
    layout: {
      ...baseLayout(400),
      xaxis: axis('tidal range: fall (ebb) or rise (flood) of the sea (m)'),
      yaxis: axis('net energy per half tide (MWh)', { rangemode: 'tozero' }),
    },
  };
}
