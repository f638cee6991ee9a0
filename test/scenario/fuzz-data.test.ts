/**
 * Property-based tests over generated data files (fast-check): sea-level series with known
 * defects, area curves and turbine charts. Each is accepted exactly when it is valid (the test
 * knows, from how it built the file, whether it is), and rejected with a clear InputError naming
 * the file and a line inside it otherwise.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRun, buildScheme, type RunInputs } from '../../src/scenario/build.js';
import { scenarioFromObject } from '../../src/scenario/load.js';
import type { SchemeModel } from '../../src/solver/types.js';
import { expectClearInputError, LIBAUX, scratch, tideRows } from '../fixtures.js';

const DATA = fileURLToPath(new URL('../../data', import.meta.url));
const T0 = Date.parse('2018-03-01T00:00:00Z') / 1000;
const FUZZ_SCALE = Number(process.env.FUZZ_SCALE ?? 1);

const tmp = scratch();
let dir: string;
beforeAll(() => {
  dir = tmp();
});

function scenario(files: { tide?: string; area?: string; chart?: string }, fillGapsMaxS?: number) {
  const o = JSON.parse(readFileSync(LIBAUX, 'utf8'));
  delete o.period;
  o.tide.file = files.tide ?? join(DATA, 'liverpool-gladstone-dock-2018-observed.csv');
  if (fillGapsMaxS !== undefined) o.tide.fill_gaps_max_s = fillGapsMaxS;
  o.scheme.basin.area_curve_file = files.area ?? join(DATA, 'mersey-basin-area.csv');
  o.scheme.turbines.curve.file = files.chart ?? join(DATA, 'bulb-turbine-9m-hill-chart.csv');
  return scenarioFromObject(o, join(dir, 'scenario.json'), dir);
}

/** Runs `fn`; undefined when it succeeds, else the error. */
function failure(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

const defect = fc.record({
  kind: fc.constantFrom('gap', 'duplicate', 'swap', 'badLevel', 'badTime', 'blank', 'comment'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 5 }),
  level: fc.constantFrom('NaN', 'nan', 'inf', '-Infinity', '', 'abc', '1e999', '0x1f', '1,5'),
  time: fc.constantFrom('yesterday', '', '2018-13-01T00:00:00Z', '12:00', '2018-03-01T25:00:00Z'),
});

