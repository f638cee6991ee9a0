/**
 * Figures quoted in README.md and docs/*.md: the markers, the rewriting, and that every fast figure
 * is what the CLI prints now (slow figures: `npm run docs:check`, run with the benchmarks).
 * The generators run dist/cli/bin.js: `npm test` builds it first.
 */
import { describe, expect, it } from 'vitest';
import { checkFigures, figureUses, loadFigures, rewrite } from '../scripts/docs/figures.js';

describe('figure markers', () => {
  const page = [
    '# Title',
    'Inline <!-- figure:a -->old<!-- /figure --> text.',
    '<!-- figure:b -->',
    '| old | table |',
    '<!-- /figure -->',
    'and <!-- figure:a -->old too<!-- /figure -->.',
  ].join('\n');

  it('finds inline and block figures with their lines', () => {
    const uses = figureUses(page, 'x.md');
    expect(uses.map((u) => [u.name, u.line, u.inline])).toEqual([
      ['a', 2, true],
      ['b', 3, false],
      ['a', 6, true],
    ]);
  });

  it('rewrites every use of a name, keeping each form, and leaves unknown names alone', () => {
    const out = rewrite(page, 'x.md', { a: '1,621.0 GWh/yr', b: '| new |\n| --- |\n' });
    expect(out).toContain('Inline <!-- figure:a -->1,621.0 GWh/yr<!-- /figure --> text.');
    expect(out).toContain('<!-- figure:b -->\n| new |\n| --- |\n<!-- /figure -->');
    expect(out).toContain('and <!-- figure:a -->1,621.0 GWh/yr<!-- /figure -->.');
    expect(rewrite(page, 'x.md', {})).toBe(page);
    expect(rewrite(out, 'x.md', { a: '1,621.0 GWh/yr', b: '| new |\n| --- |' })).toBe(out);
  });

  it('refuses a bad name and an unclosed marker, naming the file and line', () => {
    expect(() => figureUses('x\n<!-- figure:Bad_Name -->1<!-- /figure -->', 'y.md')).toThrow(/y\.md:2: figure name "Bad_Name"/);
    expect(() => figureUses('<!-- figure:a -->1', 'y.md')).toThrow(/y\.md: 1 figure marker\(s\) without a closing/);
  });
});

describe('figures of README.md and docs/', () => {
  it('registers every generator once, each fast or slow', async () => {
    const figures = await loadFigures();
    expect(Object.keys(figures).length).toBeGreaterThan(0);
    for (const f of Object.values(figures)) expect(['fast', 'slow']).toContain(f.cost);
  });

  it('quotes every fast figure as the CLI prints it now, and only registered figures', async () => {
    const { problems, checked } = await checkFigures({ costs: ['fast'] });
    expect(problems).toEqual([]);
    expect(checked.length).toBeGreaterThan(0);
  }, 300_000);
});
