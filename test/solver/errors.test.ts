/**
 * The solver defends itself: a run that cannot be computed right stops with a SolverError naming
 * the time, the step, the mode and what to change, and the CLI exits 1 writing nothing.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedHeadCycle } from '../../src/operation/fixed-head.js';
import { buildModeTable } from '../../src/operation/modes.js';
import { buildRun } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/load.js';
import { constantAreaBasin, makeBasin } from '../../src/scheme/basin.js';
import { overshot, SolverError } from '../../src/solver/errors.js';
import { integrate } from '../../src/solver/integrate.js';
import { MAX_SWITCHES_PER_STEP } from '../../src/solver/tolerances.js';
import type { SchemeModel } from '../../src/solver/types.js';
import { LIBAUX, runCli, scratch, thrown } from '../fixtures.js';
import { idealTurbine, PERIOD, sinusoid } from '../ideal.js';

const tmp = scratch();

const solverError = (fn: () => unknown) => thrown(fn, SolverError);

describe('SolverError', () => {
  it('stops a step too coarse for the scheme, naming the time, the mode and the step to use', () => {
    // Sluices of 20 km2 on the Mersey equalise the basin with the sea within a fraction of a
    // second, which no sub-step of a 1-hour step (down to 3600/4096 s) resolves. (The error control
    // and the limiter carry sluices up to 2 km2 through 1-hour steps.)
    const s = loadScenario(LIBAUX);
    s.scheme.sluices.area_m2 = 2e7;
    s.time_step_s = 3600;
    const run = buildRun(s);
    const e = solverError(() => integrate(run.sea, run.scheme, run.ops));
    expect(e.message).toMatch(/^at 2018-\d\d-\d\dT\d\d:\d\d:\d\dZ \(step \d+, mode (fill|hold-low)\): /);
    expect(e.message).toMatch(/time step of 3600 s is too coarse for this scheme/);
    expect(e.message).toMatch(/reduce time_step_s to about 225 s or less/);
    expect(e.where.mode).toMatch(/fill|hold-low/);
    // A step it would need under a minute, which no real scheme needs: the fields come first.
    const f = solverError(() => overshot(sinusoid(2, PERIOD, 300, 1), 3, 0, run.ops, 0, 10));
    expect(f.message).toMatch(
      /it would need a step of 1 s: .*check scheme\.sluices\.area_m2, scheme\.turbines\.count and scheme\.turbines\.diameter_m against the basin's area .*reduce time_step_s only if they are right$/,
    );
    expect(Number.isFinite(e.where.time)).toBe(true);
  });

  it('stops a basin level leaving the area curve, saying which range and how to fix it', () => {
    const basin = makeBasin([-1, 1], [1e6, 1e6]);
    const scheme: SchemeModel = { basin, turbine: idealTurbine(100), turbineCount: 2, sluiceCdA: 500 };
    const e = solverError(() =>
      integrate(sinusoid(3, PERIOD, 300, 2), scheme, fixedHeadCycle({ ebb: { startHead: 2, endHead: 1 } })),
    );
    expect(e.message).toMatch(
      /mode fill\): the basin level 1\.\d+ m left the range of the basin's area curve \(-1 to 1 m\); extend the area curve/,
    );
  });

  it('stops on a non-finite sea level, naming its time', () => {
    const sea = sinusoid(2, PERIOD, 600, 1);
    sea.level[100] = NaN;
    const scheme: SchemeModel = {
      basin: constantAreaBasin(1e7, -20, 20),
      turbine: idealTurbine(100),
      turbineCount: 1,
      sluiceCdA: 500,
    };
    const e = solverError(() => integrate(sea, scheme, fixedHeadCycle({ ebb: { startHead: 2, endHead: 1 } })));
    expect(e.message).toMatch(/^at 2018-01-01T16:40:00Z \(step 101, mode fill\): the sea level is not finite \(NaN\)/);
  });

  it('stops modes that hand over in a loop without time passing', () => {
    const ops = buildModeTable([
      { name: 'a', exitDir: 1, exitHead: -100, next: 'b' },
      { name: 'b', exitDir: 1, exitHead: -100, next: 'a' },
    ]);
    const scheme: SchemeModel = {
      basin: constantAreaBasin(1e7, -20, 20),
      turbine: idealTurbine(100),
      turbineCount: 1,
      sluiceCdA: 500,
    };
    const e = solverError(() => integrate(sinusoid(2, PERIOD, 600, 1), scheme, ops));
    expect(e.message).toMatch(new RegExp(`more than ${MAX_SWITCHES_PER_STEP} mode switches in one step`));
  });

  it('never lets a NaN through: a non-finite turbine curve is refused before the run', () => {
    const turbine = idealTurbine(100);
    turbine.ebb.power[50] = NaN;
    const scheme: SchemeModel = { basin: constantAreaBasin(1e7, -20, 20), turbine, turbineCount: 1, sluiceCdA: 500 };
    expect(() => integrate(sinusoid(2, PERIOD, 600, 1), scheme, fixedHeadCycle({ ebb: { startHead: 2, endHead: 0.2 } }))).toThrow(
      /turbine generating curve at head 0\.50 m: expected finite flow and power >= 0/,
    );
  });
});

describe('mersey-tidal simulate on a run the solver stops', () => {
  it('exits 1 with the time, the mode and what to change, writing nothing', async () => {
    const dir = tmp();
    // An area curve covering only -1 to 1 m (schema-valid): the basin leaves it on the first tide.
    const scenario = JSON.parse(readFileSync(LIBAUX, 'utf8'));
    writeFileSync(join(dir, 'area.csv'), 'level_m,area_m2\n-1,5e7\n1,6e7\n');
    scenario.tide.file = join(LIBAUX, '..', scenario.tide.file);
    scenario.scheme.basin.area_curve_file = join(dir, 'area.csv');
    scenario.scheme.turbines.curve.file = join(LIBAUX, '..', scenario.scheme.turbines.curve.file);
    const file = join(dir, 'coarse.json');
    writeFileSync(file, JSON.stringify(scenario));
    const { code, err } = await runCli(['simulate', file, '--out', join(dir, 'run')]);
    expect(code).toBe(1);
    expect(err).toMatch(
      /error: the run failed: at 2018-.*mode [a-z-]+\): the basin level .* left the range of the basin's area curve \(-1 to 1 m\); extend the area curve/s,
    );
    expect(existsSync(join(dir, 'run'))).toBe(false);
  });
});
