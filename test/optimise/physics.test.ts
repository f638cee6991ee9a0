/**
 * Flexible operation checked by what it must do: never lose to the best fixed heads on the tide
 * it foresees, settle on the best fixed heads when every tide is the same, conserve mass, follow
 * the prices when told to maximise revenue, and decide on the forecast it is given.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HalfControls } from '../../src/operation/cycle.js';
import { type RecordedRun, recorders } from '../../src/optimise/apply.js';
import type { Controls } from '../../src/optimise/fixed.js';
import { FixedEvaluator } from '../../src/optimise/fixed-objective.js';
import { openProblem } from '../../src/optimise/problem.js';
import { bestFixed, type FlexibleInputs, flexiblePlan, problemData } from '../../src/optimise/run.js';
import { optimiseScenario } from '../../src/optimise/scenario.js';
import { WorkerPool } from '../../src/parallel/pool.js';
import { J_PER_MWH } from '../../src/physics.js';
import { massBalanceError } from '../../src/solver/accounting.js';
import { halfTideLedger } from '../../src/solver/ledger.js';
import { slackWaters } from '../../src/tide/turning-points.js';
import { energyPerTide, merseyInputs, merseyScenario, sineLagoon } from './inputs.js';

let pool: WorkerPool;
beforeAll(() => {
  pool = new WorkerPool(2);
});
afterAll(async () => {
  await pool.close();
});

/**
 * Best fixed heads, the flexible plan and both runs (with their ledgers) on the inputs: the
 * flexible run the plan applied its decisions in as they came, and the fixed-head run it had a
 * worker record.
 */
async function both(inputs: FlexibleInputs) {
  const data = problemData(inputs);
  const p = openProblem(data);
  const fixed = await bestFixed(data, pool);
  const recorded = recorders(inputs.sea.level.length);
  const plan = await flexiblePlan(data, pool, fixed.controls, inputs.lookahead, { fixedRuns: [fixed.controls], ...recorded });
  const withLedger = ({ totals, series, log }: RecordedRun) => ({
    totals,
    series,
    halfTides: halfTideLedger(log, p.apply.ops, inputs.sea, series),
    net: totals.energy - totals.pumpEnergy,
  });
  return { p, fixed, plan, flex: withLedger({ totals: plan.totals, ...recorded }), fixedRun: withLedger(plan.fixedRuns[0]) };
}

describe('flexible operation against the best fixed heads', () => {
  it('makes more net energy than the best fixed heads on the Mersey, perfect forecast, same scheme and objective', async () => {
    const r = await both(merseyInputs('2018-03-01T00:00:00Z', 10, 600));
    // The fixed search's value is the fixed run's net energy, and it is no worse than the scenario's own heads.
    expect(r.fixedRun.net).toBe(r.fixed.value);
    const own = new FixedEvaluator(r.p).value([null, null].map((_, k) => ({ ...readOwn(r.p, k) })) as Controls);
    expect(r.fixed.value).toBeGreaterThanOrEqual(own);
    expect(r.plan.controls.length).toBeGreaterThan(30);
    expect(r.flex.net).toBeGreaterThan(r.fixed.value);
  });

  it('settles on the best fixed heads on a sinusoidal tide, where every tide is the same', async () => {
    // 30 days, so that the best fixed heads are those of the steady state, not of the start-up
    // and the end of the period.
    const inputs = sineLagoon(30, 600);
    const r = await both(inputs);
    const t0 = inputs.sea.t0;
    const day = 86400;
    // Past the start-up, the decisions repeat, one set of heads per direction: the best fixed
    // heads, to within the lattice step.
    const mid = r.plan.slack
      .map((w, j) => ({ w, c: r.plan.controls[j], dir: r.plan.decisions.dir[j] }))
      .filter((d) => d.w.time > t0 + 2 * day && d.w.time < t0 + 28 * day);
    for (const dir of [1, -1]) {
      const cs = mid.filter((d) => d.dir === dir).map((d) => d.c);
      expect(cs.length).toBeGreaterThan(40);
      for (const c of cs) expect(c).toEqual(cs[0]);
      const f = r.fixed.controls[dir > 0 ? 0 : 1] as HalfControls;
      for (const k of ['start', 'end', 'pump'] as const) expect(Math.abs(cs[0][k] - f[k])).toBeLessThanOrEqual(0.1 + 1e-9);
    }
    // The same energy per tide as the best fixed heads.
    const flexPerTide = energyPerTide(r.flex.halfTides, t0 + 2 * day, t0 + 28 * day);
    const fixedPerTide = energyPerTide(r.fixedRun.halfTides, t0 + 2 * day, t0 + 28 * day);
    expect(Math.abs(flexPerTide / fixedPerTide - 1)).toBeLessThan(1e-3);
    // Over the whole period it can only gain (at the start-up and the end).
    expect(r.flex.net).toBeGreaterThanOrEqual(r.fixed.value);
  });
});

