/**
 * Net energy of each half tide of the solver's ledger against the sea's fall or rise in it. Each
 * set of dots (a side of a run) is drawn as one SVG path, a layout shape (dotShape), and hovered
 * through a trace that draws nothing: a marker per half tide was an SVG element each, and so was
 * each segment of a line trace broken by gaps (plotly.js draws a path per segment), thousands on
 * a comparison of three years.
 */

import { J_PER_MWH } from '../../physics.js';
import { axis, baseLayout, type Figure, HALF_COLOURS, plotlyTime, r1, r3, runColour, type Trace } from '../layout.js';
import { generatingHalves, pumps, type ReportRun } from '../report-run.js';
import { rangeHalfTides, seaExcursions } from '../tide-ranges.js';

/**
 * Points as round dots of one path shape in data coordinates: each point a zero-length segment,
 * drawn with round line caps (the page's style sheet, for the plot with id "tides") at the line's
 * width. It carries the legend entry (a filled marker of the colour); the trace of the same legend
 * group, which draws nothing, carries the points for the hover, so both hide and show together.
 */
function dotShape(x: readonly number[], y: readonly number[], style: { name: string; colour: string; width: number }) {
  return {
    type: 'path',
    xref: 'x',
    yref: 'y',
    path: x.map((v, i) => `M${v},${y[i]}L${v},${y[i]}`).join(''),
    line: { color: style.colour, width: style.width },
    opacity: 0.7,
    name: style.name,
    showlegend: true,
    legendgroup: style.name,
  };
}

export function tidesFigure(runs: readonly ReportRun[]): Figure {
  const one = runs.length === 1;
  const data: Trace[] = [];
  const shapes: ReturnType<typeof dotShape>[] = [];
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
      const x = pts.map((p) => r3(p.excursion.range_m));
      const y = pts.map((p) => r3(net(p.tide) / J_PER_MWH));
      const name = one ? `${half} half tide` : halves.length > 1 ? `${run.label}: ${half}` : run.label;
      const colour = one ? HALF_COLOURS[half] : runColour(k);
      // Several runs share a colour per run: the flood's dots are the smaller.
      shapes.push(dotShape(x, y, { name, colour, width: one || half === 'ebb' ? 6 : 4 }));
      data.push({
        type: 'scatter',
        mode: 'none',
        x,
        y,
        customdata: pts.map((p) => [
          plotlyTime(p.tide.start).slice(0, 16),
          ...(pumped ? [r1(p.tide.generated / J_PER_MWH), r1(p.tide.pumped / J_PER_MWH)] : []),
        ]),
        name,
        legendgroup: name,
        showlegend: false,
        hoverlabel: { bgcolor: colour },
        hovertemplate: `${half} half tide from %{customdata[0]} UTC<br>${half === 'ebb' ? 'fall' : 'rise'} of the sea %{x:.2f} m<br>${pumped ? 'net %{y:.0f} MWh (generated %{customdata[1]:.0f}, pumping %{customdata[2]:.0f} MWh)' : '%{y:.0f} MWh'}<extra>${run.label}</extra>`,
      });
    }
  });
  return {
    id: 'tides',
    title: 'Energy per half tide against tidal range',
    caption: `One dot per complete half tide of the per-tide ledger (tides.csv): net energy (MWh) against the fall (ebb) or rise (flood) of the sea it overlaps longest${one ? '' : " (the flood's dots the smaller)"}; ${shares.join('; ')}.`,
    data,
    layout: {
      ...baseLayout(400),
      shapes,
      xaxis: axis('tidal range: fall (ebb) or rise (flood) of the sea (m)'),
      yaxis: axis('net energy per half tide (MWh)', { rangemode: 'tozero' }),
    },
  };
}
