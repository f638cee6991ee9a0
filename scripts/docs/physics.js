/**
 * Figures of docs/model.md and docs/losses.md (physics, issue 12): the default's headline, its
 * loss waterfall and pumping gain, the validation table and the nodal-cycle and sea-level study. See figures.js for the machinery.
 */
import { lib } from './figures.js';

const DEFAULT = ['simulate', '--json', '--out'];

/** The default run's summary (shared with the other generators that run the same command). */
const defaultRun = (cli) => cli.json([...DEFAULT, cli.out('default')]);

/** @type {import('./figures.js').FigureSet} */
export default {
  'default-annual-gwh': {
    cost: 'fast',
    async generate(cli) {
      return `${cli.fmt((await defaultRun(cli)).annual_energy_gwh, 1)} GWh/yr`;
    },
  },
  'default-pumping-gain': {
    cost: 'fast',
    async generate(cli) {
      const g = (await defaultRun(cli)).pumping_gain;
      return `${cli.fmt(g.gain_annual_gwh, 1)} GWh/yr, ${cli.fmt(g.gain_fraction * 100, 1)} % of the ${cli.fmt(g.without_pumping_annual_gwh, 1)} GWh/yr without pumping`;
    },
  },
  'default-waterfall': {
    cost: 'fast',
    async generate(cli) {
      const w = (await defaultRun(cli)).waterfall;
      const row = (s, sign) =>
        `| ${s.label} | ${s.factor === null ? '' : s.factor.toFixed(3)} | ${cli.fmt(s.annual_gwh, 1)} | ${s.factor === null ? '' : `${sign}${cli.fmt(Math.abs(s.loss_annual_gwh), 1)}`} |`;
      const lines = ['| stage | factor | GWh/yr | change |', '|---|---:|---:|---:|'];
      for (const s of w.generation) lines.push(row(s, '-'));
      for (const s of w.pumping) lines.push(row({ ...s, label: `pumping: ${s.label}` }, s.loss_annual_gwh < 0 ? '-' : '+'));
      lines.push(`| **net exported** | | **${cli.fmt(w.net_annual_gwh, 1)}** | |`);
      return lines.join('\n');
    },
  },
  'validation-table': {
    cost: 'slow',
    async generate(cli) {
      // validate exits 1 while a scheme misses, so the table is taken from the library itself.
      const { runValidation, pumpingCheck } = await lib('validation/suite.js');
      const { pumpingGainText } = await lib('validation/tables.js');
      const rows = await runValidation();
      const lines = [
        '| scheme | published GWh/yr | modelled GWh/yr (net) | ratio | accepted GWh/yr | verdict |',
        '|---|---:|---:|---:|---:|---|',
      ];
      for (const r of rows) {
        const e = r.scheme.energy;
        const pub = e.low_gwh === e.high_gwh ? cli.fmt(e.reference_gwh, 0) : `${cli.fmt(e.low_gwh, 0)}-${cli.fmt(e.high_gwh, 0)}`;
        lines.push(
          `| ${r.scheme.name} | ${pub} | ${cli.fmt(r.figures.annual_energy_gwh, 1)} | ${r.ratio.toFixed(2)} | ${cli.fmt(r.accepted_gwh[0], 0)}-${cli.fmt(r.accepted_gwh[1], 0)} | ${r.pass ? 'pass' : 'MISS'} |`,
        );
      }
      const p = pumpingCheck(rows);
      lines.push(
        '',
        `Pumping check (${p.scheme}): gain ${pumpingGainText(p)} of the net without pumping; accepted ${p.text}: ${p.pass ? 'pass' : 'MISS'}.`,
      );
      return lines.join('\n');
    },
  },
  'm2-nodal-range': {
    cost: 'fast',
    async generate() {
      // M2's nodal factor f from the tide engine, daily over one 18.61-year nodal cycle.
      const { resolveConstituents, equilibriumArguments } = await lib('tide/constituents.js');
      const set = resolveConstituents(['M2'], () => 'M2');
      const vu = new Float64Array(1);
      const f = new Float64Array(1);
      let lo = Infinity;
      let hi = -Infinity;
      const t0 = Date.UTC(2020, 0, 1) / 1000;
      for (let t = t0; t < t0 + 18.61 * 365.25 * 86_400; t += 86_400) {
        equilibriumArguments(set, t, vu, f);
        lo = Math.min(lo, f[0]);
        hi = Math.max(hi, f[0]);
      }
      const pct = (x) => `${x < 1 ? '-' : '+'}${(Math.abs(x - 1) * 100).toFixed(1)} %`;
      return `${pct(lo)} to ${pct(hi)}`;
    },
  },
  'validation-sensitivity': {
    cost: 'slow',
    async generate() {
      // The study `validate` runs without --quick (57 year-long runs), through the library.
      const { runSensitivity } = await lib('validation/sensitivity.js');
      const { sensitivityTable } = await lib('validation/tables.js');
      return sensitivityTable(await runSensitivity(), 'markdown');
    },
  },
};