/** The scenario's own heads of direction index k, read from the cycle. */
function readOwn(p: ReturnType<typeof openProblem>, k: number): HalfControls {
  const d = p.modes.directions[k];
  if (!d) throw new Error('no such direction');
  const h = p.apply.ops.exitHead;
  return { start: d.dir * h[d.hold], end: d.dir * h[d.generate], pump: d.pump >= 0 ? d.dir * h[d.pump] : 0 };
}

describe('mass', () => {
  it('is conserved by the flexible run, whose ledger adds up to its totals', async () => {
    const r = await both(merseyInputs('2018-06-01T00:00:00Z', 6, 600));
    expect(massBalanceError(r.flex.totals)).toBeLessThan(1e-12);
    expect(r.flex.totals.generatingPeriods).toBeGreaterThan(15);
    const gen = r.flex.halfTides.reduce((a, h) => a + h.generated, 0);
    const pumped = r.flex.halfTides.reduce((a, h) => a + h.pumped, 0);
    expect(Math.abs(gen / r.flex.totals.energy - 1)).toBeLessThan(1e-12);
    expect(Math.abs(pumped / r.flex.totals.pumpEnergy - 1)).toBeLessThan(1e-12);
  });
});

describe('the revenue objective', () => {
  it('moves generation into the hours of high price, and earns more than the energy objective there', async () => {
    // A price of 200 GBP/MWh from 16:00 to 20:00 UTC each day, 20 GBP/MWh otherwise.
    const base = sineLagoon(8, 600);
    const { sea } = base;
    const highHour = (i: number) => {
      const h = new Date((sea.t0 + i * sea.dt) * 1000).getUTCHours();
      return h >= 16 && h < 20;
    };
    const gbpPerJ = Float64Array.from(sea.level, (_, i) => (highHour(i) ? 200 : 20) / J_PER_MWH);
    const outcome = async (inputs: FlexibleInputs) => {
      const r = await both(inputs);
      let gbp = 0;
      let high = 0;
      for (let i = 0; i + 1 < sea.level.length; i++) {
        gbp += (r.flex.series.power[i] - r.flex.series.pumpPower[i]) * sea.dt * gbpPerJ[i];
        if (highHour(i)) high += r.flex.series.power[i] * sea.dt;
      }
      return { gbp, highShare: high / r.flex.totals.energy, net: r.flex.net };
    };
    const energy = await outcome(base);
    const revenue = await outcome({ ...base, price: gbpPerJ });
    expect(revenue.gbp).toBeGreaterThan(energy.gbp * 1.01);
    expect(revenue.highShare).toBeGreaterThan(energy.highShare + 0.02);
    // Value is bought with energy: the revenue run makes less of it.
    expect(revenue.net).toBeLessThan(energy.net);
  });
});

describe('the forecast', () => {
  it('of a harmonic tide at its own site is perfect: the same decisions and energy', async () => {
    const s = merseyScenario('2018-03-01T00:00:00Z', 5, 600);
    s.tide = { kind: 'harmonic', site: 'liverpool', datum: 'ODN', sea_level_offset_m: 0 };
    const perfect = await optimiseScenario(s, { pool, forecast: 'perfect' });
    const harmonic = await optimiseScenario(s, { pool, forecast: 'harmonic' });
    expect(harmonic.settings.forecastSite).toBe('liverpool');
    expect(harmonic.flexible.plan.controls).toEqual(perfect.flexible.plan.controls);
    expect(harmonic.flexible.result.totals.energy).toBe(perfect.flexible.result.totals.energy);
  });

  it('is what the decisions are made on: the slack waters of the harmonic prediction, not of the observed tide', async () => {
    const s = merseyScenario('2018-03-01T00:00:00Z', 5, 600);
    const r = await optimiseScenario(s, { pool, forecast: 'perfect' });
    const withSite = await optimiseScenario(withForecastSite(s), { pool, forecast: 'harmonic' });
    const observed = slackWaters(r.flexible.result.sea).map((w) => w.time);
    const decided = withSite.flexible.plan.slack.map((w) => w.time);
    expect(r.flexible.plan.slack.map((w) => w.time)).toEqual(observed);
    expect(decided.length).toBeGreaterThan(15);
    // Predicted and observed slack waters differ by minutes, not by the step.
    const diffs = decided.map((t) => Math.min(...observed.map((o) => Math.abs(o - t))));
    expect(Math.max(...diffs)).toBeGreaterThan(60);
    expect(Math.max(...diffs)).toBeLessThan(3600);
    expect(massBalanceError(withSite.flexible.result.totals)).toBeLessThan(1e-12);
  });
});

/** The scenario with a harmonic forecast at Liverpool in its flexible block (defaults otherwise). */
function withForecastSite(s: ReturnType<typeof merseyScenario>) {
  return {
    ...s,
    operation: {
      ...s.operation,
      flexible: {
        objective: 'energy' as const,
        forecast: 'harmonic' as const,
        forecast_site: 'liverpool',
        lookahead_half_tides: 1 as const,
        head_step_m: 0.1,
        start_head_range_m: [1, 6] as [number, number],
        end_head_range_m: [0.5, 4] as [number, number],
        pump_to_head_range_m: [0, 4] as [number, number],
      },
    },
  };
}
