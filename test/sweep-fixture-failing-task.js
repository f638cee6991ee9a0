// A sweep task module for the failure tests: the real design task (from dist/), except that
// design values chosen by the test make it throw or end its worker thread.
import { setup as designSetup } from '../dist/sweep/design-task.js';

export function setup(init) {
  const run = designSetup(init);
  const values = new Float64Array(init.values);
  const P = init.paths.length;
  return (i) => {
    const [count, diameter, area] = values.subarray(i * P, i * P + 3);
    if (count === 36 && diameter === 9 && area === 4000) throw new Error('fixture: this design fails at run time');
    if (count === 28 && diameter === 8 && area === 2592 && process.env.MT_FIXTURE_EXIT === '1') process.exit(3);
    return run(i);
  };
}
