/**
 * Figures of docs/performance.md and docs/sweeps.md: the speed table, written from a recorded run
 * of `mersey-tidal bench --json` (docs/bench-results.json: rerun and commit it to refresh, see
 * docs/performance.md), and the SLURM recipe, written from the files the local cluster test runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cell, ROOT, recordedBench, recordedOn } from './figures.js';

const read = (rel) => readFileSync(join(ROOT, rel), 'utf8');
const codeBlock = (lang, text) => `\`\`\`${lang}\n${text.trimEnd()}\n\`\`\``;
/** The recorded bench report. */
const bench = () => recordedBench('bench-results.json');

/** Figures with a target, one table row each, with the load the bench ran under. */
function speedTable(cli) {
  const r = bench();
  const rows = [];
  for (const [name, b] of Object.entries(r.benches)) {
    for (const f of b.figures) {
      if (!('target' in f)) continue;
      rows.push(
        `| ${name} | ${cell(f.name)} | ${cli.fmt(f.value, Math.abs(f.value) < 10 ? 2 : 1)} ${f.unit} | ${f.target} | ${f.met ? 'met' : 'missed'} | ${b.load_before[0]} / ${b.load_after[0]} |`,
      );
    }
  }
  return [
    `${recordedOn(r)}${r.quick ? ', --quick' : ''}.`,
    '',
    '| bench | figure | value | target | verdict | load average before / after (1 min) |',
    '|---|---|---:|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The other figures of a bench (no target), for the stages and costs behind the verdicts; counts without decimals. */
function benchFigures(cli, name) {
  const b = bench().benches[name];
  if (!b) return `(no ${name} bench in docs/bench-results.json)`;
  const lines = b.figures.map((f) =>
    'median_s' in f
      ? `| ${cell(f.name)} | ${cli.fmt(f.median_s, 3)} s median (${f.reps} runs, ${cli.fmt(f.min_s, 3)}-${cli.fmt(f.max_s, 3)} s) |`
      : `| ${cell(f.name)} | ${cli.fmt(f.value, Number.isInteger(f.value) ? 0 : Math.abs(f.value) < 10 ? 3 : 1)} ${f.unit}${f.note ? ` (${cell(f.note)})` : ''} |`,
  );
  return ['| figure | value |', '|---|---|', ...lines].join('\n');
}

/** @type {import('./figures.js').FigureSet} */
export default {
  'speed-table': { cost: 'fast', generate: speedTable },
  'speed-optimise': { cost: 'fast', generate: (cli) => benchFigures(cli, 'optimise') },
  'speed-sweep': { cost: 'fast', generate: (cli) => benchFigures(cli, 'sweep') },
  'speed-validate': { cost: 'fast', generate: (cli) => benchFigures(cli, 'validate') },
  'slurm-sbatch': { cost: 'fast', generate: () => codeBlock('sh', read('scripts/slurm/mersey-sweep.sbatch')) },
  'slurm-submit': { cost: 'fast', generate: () => codeBlock('sh', read('scripts/slurm/submit.sh')) },
};
