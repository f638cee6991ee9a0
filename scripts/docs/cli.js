/**
 * Figures of README.md and docs/cli.md: the built-in default run as `mersey-tidal simulate` prints
 * it, and the command list as `mersey-tidal --help` prints it.
 */

/** The default run, shared by every figure that quotes it. */
const defaultRun = (cli) => cli.json(['simulate', '--json', '--out', cli.out('default')]);

/** @type {import('./figures.js').FigureSet} */
export default {
  'cli-help': {
    cost: 'fast',
    async generate(cli) {
      return `\`\`\`\n${(await cli.text(['--help'])).trimEnd()}\n\`\`\``;
    },
  },
  'default-result': {
    cost: 'fast',
    async generate(cli) {
      const s = await defaultRun(cli);
      const f = cli.fmt;
      const shaft = s.waterfall.generation.find((stage) => stage.key === 'shaft').annual_gwh;
      return [
        '| figure | value |',
        '|---|---|',
        `| annual energy, net of pumping | ${f(s.annual_energy_gwh, 1)} GWh/yr |`,
        `| exported / drawn by pumping | ${f(s.annual_generated_energy_gwh, 1)} / ${f(s.annual_pumping_energy_gwh, 1)} GWh/yr |`,
        `| gain from pumping (same heads) | ${f(s.pumping_gain.gain_annual_gwh, 1)} GWh/yr (${f(100 * s.pumping_gain.gain_fraction, 1)} %) |`,
        `| turbine shaft -> exported | ${f(shaft, 1)} -> ${f(s.annual_generated_energy_gwh, 1)} GWh/yr (losses and availability x ${f(s.annual_generated_energy_gwh / shaft, 3)}) |`,
        `| installed capacity | ${f(s.installed_capacity_mw, 0)} MW (${s.turbine_count} x ${f(s.unit_rated_power_mw, 0)} MW) |`,
        `| capacity factor (net) | ${f(100 * s.capacity_factor, 1)} % |`,
        `| hours generating | ${f(s.generating_hours, 0)} h |`,
        `| tides (high waters) / half tides | ${f(s.tides, 0)} / ${f(s.half_tides, 0)} |`,
      ].join('\n');
    },
  },
};
