/**
 * The command is bundled (scripts/build-cli.js), and `mersey-tidal bench` loads bench/*.js beside
 * it, which import the library's own modules: two copies of them in one process. What the command
 * decides by class or by a module's state must hold across the copies (run in plain Node against
 * the built package, where a query string makes a second copy of a module).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const dist = (rel: string, copy = false) =>
  JSON.stringify(`${new URL(`../dist/${rel}`, import.meta.url).href}${copy ? '?copy' : ''}`);

function node(script: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim();
}

describe('two copies of the library in one process', () => {
  it('an InputError of one copy is an InputError to the other; other errors are not', () => {
    const out = node(`
      const a = await import(${dist('errors.js')});
      const b = await import(${dist('errors.js', true)});
      console.log([a.InputError !== b.InputError, new a.InputError('x') instanceof b.InputError,
        new b.InputError('x') instanceof a.InputError, new Error('x') instanceof b.InputError].join(' '));`);
    expect(out).toBe('true true true false');
  });

  it("one copy's interrupt handler removes the temporaries the other is writing", () => {
    const out = node(`
      import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      import { join } from 'node:path';
      const a = await import(${dist('io/atomic.js')});
      const b = await import(${dist('io/atomic.js', true)});
      const d = mkdtempSync(join(tmpdir(), 'mersey-tidal-test-'));
      const writing = a.writeDirAtomic(join(d, 'r'), { 'big.csv': 'x'.repeat(64 << 20) });
      while (!readdirSync(d).some((n) => n.startsWith('r.tmp-'))) await new Promise((r) => setImmediate(r));
      b.removeTemporaries();
      const failed = await writing.then(() => false, () => true);
      console.log(failed, JSON.stringify(readdirSync(d)));
      rmSync(d, { recursive: true, force: true });`);
    expect(out).toBe('true []');
  });
});
