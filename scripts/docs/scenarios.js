/** Figures of docs/scenarios.md: the shipped Mersey scenarios as `simulate --json` gives them. */

const SCENARIOS = ['mersey-barrage', 'mersey-barrage-libaux-ebb', 'mersey-lagoon'];

/** @type {import('./figures.js').FigureSet} */
export default {
  'mersey-scenarios': {
    cost: 'fast',
    async generate(cli) {
      const f = cli.fmt;
      const rows = await Promise.all(
        SCENARIOS.map(async (name) => {
          const s = await cli.json(['simulate', `models/${name}.json`, '--json', '--quiet', '--out', cli.out(name)]);
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
