/**
 * Figures of the shipped Mersey scenarios as `simulate --json` gives them: docs/scenarios.md's
 * table, and docs/errors.md's mass-balance closure.
 */

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
  'mersey-mass-balance': {
    cost: 'fast',
    async generate(cli) {
      const e = (await Promise.all(SCENARIOS.map((name) => scenarioRun(cli, name)))).map((s) => Math.abs(s.mass_balance_error));
      const x = (v) => v.toExponential(1);
      return `${x(Math.min(...e))} to ${x(Math.max(...e))} on the shipped Mersey scenarios`;
    },
  },
};
