/**
 * The run page's legends (src/report/legend.ts), in the page's HTML instead of plotly.js's, and
 * the per-tide dots, whose legend entry is their shape's: on a month of the default scenario (both
 * directions generate and both pump in it, about a hundred dots; html.test.ts has the whole year's page),
 * so that this file does not simulate the year again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { J_PER_MWH } from '../../src/physics.js';
import type { Figure } from '../../src/report/layout.js';
import { generatingHalves, type ReportRun } from '../../src/report/report-run.js';
import { figureById, reportRun, runPage } from './run-page.js';

describe('the run page: legends and per-tide dots', () => {
  let run: ReportRun;
  let figures: Figure[];
  let html: string;
  beforeAll(() => {
    ({ run, figures, html } = runPage(
      reportRun({ edit: (s) => (s.period = { start: '2018-03-01T00:00:00Z', end: '2018-04-01T00:00:00Z' }) }),
    ));
  });

  it('legends in the page, not drawn by plotly.js: an entry per named trace or shape, a hover-only trace in its group', () => {
    const levels = figureById(figures, 'levels');
    expect(levels.layout.showlegend).toBe(false);
    expect(levels.legend!.map((it) => it.name)).toEqual([
      'sea level',
      'basin level',
      'head, basin - sea',
      'start head',
      'end head',
      'power generated',
      'power drawn pumping (negative)',
      'pumping limit (all units at full pumping power)',
      'installed capacity',
    ]);
    for (const it of levels.legend!) expect(levels.data[it.traces[0]].name).toBe(it.name);
    expect(levels.legend!.find((it) => it.name === 'start head')!.symbol).toEqual({
      colour: '#b3261e',
      opacity: 1,
      line: { width: 1, dash: 'dash' },
    });
    // The per-tide dots: the entry is the shape's, and hides the trace that carries their hover too.
    const tides = figureById(figures, 'tides');
    expect(tides.legend!.map((it) => [it.name, it.traces, it.shapes])).toEqual([
      ['ebb half tide', [0], [0]],
      ['flood half tide', [1], [1]],
    ]);
    // Each entry is a button in the plot's section, before the plot.
    const section = html.slice(html.indexOf('<section id="section-levels">'), html.indexOf('<div class="plot" id="levels">'));
    expect(section.match(/class="legend-item"/g)).toHaveLength(levels.legend!.length);
    expect(section).toContain('stroke-dasharray="9,9"'); // the start head's dash, as plotly.js draws it
  });

  it('per-tide scatter: one dot per complete half tide, its net energy from the ledger, all the dots of a side one path', () => {
    const f = figureById(figures, 'tides');
    const pts = f.data as { x: number[]; y: number[]; customdata: [string][]; mode: string; legendgroup: string }[];
    const shapes = f.layout.shapes as { type: string; path: string; legendgroup: string; showlegend: boolean }[];
    expect(shapes.length).toBe(pts.length);
    const ledger = new Map(
      run.result.halfTides.map((h) => [new Date(h.start * 1000).toISOString().replace('T', ' ').slice(0, 16), h]),
    );
    let dots = 0;
    pts.forEach((t, k) => {
      // The trace draws nothing and carries the hover; the shape of its legend group draws its
      // points, each a zero-length segment.
      expect(t.mode).toBe('none');
      expect([shapes[k].type, shapes[k].legendgroup, shapes[k].showlegend]).toEqual(['path', t.legendgroup, true]);
      // Each segment starts and ends at its dot: M x,y L x,y.
      const segments = shapes[k].path
        .split('M')
        .slice(1)
        .map((seg) => seg.split(/[,L]/).map(Number));
      expect(segments).toEqual(t.x.map((x, i) => [Number(x), t.y[i], Number(x), t.y[i]]));
      t.x.forEach((_, i) => {
        const h = ledger.get(t.customdata[i][0])!;
        expect(h.partial).toBe(false);
        expect(t.y[i]).toBeCloseTo((h.generated - h.pumped) / J_PER_MWH, 3);
        dots++;
      });
    });
    // Counted from the ledger alone: its complete half tides on the generating sides, less at most
    // the two at the ends of the period whose fall or rise of the sea the period cuts.
    const halves = generatingHalves(run.ops);
    const complete = run.result.halfTides.filter((h) => !h.partial && halves.includes(h.half)).length;
    expect(dots).toBeLessThanOrEqual(complete);
    expect(dots).toBeGreaterThanOrEqual(complete - 2);
    expect(html).toContain('#tides .shapelayer path { stroke-linecap: round; }'); // a zero-length segment shows only with round caps
  });
});
