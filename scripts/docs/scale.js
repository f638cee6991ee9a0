/**
 * Figures of docs/performance.md's "Memory": the peak resident memory of sweeps of 1,000 to
 * 100,000 designs and of a 19-year run, from a recorded `mersey-tidal bench scale --json` run
 * (docs/bench-scale.json: rerun and commit it to refresh, see docs/performance.md).
 */
import { cell, recordedBench, recordedOn } from './figures.js';

/** The recorded scale bench. */
const scaleBench = () => recordedBench('bench-scale.json', 'scale');

function memoryTable(cli) {
  const r = scaleBench();
  const b = r.benches.scale;
  const rows = b.figures.map((f) => {
    const value = `${cli.fmt(f.value, f.unit === 'x' ? 2 : 1)} ${f.unit}`;
    const target = 'target' in f ? `${f.target}: ${f.met ? 'met' : 'missed'}` : '';
    return `| ${cell(f.name)} | ${value} | ${cell(f.note ?? '')} | ${target} |`;
  });
  return [
    `${recordedOn(r)}${r.quick ? ', --quick (no 100,000-design sweep)' : ''}; load average (1, 5, 15 min) ${b.load_before.join(', ')} before, ${b.load_after.join(', ')} after.`,
    '',
    '| figure | value | wall time, or note | target |',
    '|---|---:|---|---|',
    ...rows,
  ].join('\n');
}

/** The memory of the largest sweep recorded over that of one a tenth its size: "0.89 x (100,000 over 10,000 designs)". */
function memoryRatio(cli) {
  const f = scaleBench().benches.scale.figures.find((x) => x.unit === 'x' && x.name.startsWith('peak memory'));
  if (!f) throw new Error('docs/bench-scale.json has no peak-memory ratio (record the scale bench without --quick)');
  return `${cli.fmt(f.value, 2)} x (${f.name.replace(/^peak memory, /, '')})`;
}

/** @type {import('./figures.js').FigureSet} */
export default {
  'memory-scale': { cost: 'fast', generate: memoryTable },
  'memory-ratio': { cost: 'fast', generate: memoryRatio },
};
