import { it } from 'vitest';
import { loadSite } from '../src/tide/site.js';
import { harmonicModel } from '../src/tide/harmonic.js';
import { synthesize } from '../src/tide/synthesis.js';
it('x', () => {
  const model = harmonicModel(loadSite('liverpool'));
  const t0 = Date.UTC(2018, 0, 1) / 1000;
  const om = model.constituents.omega; let b = 0;
  for (let i = 0; i < om.length; i++) b += Math.hypot(model.ampRe[i], model.ampIm[i]) * om[i] ** 4;
  console.log('bound (f=1)', b, 'deltaMax 1e-4', Math.pow(384e-4 / b, 0.25), 'deltaMax 1e-3', Math.pow(384e-3 / b, 0.25));
  for (let r = 0; r < 5; r++) {
    let T = performance.now(); synthesize(model, t0, 1800, 17521, { tolerance: 0 }); const tN = performance.now() - T;
    console.log('nodes at 30min', tN.toFixed(2));
  }
});
