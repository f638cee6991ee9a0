/**
 * Atomic writes: files and result folders appear whole or not at all; leftovers of killed
 * writers are cleaned up by the next write; an interrupt handler can remove what is in progress.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { FileAppender } from '../../src/io/appender.js';
import { openResultDir, removeTemporaries, writeDirAtomic, writeFileAtomic } from '../../src/io/atomic.js';
import { scratch } from '../fixtures.js';

const tmp = scratch();

/** The id of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

describe('writeFileAtomic', () => {
  it('writes and replaces a file, leaving nothing beside it', () => {
    const d = tmp();
    const f = join(d, 'a', 'x.txt');
    writeFileAtomic(f, 'one');
    writeFileAtomic(f, 'two');
    expect(readFileSync(f, 'utf8')).toBe('two');
    expect(readdirSync(join(d, 'a'))).toEqual(['x.txt']);
  });

  it('on failure throws and leaves no temporary file', () => {
    const d = tmp();
    mkdirSync(join(d, 'x.txt'));
    expect(() => writeFileAtomic(join(d, 'x.txt'), 'data')).toThrow();
    expect(readdirSync(d)).toEqual(['x.txt']);
  });
});

describe('writeDirAtomic', () => {
  it('removes the leftovers of dead writers and keeps those of live ones', async () => {
    const d = tmp();
    const dir = join(d, 'r');
    const dead = deadPid();
    mkdirSync(join(d, `r.tmp-${dead}-abc`));
    writeFileSync(join(d, `r.tmp-${dead}-abc`, 'summary.json'), '{"half":');
    mkdirSync(join(d, `r.old-${dead}-abd`));
    mkdirSync(join(d, `r.tmp-${process.ppid}-abe`));
    mkdirSync(join(d, 'other.tmp-1-abc'));
    await writeDirAtomic(dir, { 'summary.json': '{}', 'b.csv': 'x\n' });
    expect(readdirSync(d).sort()).toEqual(['other.tmp-1-abc', 'r', `r.tmp-${process.ppid}-abe`]);
    expect(readdirSync(dir).sort()).toEqual(['b.csv', 'summary.json']);
  });

  it('puts back a previous result whose swap a killed writer cut, before replacing it whole', async () => {
    const d = tmp();
    const old = join(d, `r.old-${deadPid()}-abc`);
    mkdirSync(old);
    writeFileSync(join(old, 'summary.json'), '{"run":1}');
    writeFileSync(join(old, 'stale.csv'), 'from run 1');
    await writeDirAtomic(join(d, 'r'), { 'summary.json': '{"run":2}' });
    expect(readdirSync(d)).toEqual(['r']);
    expect(readdirSync(join(d, 'r'))).toEqual(['summary.json']);
  });

  it('accepts only a flat set of plain file names', async () => {
    const d = tmp();
    await expect(writeDirAtomic(join(d, 'r'), { 'sub/x.csv': '' })).rejects.toThrow(
      /a result folder is a flat set of named files/,
    );
    await expect(writeDirAtomic(join(d, 'r'), { '.hidden': '' })).rejects.toThrow(/flat set/);
    await expect(writeDirAtomic(join(d, 'r'), {})).rejects.toThrow(/flat set/);
    expect(readdirSync(d)).toEqual([]);
  });

  it('replaces only an empty folder or a previous result', async () => {
    const d = tmp();
    mkdirSync(join(d, 'empty'));
    await writeDirAtomic(join(d, 'empty'), { 'summary.json': '{}' });
    expect(readdirSync(join(d, 'empty'))).toEqual(['summary.json']);
    mkdirSync(join(d, 'notes'));
    writeFileSync(join(d, 'notes', 'todo.txt'), 'keep me');
    await expect(writeDirAtomic(join(d, 'notes'), { 'summary.json': '{}' })).rejects.toBeInstanceOf(InputError);
    expect(readFileSync(join(d, 'notes', 'todo.txt'), 'utf8')).toBe('keep me');
  });

  it('removeTemporaries (the interrupt handler) cuts a write short: the previous result stays, nothing else is left', async () => {
    const d = tmp();
    const dir = join(d, 'r');
    await writeDirAtomic(dir, { 'summary.json': '{"run":1}' });
    const writing = writeDirAtomic(dir, { 'summary.json': '{"run":2}', 'series.csv': 'x'.repeat(64 << 20) });
    // Interrupt once the write has begun: its temporary folder exists beside the result.
    for (let i = 0; i < 10_000 && !readdirSync(d).some((n) => n.startsWith('r.tmp-')); i++)
      await new Promise((r) => setImmediate(r));
    removeTemporaries();
    await expect(writing).rejects.toThrow();
    expect(readdirSync(d)).toEqual(['r']);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('{"run":1}');
  });

  it('an interrupt the instant a write starts leaves no empty temporary folder (it is made and registered with no await between)', () => {
    const d = tmp();
    // A child process starts a write and, before any await can resolve, runs the interrupt
    // handler's clean-up and exits, as a signal landing then would. Repeated: the race was 5 in 12
    // (with the folder registered before an asynchronous mkdir, every run here left one).
    const atomic = new URL('../../dist/io/atomic.js', import.meta.url).href;
    const script = `import { removeTemporaries, writeDirAtomic } from ${JSON.stringify(atomic)};
      writeDirAtomic(process.argv[1], { 'summary.json': '{}' }).catch(() => {});
      removeTemporaries();
      const until = Date.now() + 20; while (Date.now() < until); // the handler's last words, while a mkdir in flight would land
      process.exit(130);`;
    for (let k = 0; k < 12; k++) {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, join(d, `r${k}`)]);
      expect(r.status, r.stderr.toString()).toBe(130);
    }
    expect(readdirSync(d)).toEqual([]);
  }, 60_000);
});

describe('openResultDir: a result folder written file by file, row by row', () => {
  it('streams into a temporary folder; commit swaps it in whole, abort or an interrupt leaves the previous result', async () => {
    const d = tmp();
    const dir = join(d, 'r');
    await writeDirAtomic(dir, { 'designs.csv': 'run 1\n' });
    const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => `row ${i}\n`).join('');
    for (const end of ['abort', 'interrupt', 'commit'] as const) {
      const out = openResultDir(dir, 'designs.csv');
      const csv = new FileAppender(out.path('designs.csv'));
      for (let i = 0; i < 20_000; i++) csv.write(`row ${i}\n`);
      // Rows past the first flush are on disk in the temporary folder, not in the result.
      expect(readdirSync(d).filter((n) => n.startsWith('r.tmp-'))).toHaveLength(1);
      expect(readFileSync(join(dir, 'designs.csv'), 'utf8')).toBe('run 1\n');
      if (end === 'abort') out.abort();
      if (end === 'interrupt') removeTemporaries();
      if (end !== 'commit') {
        expect(() => csv.close()).not.toThrow();
        expect(() => out.commit(['designs.csv'])).toThrow(/abandoned/);
        expect(readdirSync(d)).toEqual(['r']);
        expect(readFileSync(join(dir, 'designs.csv'), 'utf8')).toBe('run 1\n');
        continue;
      }
      csv.close();
      await out.write('designs.json', '{}');
      expect(out.commit(['designs.csv', 'designs.json'])).toEqual([join(dir, 'designs.csv'), join(dir, 'designs.json')]);
      expect(readdirSync(d)).toEqual(['r']);
      expect(readFileSync(join(dir, 'designs.csv'), 'utf8')).toBe(rowsOf(20_000));
    }
  });

  it('refuses a folder that is not a previous result before anything is written', () => {
    const d = tmp();
    mkdirSync(join(d, 'notes'));
    writeFileSync(join(d, 'notes', 'todo.txt'), 'keep me');
    expect(() => openResultDir(join(d, 'notes'), 'designs.csv')).toThrow(InputError);
    expect(readdirSync(d)).toEqual(['notes']);
  });
});
