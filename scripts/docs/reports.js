// Figures of docs/reports.md: the sizes of the report pages as the CLI writes them, the inlined
// plotly.js bundle, and the time to draw each page kind from a recorded run of
// `mersey-tidal bench report --json` (docs/bench-report.json: rerun and commit it to refresh).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, recordedBench, recordedOn } from './figures.js';

const mb = (bytes) => (bytes / 1e6).toFixed(1);

/** The recorded report bench: its figures by page, with the run's date and load. */
function reportBench() {
  const r = recordedBench('bench-report.json', 'report');
  const b = r.benches.report;
  const pages = new Map();
  for (const f of b.figures) {
    const at = f.name.indexOf(': ');
    if (at < 0) continue;
    const page = f.name.slice(0, at);
    if (!pages.has(page)) pages.set(page, {});
    pages.get(page)[f.name.slice(at + 2)] = f;
  }
  return { r, b, pages };
}

/** The report bench as a table: a row per page kind, the peer first. */
function speedTable(cli) {
  const { r, b, pages } = reportBench();
  const ms = (f) => (f ? `${cli.fmt(f.value, 0)} ms` : '');
  // The count of cold opens behind each median, as the bench noted it ("median of 3").
  const notes = [...pages.values()].map((f) => f['every plot drawn']?.note ?? '');
  const opens = notes.map((n) => /median of (\d+)/.exec(n)?.[1]).find((n) => n !== undefined);
  if (opens === undefined) throw new Error('the report bench notes no "median of N" on its draw times');
  const rows = [...pages].map(([page, f]) => {
    const drawn = f['every plot drawn'];
    const verdict = drawn && 'target' in drawn ? ` (${drawn.met ? 'met' : 'missed'})` : '';
    return `| ${page} | ${cli.fmt(f['page size'].value, 2)} MB | ${ms(drawn)}${verdict} | ${ms(f['main-thread CPU until drawn'])} | ${ms(f["main-thread CPU beyond the peer's"])} |`;
  });
  return [
    `${recordedOn(r)}${r.quick ? ', --quick' : ''}, Chromium headless; load average (1 min) ${b.load_before[0]} before, ${b.load_after[0]} after. Medians of ${opens} cold opens.`,
    '',
    '| page | size | every plot drawn (target < 1,500 ms) | main-thread CPU until drawn | CPU beyond the peer |',
    '|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/** @type {import('./figures.js').FigureSet} */
export default {
  'report-page-mb': {
    cost: 'fast',
    async generate(cli) {
      // The default scenario: a year at 5-minute steps, every step inlined.
      const dir = cli.out('default-html');
      await cli.json(['simulate', '--json', '--html', '--out', dir]);
      return `${mb(statSync(join(dir, 'report.html')).size)} MB`;
    },
  },
  'plotly-bundle-mb': {
    cost: 'fast',
    generate() {
      // Built by `npm run build` (scripts/build-plotly.js), which `npm run docs` runs first.
      return `${mb(statSync(join(ROOT, 'dist', 'plotly', 'plotly-report.min.js')).size)} MB`;
    },
  },
  'report-speed': { cost: 'fast', generate: speedTable },
  'report-steps': {
    cost: 'fast',
    async generate(cli) {
      // The quantisation step of each series of the default run's page, read from the page.
      const dir = cli.out('default-html');
      await cli.json(['simulate', '--json', '--html', '--out', dir]);
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      const data = JSON.parse(html.match(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/)[1]);
      const [series] = data.series;
      const step = (key, unit, scale, d) => {
        const c = data.columns[series.cols[key]];
        return c.kind === 'u16' ? `${cli.fmt(c.step * scale, d)} ${unit}` : 'Float32';
      };
      const parts = [
        `sea level ${step('sea', 'mm', 1000, 2)}`,
        `basin level ${step('basin', 'mm', 1000, 2)}`,
        `power generated ${step('power', 'MW', 1, 4)}`,
      ];
      if (series.cols.pump !== undefined) parts.push(`power drawn pumping ${step('pump', 'MW', 1, 4)}`);
      return parts.join(', ');
    },
  },
};
