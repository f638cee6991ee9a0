// Tide engine: one year at 60 s steps (525,600 levels) with the 50 Liverpool constituents, ours
// (fast synthesis) against @neaps/tide-predictor on the same constants, and the fast synthesis
// against our own direct cos() evaluation. Imports the compiled library (npm run build).

import { fileURLToPath } from 'node:url';
import { createTidePredictor } from '@neaps/tide-predictor';
import {
  analysisConstituents,
  fitHarmonics,
  harmonicModel,
  loadSite,
  predictDirect,
  predictSeaLevel,
  readSeriesCsv,
} from '../dist/tide/index.js';

export default async function (h) {
  const site = loadSite('liverpool');
  const t0 = Date.UTC(2018, 0, 1) / 1000;
  const dt = 60;
  const n = 525600;
  const neaps = createTidePredictor(
    site.constituents.map((c) => ({ ...c })),
    { offset: site.z0 },
  );
  const span = { start: new Date(t0 * 1000), end: new Date((t0 + (n - 1) * dt) * 1000), timeFidelity: dt };

  let fast;
  let theirs;
  let direct;
  const tOurs = await h.measure(
    'tide: predictSeaLevel, 1 year at 60 s, 50 constituents',
    () => {
      fast = predictSeaLevel(site, t0, dt, n);
    },
    { warmup: 3, reps: 15, work: n, unit: 'level' },
  );
  const tTheirs = await h.measure(
    'tide: @neaps/tide-predictor getTimelinePrediction, same',
    () => {
      theirs = neaps.getTimelinePrediction(span);
    },
    { warmup: 1, reps: 5, work: n, unit: 'level' },
  );
  await h.measure(
    'tide: predictDirect (cos and sin of every term), same',
    () => {
      direct = predictDirect(harmonicModel(site), t0, dt, n);
    },
    { warmup: 1, reps: 3, work: n, unit: 'level' },
  );

  if (theirs.length !== n) throw new Error(`neaps returned ${theirs.length} levels, expected ${n}`);
  let maxFastDirect = 0;
  let maxOursNeaps = 0;
  for (let i = 0; i < n; i++) {
    maxFastDirect = Math.max(maxFastDirect, Math.abs(fast.level[i] - direct.level[i]));
    maxOursNeaps = Math.max(maxOursNeaps, Math.abs(fast.level[i] - theirs[i].level));
  }
  h.target('tide: speed ratio, @neaps/tide-predictor / ours (measured in this run)', tTheirs / tOurs, 'x', { above: 50 });
  h.target('tide: max |fast synthesis - direct evaluation|', maxFastDirect * 1000, 'mm', { below: 1 }, 'tolerance set 0.1 mm');
  h.figure('tide: max |ours - @neaps/tide-predictor|', maxOursNeaps * 1000, 'mm', 'same constants, whole year');

  const observed = readSeriesCsv(fileURLToPath(new URL('../data/liverpool-gladstone-dock-2018-observed.csv', import.meta.url)));
  // What `tide fit` analyses by default: the 50 of the site, then the standard list's others.
  const names = analysisConstituents(site);
  let fit;
  await h.measure(
    `tide: fitHarmonics, 2018 record (35,040 samples, ${names.length} candidates)`,
    () => {
      fit = fitHarmonics(observed, names);
    },
    { warmup: 1, reps: 3, work: observed.time.length, unit: 'sample' },
  );
  h.figure(
    'tide: fit rms residual, 2018, Rayleigh R = 1',
    fit.rmsResidual,
    'm',
    `target < 0.20 m; ${fit.excluded.length} excluded, SA among them`,
  );
}
