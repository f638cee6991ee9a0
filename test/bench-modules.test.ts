/**
 * Every bench module loads against the built package (`mersey-tidal bench` imports them when it
 * runs; an import that no longer resolves would fail only after the benches before it had run).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BENCH = fileURLToPath(new URL('../bench/', import.meta.url));
const modules = readdirSync(BENCH).filter((f) => f.endsWith('.bench.js'));

describe('bench modules', () => {
  it.each(modules)('%s loads and exports its bench', async (file) => {
    const m = await import(new URL(`../bench/${file}`, import.meta.url).href);
    expect(typeof m.default).toBe('function');
  });
});
