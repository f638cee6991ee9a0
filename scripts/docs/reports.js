// Figures of docs/reports.md: the sizes of the report pages as the CLI writes them.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './figures.js';

const mb = (bytes) => (bytes / 1e6).toFixed(1);

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
};
