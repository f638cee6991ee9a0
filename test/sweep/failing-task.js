// A sweep task module for the failure tests: the real design task (from dist/), except that one
// design of the example makes it throw, or, with MT_FIXTURE_EXIT=1, ends its worker thread (and
// then nothing throws, so the exit is the only failure however the designs are scheduled).
import { setup as designSetup } from '../../dist/sweep/design-task.js';

export function setup(init) {
  const run = designSetup(init);
  const values = new Float64Array(init.values);
  const P = init.paths.length;
  const exitMode = process.env.MT_FIXTURE_EXIT === '1';
  return (i) => {
    const [count, diameter, area] = values.subarray(i * P, i * P + 3);
    if (!exitMode && count === 36 && diameter === 9 && area === 4000) throw new Error('fixture: this design fails at run time');
    if (exitMode && count === 28 && diameter === 8 && area === 2592) process.exit(3);
    return run(i);
  };
}