describe('generated sea-level series', () => {
  it(
    'are accepted exactly when clean (gaps: when filling is asked for), else rejected naming the file and a line in it',
    () => {
      fc.assert(
        fc.property(
          fc.record({
            spacing: fc.constantFrom(300, 600, 900, 3600),
            samples: fc.integer({ min: 40, max: 200 }),
            m2: fc.double({ min: 0.1, max: 5, noNaN: true }),
            defects: fc.array(defect, { maxLength: 3 }),
            crlf: fc.boolean(),
            fill: fc.boolean(),
          }),
          (g) => {
            const n = g.samples;
            const rows = tideRows(T0, n, g.spacing, g.m2, 0.3 * g.m2, 0.2);
            // Gaps first, on the original samples; the first and last are kept, so each is inside.
            const removed = new Set<number>();
            for (const d of g.defects.filter((x) => x.kind === 'gap')) {
              const i = 1 + (d.at % (n - 2 - d.length));
              for (let k = i; k < i + d.length; k++) removed.add(k);
            }
            let gaps = 0;
            for (let k = 1; k < n - 1; k++) if (removed.has(k) && !removed.has(k - 1)) gaps++;
            const lines = rows.filter((_, k) => !removed.has(k));
            const clean = lines.join('\n');
            for (const d of g.defects) {
              const k = d.at % lines.length;
              const [time, level] = lines[k].split(',');
              if (d.kind === 'duplicate') lines.splice(k, 0, lines[k]);
              else if (d.kind === 'swap' && k + 1 < lines.length) [lines[k], lines[k + 1]] = [lines[k + 1], lines[k]];
              else if (d.kind === 'badLevel') lines[k] = `${time},${d.level}`;
              else if (d.kind === 'badTime') lines[k] = `${d.time},${level}`;
            }
            // Every change is a defect (the times were strictly increasing), unless defects undo
            // each other: the same pair swapped twice.
            const broken = lines.join('\n') !== clean;
            // Harmless lines last, so they never sit between two rows a defect acts on.
            for (const d of g.defects) {
              if (d.kind === 'blank' || d.kind === 'comment')
                lines.splice(d.at % (lines.length + 1), 0, d.kind === 'blank' ? '' : '# note, 1.5');
            }
            const text = `${['time_utc,level_m', ...lines].join(g.crlf ? '\r\n' : '\n')}\n`;
            const file = join(dir, 'tide.csv');
            writeFileSync(file, text);

            const s = scenario({ tide: file }, g.fill ? 86400 : undefined); // the schema's longest fill (a day)
            let inputs: RunInputs | undefined;
            const err = failure(() => {
              inputs = buildRun(s);
            });
            const shouldFail = broken || (gaps > 0 && !g.fill);
            if (shouldFail) {
              expect(err, 'a defective series is rejected').toBeDefined();
              expectClearInputError(err, [file], { [file]: text.split('\n').length });
              if (!broken) expect((err as Error).message).toMatch(/gap in the series: no sample from \S+ to \S+ \(/);
              return;
            }
            if (err !== undefined) throw err;
            const sea = inputs!.sea.level;
            const z = rows.filter((_, k) => !removed.has(k)).map((r) => Number(r.split(',')[1]));
            const lo = Math.min(...z);
            const hi = Math.max(...z);
            for (const x of sea)
              expect(x >= lo - 1e-12 && x <= hi + 1e-12, `sea level ${x} m inside [${lo}, ${hi}] m`).toBe(true);
            expect(inputs!.notes).toEqual(gaps > 0 ? [expect.stringMatching(new RegExp(`^tide: filled ${gaps} gaps? in `))] : []);
          },
        ),
        { numRuns: 150 * FUZZ_SCALE },
      );
    },
    20_000 * FUZZ_SCALE,
  );
});

/** A cell: a finite number written as JavaScript writes it, or something that is not one. */
const cell = (finite: fc.Arbitrary<number>) =>
  fc.oneof(
    { weight: 12, arbitrary: finite.map((x) => ({ text: String(x), x })) },
    { weight: 1, arbitrary: fc.constantFrom('NaN', 'Infinity', '', 'n/a', '1.5.2', '2 m').map((text) => ({ text, x: NaN })) },
  );

const table = (a: fc.Arbitrary<number>, b: fc.Arbitrary<number>, c?: fc.Arbitrary<number>) =>
  fc.record({
    rows: fc.array(fc.tuple(cell(a), cell(b), cell(c ?? b)), { maxLength: 7 }),
    sorted: fc.boolean(),
  });

/** The rows, sorted by their first value when asked (the test then knows whether they increase). */
function arrange(t: {
  rows: [{ text: string; x: number }, { text: string; x: number }, { text: string; x: number }][];
  sorted: boolean;
}) {
  return t.sorted ? [...t.rows].sort((p, q) => (Number.isNaN(p[0].x) ? 1 : Number.isNaN(q[0].x) ? -1 : p[0].x - q[0].x)) : t.rows;
}

const increasing = (xs: number[]) => xs.every((x, k) => k === 0 || x > xs[k - 1]);
const signed = (lo: number, hi: number) =>
  fc.oneof(fc.double({ min: 0, max: hi, noNaN: true }), fc.double({ min: lo, max: 0, noNaN: true }), fc.constant(0));

describe('generated area curves and turbine charts', () => {
  it(
    'an area curve is accepted exactly when it has two rows or more, finite values, strictly increasing levels, an area >= 0 at the bottom and > 0 above',
    () => {
      fc.assert(
        fc.property(table(fc.double({ min: -20, max: 20, noNaN: true }), signed(-1e6, 1e8)), (t) => {
          const rows = arrange(t);
          const text = `${['level_m,area_m2', ...rows.map((r) => `${r[0].text},${r[1].text}`)].join('\n')}\n`;
          const file = join(dir, 'area.csv');
          writeFileSync(file, text);
          const z = rows.map((r) => r[0].x);
          const a = rows.map((r) => r[1].x);
          const valid =
            rows.length >= 2 &&
            [...z, ...a].every(Number.isFinite) &&
            increasing(z) &&
            a.every((x, k) => (k === 0 ? x >= 0 : x > 0));
          const err = failure(() => buildScheme(scenario({ area: file })));
          if (valid) expect(err).toBeUndefined();
          else expectClearInputError(err, [file], { [file]: text.split('\n').length });
        }),
        { numRuns: 200 * FUZZ_SCALE },
      );
    },
    20_000 * FUZZ_SCALE,
  );

  it(
    'a turbine chart is accepted exactly when it has two rows or more, finite values, heads >= 0 strictly increasing to 0.02 m or more, power and flow >= 0; its table is then finite',
    () => {
      fc.assert(
        fc.property(table(signed(-2, 15), signed(-5, 50), signed(-50, 600)), (t) => {
          const rows = arrange(t);
          const text = `${['head_m,power_mw,flow_m3s', ...rows.map((r) => r.map((c) => c.text).join(','))].join('\n')}\n`;
          const file = join(dir, 'chart.csv');
          writeFileSync(file, text);
          const values = rows.flatMap((r) => r.map((c) => c.x));
          const h = rows.map((r) => r[0].x);
          const valid =
            rows.length >= 2 &&
            values.every(Number.isFinite) &&
            increasing(h) &&
            values.every((x) => x >= 0) &&
            h[h.length - 1] >= 0.02;
          let scheme: SchemeModel | undefined;
          const err = failure(() => {
            scheme = buildScheme(scenario({ chart: file }));
          });
          if (!valid) {
            expectClearInputError(err, [file], { [file]: text.split('\n').length });
            return;
          }
          expect(err).toBeUndefined();
          const { ebb, ratedPower } = scheme!.turbine;
          expect(ebb.power.length).toBeGreaterThanOrEqual(2);
          expect([...ebb.power, ...ebb.flow, ratedPower].every(Number.isFinite)).toBe(true);
        }),
        { numRuns: 200 * FUZZ_SCALE },
      );
    },
    20_000 * FUZZ_SCALE,
  );
});
