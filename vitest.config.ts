// Tests assert behaviour, never speed (speed is measured in bench/): the time limits only catch a
// run that hangs, so they are set far above what any suite needs on a loaded 2-core machine,
// instead of vitest's 5 s, which failed correct tests whenever the machine was busy.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
