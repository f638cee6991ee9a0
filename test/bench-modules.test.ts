/**
 * Every bench module loads against the built package, in plain Node as `mersey-tidal bench` loads
 * it (vitest's transform would not notice a named import that no longer exists; an import that no
 * longer resolves fails the bench only after the benches before it have run).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BENCH = fileURLToPath(new URL('../bench/', import.meta.url));
const modules = readdirSync(BENCH).filter((f) => f.endsWith('.bench.js'));

describe('bench modules', () => {
  it.each(modules)('%s loads in Node and exports its bench', (file) => {
    const url = new URL(`../bench/${file}`, import.meta.url).href;
    const kind = execFileSync(
      process.execPath,
      ['-e', `import(${JSON.stringify(url)}).then((m) => console.log(typeof m.default))`],
      {
        encoding: 'utf8',
      },
    );
    expect(kind.trim()).toBe('function');
  });
});
