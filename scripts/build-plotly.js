// The plotly.js bundle the report pages inline: plotly.js's core (scatter and every component)
// with the bar and heatmap traces only, built from the pinned plotly.js package's own modules the
// way plotly.js builds its partial bundles (esbuild, an IIFE setting window.Plotly, the attribute
// descriptions stripped by plotly.js's own plugin, minified). The official cartesian bundle also
// registers box, violin, histograms, contours, ternary, image and pie, and those registrations
// were most of the time a page took to start (docs/reports.md).
// Writes dist/plotly/plotly-report.min.js and its manifest (release, traces, size, sha256); the
// same packages give the same bytes. Run by `npm run build`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The trace modules registered besides scatter, which plotly.js's core always holds. */
export const TRACES = ['bar', 'heatmap'];

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const plotlyDir = dirname(require.resolve('plotly.js/package.json'));
const plotlyVersion = JSON.parse(readFileSync(join(plotlyDir, 'package.json'), 'utf8')).version;
const esbuildVersion = JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')).version;
const stripMeta = require(join(plotlyDir, 'tasks', 'compress_attributes.js'));

const entry = `var Plotly = require('./lib/core');
Plotly.register([${TRACES.map((t) => `require('./lib/${t}')`).join(', ')}]);
module.exports = Plotly;`;

const out = await build({
  stdin: { contents: entry, resolveDir: plotlyDir, sourcefile: 'index-report.js', loader: 'js' },
  bundle: true,
  write: false,
  minify: true,
  format: 'iife',
  globalName: 'Plotly',
  target: 'es2016',
  // As plotly.js's esbuild-config.js; the map traces' stylesheet, which core requires, is not needed.
  define: { global: 'window', 'define.amd': 'false' },
  loader: { '.css': 'empty' },
  plugins: [stripMeta],
  legalComments: 'eof',
  logLevel: 'warning',
});
const copyright = readFileSync(join(plotlyDir, 'LICENSE'), 'utf8').match(/^Copyright.*$/m)?.[0] ?? 'see its LICENSE';
const license = `/*! plotly.js ${plotlyVersion} (MIT License, ${copyright}): core (scatter) with ${TRACES.join(', ')}, built by mersey-tidal's scripts/build-plotly.js with esbuild ${esbuildVersion} */\n`;
const text = license + out.outputFiles[0].text;
const dir = join(root, 'dist', 'plotly');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'plotly-report.min.js');
writeFileSync(`${file}.tmp`, text);
renameSync(`${file}.tmp`, file);
const manifest = {
  plotly_js: plotlyVersion,
  traces: ['scatter', ...TRACES],
  esbuild: esbuildVersion,
  bytes: Buffer.byteLength(text),
  sha256: createHash('sha256').update(text).digest('hex'),
};
writeFileSync(join(dir, 'plotly-report.json'), `${JSON.stringify(manifest, null, 2)}\n`);
