// Preloaded into a CLI run (`node --import`) by test/cli/robust.test.ts: once the first chunk of a
// series.csv is written, the process sends itself the signal named in MERSEY_TIDAL_TEST_SIGNAL,
// so the interruption lands in the middle of that write every time, however loaded the machine.
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const signal = process.env.MERSEY_TIDAL_TEST_SIGNAL;
const open = fsp.open;
fsp.open = async function (path, ...rest) {
  const fh = await open.call(this, path, ...rest);
  if (String(path).endsWith('series.csv')) {
    const write = fh.write;
    let chunks = 0;
    fh.write = async function (...args) {
      const r = await write.apply(this, args);
      if (++chunks === 1) process.kill(process.pid, signal);
      return r;
    };
  }
  return fh;
};
syncBuiltinESMExports();
