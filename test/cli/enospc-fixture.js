// Preloaded into a CLI run (`node --import`) by test/cli/exits.test.ts: a full disk under series.csv.
// The first write to a file named series.csv fails as a full disk does (ENOSPC), so the test can
// check that the message names the file and that nothing is left behind.
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const open = fsp.open;
fsp.open = async function (path, ...rest) {
  const fh = await open.call(this, path, ...rest);
  if (String(path).endsWith('series.csv')) {
    fh.write = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    };
  }
  return fh;
};
syncBuiltinESMExports();
