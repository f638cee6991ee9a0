// Figures of docs/reports.md: the sizes of the report pages as the CLI writes them.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
      const req = createRequire(import.meta.url);
      const pkg = req.resolve('plotly.js-cartesian-dist-min/package.json');
      return `${mb(statSync(join(dirname(pkg), 'plotly-cartesian.min.js')).size)} MB`;
    },
  },
};
