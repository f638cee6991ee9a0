/** Figures of docs/scenarios.md: the shipped Mersey scenarios as `simulate --json` gives them. */

/** The Mersey scenarios of models/ that docs/scenarios.md tabulates. */
export const SCENARIOS = ['mersey-barrage', 'mersey-barrage-libaux-ebb', 'mersey-lagoon'];

/**
 * The run of models/`name`.json with its series.csv, written to cli.out(name): the summary here,
 * the series for the row widths of docs/errors.md (sizes.js). One run serves both.
 */
export const scenarioRun = (cli, name) =>
  cli.json(['simulate', `models/${name}.json`, '--json', '--quiet', '--series', '--out', cli.out(name)]);

/** @type {import('./figures.js').FigureSet} */
export default {
  'mersey-scenarios': {
    cost: 'fast',
    async generate(cli) {
      const f = cli.fmt;
      const rows = await Promise.all(
        SCENARIOS.map(async (name) => {
          const s = await scenarioRun(cli, name);
          return `| \`${name}.json\` | ${s.operation} | ${f(s.annual_energy_gwh, 1)} | ${f(s.annual_generated_energy_gwh, 1)} | ${f(s.annual_pumping_energy_gwh, 1)} | ${f(s.installed_capacity_mw, 1)} MW | ${f(100 * s.capacity_factor, 1)} % |`;
        }),
      );
      return [
        '| scenario | operation | net GWh/yr | generated | pumping | capacity | capacity factor |',
        '|---|---|---:|---:|---:|---:|---:|',
        ...rows,
      ].join('\n');
    },
  },
};
