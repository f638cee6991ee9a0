/**
 * Figures of docs/tide.md: stations near a point, the station check against the built-in site,
 * and the harmonic analysis of the observed 2018 Liverpool record.
 */

const OBSERVED = 'data/liverpool-gladstone-dock-2018-observed.csv';
const codeBlock = (text) => `\`\`\`\n${text.trimEnd()}\n\`\`\``;

/** Levels of 2018 at 10-minute steps in m MSL from `tide predict --json`. */
const year2018 = (cli, site) =>
  cli.json([
    'tide',
    'predict',
    '--site',
    site,
    '--from',
    '2018-01-01T00:00Z',
    '--to',
    '2019-01-01T00:00Z',
    '--step',
    '600',
    '--datum',
    'MSL',
    '--json',
    '--quiet',
  ]);

/** The fit of the 2018 record, with `extra` options. */
const fit2018 = (cli, extra) => cli.json(['tide', 'fit', OBSERVED, '--json', '--quiet', ...extra]);

/** @type {import('./figures.js').FigureSet} */
export default {
  'sites-near-swansea': {
    cost: 'fast',
    async generate(cli) {
      const args = ['sites', '--near', '51.57,-3.97', '--limit', '4'];
      return codeBlock(`$ mersey-tidal ${args.join(' ')}\n${await cli.text([...args, '--quiet'])}`);
    },
  },
  'station-check': {
    // four year-long predictions, two of them loading the station database
    cost: 'slow',
    async generate(cli) {
      const pairs = [
        ['liverpool', 'ticon/liverpool_gladstone_dock-liv-gbr-bodc'],
        ['mumbles', 'ticon/mumbles-mum-gbr-bodc'],
      ];
      const rows = await Promise.all(
        pairs.map(async ([builtin, id]) => {
          const [a, b] = await Promise.all([year2018(cli, builtin), year2018(cli, id)]);
          let worst = 0;
          let range = [Infinity, -Infinity];
          a.levels_m.forEach((x, i) => {
            worst = Math.max(worst, Math.abs(x - b.levels_m[i]));
            range = [Math.min(range[0], x), Math.max(range[1], x)];
          });
          return `| ${builtin} | ${id} | ${a.levels_m.length.toLocaleString('en-GB')} | ${cli.fmt(range[1] - range[0], 2)} m | ${cli.fmt(worst * 1000, 1)} mm |`;
        }),
      );
      return [
        '| built-in site | station | levels | range | largest difference |',
        '|---|---|---:|---:|---:|',
        ...rows,
        '',
        '(levels as `tide predict --json` writes them, to 0.1 mm)',
      ].join('\n');
    },
  },
  'fit-2018': {
    cost: 'fast',
    async generate(cli) {
      const runs = [
        ['default list, R = 1', await fit2018(cli, [])],
        ['--rayleigh 0.99', await fit2018(cli, ['--rayleigh', '0.99'])],
      ];
      const m2 = (f) => f.site.constituents.find((c) => c.name === 'M2');
      const sa = (f) => f.site.constituents.find((c) => c.name === 'SA');
      return [
        '  | fit | samples | days | kept | left out | M2 amplitude | M2 phase | SA | rms residual |',
        '  |---|---:|---:|---:|---:|---:|---:|---:|---:|',
        ...runs.map(
          ([what, f]) =>
            `  | ${what} | ${f.samples.toLocaleString('en-GB')} | ${cli.fmt(f.span_days, 2)} | ${f.site.constituents.length} | ${f.excluded.length} | ${cli.fmt(m2(f).amplitude, 4)} m | ${cli.fmt(m2(f).phase, 2)} deg | ${sa(f) ? `${cli.fmt(sa(f).amplitude * 100, 1)} cm` : 'left out'} | ${cli.fmt(f.rms_residual_m, 4)} m |`,
        ),
        '',
        `  TICON-4 M2 at the same gauge (data/sites/liverpool.json): ${await ticonM2(cli)}.`,
      ].join('\n');
    },
  },
};

/** TICON's M2 at Liverpool as the built-in site gives it (the site file, written by `tide fit`'s own writer). */
async function ticonM2(cli) {
  const { readFile } = await import('node:fs/promises');
  const site = JSON.parse(await readFile(new URL('../../data/sites/liverpool.json', import.meta.url), 'utf8'));
  const m2 = site.constituents.find((c) => c.name === 'M2');
  return `${cli.fmt(m2.amplitude, 4)} m, ${cli.fmt(m2.phase, 2)} deg`;
}
