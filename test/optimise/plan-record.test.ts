/**
 * The plan a flexible run records in summary.json: it replays to the very run `optimise` made,
 * and a record that does not fit the scheme or the period is refused field by field.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { planFromRecord, type RecordedPlan } from '../../src/optimise/plan-record.js';
import { optimiseScenario, replayFlexible } from '../../src/optimise/scenario.js';
import { thrown } from '../fixtures.js';
import { merseyScenario } from './inputs.js';

describe('recorded flexible plan', () => {
  it('replays to the run optimise made, sample for sample', async () => {
    const s = merseyScenario('2018-03-05T00:00:00Z', 3, 600);
    const o = await optimiseScenario(s, { workers: 1, forecast: 'perfect' });
    const record: RecordedPlan = JSON.parse(JSON.stringify(o.flexible.record));
    expect(record.decisions.length).toBe(o.flexible.plan.decisions.index.length);
    const replay = replayFlexible(s, record, 'plan', o.flexible.result.summary);
    expect(replay.summary.data_files).toEqual(o.flexible.result.summary.data_files);
    const a = o.flexible.result.series;
    const b = replay.series;
    expect(b.basinLevel).toEqual(a.basinLevel);
    expect(b.power).toEqual(a.power);
    expect(b.pumpPower).toEqual(a.pumpPower);
    expect(replay.summary.energy_gwh).toBe(o.flexible.result.summary.energy_gwh);
    // The reference heads alone (no decisions) are the fixed-head run they came from.
    const fixed = replayFlexible(s, { ...record, decisions: [] }, 'plan', o.fixed.result.summary);
    expect(fixed.summary.energy_gwh).toBe(o.fixed.result.summary.energy_gwh);
  }, 60_000);

  it('is refused where it does not fit: directions the scheme lacks, steps out of order or range, bad heads', () => {
    const heads = { start_head_m: 4, end_head_m: 1, pump_to_head_m: 0 };
    const ebbOnly = [true, false] as const;
    const ok = { reference: { ebb: heads, flood: null }, decisions: [{ step: 3, time_utc: '', direction: 'ebb', ...heads }] };
    const plan = planFromRecord(ok, 'p', 10, ebbOnly);
    expect(Array.from(plan.decisions.index)).toEqual([3]);
    expect(plan.controls).toEqual([{ start: 4, end: 1, pump: 0 }]);
    expect(plan.reference).toEqual([{ start: 4, end: 1, pump: 0 }, null]);

    const problems = (x: unknown) => [...thrown(() => planFromRecord(x, 'p', 10, ebbOnly), InputError).problems];
    expect(problems(null)).toEqual(['p: expected an object with "reference" (ebb and flood heads) and "decisions" (an array)']);
    expect(problems({ reference: { ebb: heads, flood: heads }, decisions: [] })).toEqual([
      'p.reference.flood: the scheme does not generate on the flood, so it must be null',
    ]);
    expect(problems({ reference: { ebb: null, flood: null }, decisions: [] })).toEqual([
      'p.reference.ebb: the scheme generates on the ebb, so its heads must be given',
    ]);
    expect(
      problems({
        reference: ok.reference,
        decisions: [
          { step: 5, direction: 'flood', ...heads },
          { step: 5, direction: 'ebb', ...heads, end_head_m: -1 },
          { step: 2.5, direction: 'ebb', ...heads },
          { step: 10, direction: 'ebb', ...heads },
        ],
      }),
    ).toEqual([
      'p.decisions[0].direction: the scheme does not generate on the flood',
      'p.decisions[1].end_head_m: expected a head >= 0 m, got -1',
      "p.decisions[1].step: expected a whole sample number after the previous decision's (5) and below 10, got 5",
      "p.decisions[2].step: expected a whole sample number after the previous decision's (5) and below 10, got 2.5",
      "p.decisions[3].step: expected a whole sample number after the previous decision's (5) and below 10, got 10",
    ]);
  });
});
