/**
 * Scenario files: one clear message per bad field (file, line and column, JSON path, expectation
 * with unit, found value, hint), all at once; JSON syntax errors with line and column; every
 * shipped model points at the schema and passes it.
 */

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { buildRun } from '../../src/scenario/build.js';
import { scanJson } from '../../src/scenario/json-text.js';
import { loadScenario, scenarioFromObject } from '../../src/scenario/load.js';
import { SCHEMA_PATH, schemaProblems } from '../../src/scenario/validate.js';
import { LIBAUX, MERSEY, scenarioProblems as problemsOf, scratch, thrown } from '../fixtures.js';

const tmp = scratch();

const MODELS = fileURLToPath(new URL('../../models', import.meta.url));
const base = () => JSON.parse(readFileSync(LIBAUX, 'utf8'));

/** The problems loading `text` as a scenario file in a temp folder gives (none: []). */
function problemsOfText(text: string): string[] {
  const dir = tmp();
  const file = join(dir, 'x.json');
  writeFileSync(file, text);
  try {
    loadScenario(file);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems.map((p) => p.replace(file, 'x.json'));
  }
  return [];
}

/** Every *.json under models/, except the schema. */
/** A sweep file (its "$schema" is sweep.schema.json): checked by test/sweep/spec.test.ts. */
const isSweep = (f: string) => /(^|\/)sweep\.schema\.json$/.test(String(JSON.parse(readFileSync(f, 'utf8')).$schema));

function modelFiles(dir = MODELS): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? modelFiles(join(dir, e.name))
      : e.name.endsWith('.json') && !e.name.endsWith('.schema.json') && !isSweep(join(dir, e.name))
        ? [join(dir, e.name)]
        : [],
  );
}

describe('shipped models', () => {
  const files = modelFiles();

  it('include the Mersey default and the Libaux ebb-only barrage', () => {
    expect(files).toContain(MERSEY);
    expect(files).toContain(LIBAUX);
  });

  it.each(files.map((f) => [relative(MODELS, f), f]))(
    '%s points "$schema" at models/scenario.schema.json, passes it and loads',
    (_, f) => {
      const obj = JSON.parse(readFileSync(f, 'utf8'));
      expect(typeof obj.$schema).toBe('string');
      expect(resolve(dirname(f), obj.$schema)).toBe(SCHEMA_PATH);
      expect(schemaProblems(obj)).toEqual([]);
      expect(() => loadScenario(f)).not.toThrow();
    },
  );
});

describe('one clear message per bad field', () => {
  it('gives file, line and column, path, expectation with unit, found value and hint', () => {
    const text = readFileSync(LIBAUX, 'utf8').replace('"time_step_s": 300', '"time_step_s": "300"');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"time_step_s"')) + 1;
    const column = lines[line - 1].indexOf('"300"') + 1;
    expect(problemsOfText(text)).toEqual([
      `x.json:${line}:${column}: time_step_s: expected a number > 0 and <= 3600 (seconds), got "300"; write the number without quotes; ` +
        '300 to 600 s (5 to 10 minutes) is accurate for annual energy; the default is 300',
    ]);
  });

  it('lists every problem of a file at once, in the order of the text', () => {
    const o = base();
    o.name = 'my scheme';
    o.time_step_s = -5;
    o.tide.kind = 'observd';
    o.scheme.turbines.count = 2.5;
    o.scheme.sluices.area_m2 = null;
    o.scheme.turbines.curve.chart_diameter_m = 'NaN';
    delete o.operation.ebb.end_head_m;
    o.extra = true;
    const p = problemsOfText(JSON.stringify(o, null, 2));
    expect(p).toHaveLength(8);
    const lineOf = (s: string) => Number(/^x\.json:(\d+):\d+: /.exec(s)?.[1]);
    expect(p.map(lineOf)).toEqual([...p.map(lineOf)].sort((a, b) => a - b));
    const all = p.join('\n');
    expect(all).toMatch(/name: expected a string matching \/\^\[A-Za-z0-9\._-\]\+\$\/, got "my scheme"; use letters, digits/);
    expect(all).toMatch(/time_step_s: expected a number > 0 and <= 3600 \(seconds\), got -5/);
    expect(all).toMatch(/tide\.kind: expected one of "observed", "harmonic", got "observd"; did you mean "observed"\?/);
    expect(all).toMatch(
      /scheme\.turbines\.count: expected a whole number >= 0 and <= 10000 \(turbines\), got 2\.5; give a whole number/,
    );
    expect(all).toMatch(
      /scheme\.sluices\.area_m2: expected a number >= 0 and <= 1000000 \(square metres\), got null; give a value/,
    );
    expect(all).toMatch(
      /scheme\.turbines\.curve\.chart_diameter_m: expected a number > 0 and <= 20 \(metres\), got "NaN"; JSON has no NaN or Infinity; give a finite number/,
    );
    expect(all).toMatch(/operation\.ebb\.end_head_m: missing: this field is required, a number >= 0 and <= 50 \(metres\)/);
    expect(all).toMatch(/extra: unknown field; expected one of \$schema, name, /);
  });

  it('reads a number too large for a double as Infinity and says so', () => {
    const text = readFileSync(LIBAUX, 'utf8').replace('"diameter_m": 8', '"diameter_m": 1e400');
    expect(problemsOfText(text)[0]).toMatch(
      /scheme\.turbines\.diameter_m: expected a number > 0 and <= 20 \(metres\), got Infinity; numbers must be finite/,
    );
  });

  it('flags a key given twice (JSON.parse silently keeps the last)', () => {
    const text = readFileSync(LIBAUX, 'utf8').replace('"diameter_m": 8,', '"diameter_m": 8, "diameter_m": 9,');
    expect(problemsOfText(text)).toEqual([
      expect.stringMatching(
        /^x\.json:\d+:\d+: scheme\.turbines\.diameter_m: given twice \(first at line \d+, column \d+\); JSON keeps only the last one/,
      ),
    ]);
  });

  it('names the kinds a discriminated field accepts, and the fields an object accepts', () => {
    const o = base();
    o.tide = { kind: 'harmonc' };
    expect(problemsOf(o)).toEqual([
      'models/x.json: tide.kind: expected one of "observed", "harmonic", got "harmonc"; did you mean "harmonic"?',
    ]);
    const p = base();
    p.tide = 7;
    expect(problemsOf(p)).toEqual(['models/x.json: tide: expected an object with "kind" one of "observed", "harmonic", got 7']);
  });

  it('says what the top level must be', () => {
    expect(problemsOfText('[1, 2]')).toEqual(['x.json:1:1: (top level): expected an object { ... }, got [1,2]']);
  });

  it('checks a period shorter than one time step', () => {
    const o = base();
    o.period = { start: '2018-01-01T00:00:00Z', end: '2018-01-01T00:04:00Z' };
    expect(problemsOf(o)).toEqual([
      'models/x.json: period.end: expected at least one time step (300 s) after period.start (2018-01-01T00:00:00Z), got 2018-01-01T00:04:00Z',
    ]);
  });

  it('the ebb-only mode needs its heads (the schema leaves operation.ebb optional)', () => {
    const o = base();
    delete o.operation.ebb;
    expect(problemsOf(o)).toEqual([
      'models/x.json: operation.ebb: missing; mode "ebb-only" generates on the ebb: give its start_head_m and end_head_m',
    ]);
  });

  it('opt-in gap filling takes a positive number of seconds', () => {
    const o = base();
    o.tide.fill_gaps_max_s = 0;
    expect(problemsOf(o)).toEqual([
      expect.stringMatching(
        /^models\/x\.json: tide\.fill_gaps_max_s: expected a number > 0 and <= 2592000 \(seconds\), got 0; give the longest gap/,
      ),
    ]);
  });
});

describe('JSON syntax errors give line and column', () => {
  const cases: [string, string, string][] = [
    [
      '{\n  "name": "x",\n  "tide": { "kind": observed }\n}',
      '3:21',
      'found the word observed; text values take double quotes, e.g. "observed"',
    ],
    ['{\n  "name": "x",\n}', '3:1', "trailing comma before '}'"],
    ['{\n  "a": [1, 2,]\n}', '2:14', "trailing comma before ']'"],
    ['{\n  "time_step_s": NaN\n}', '2:18', 'found NaN: JSON has no NaN or Infinity'],
    ['{\n  "a": 1\n  "b": 2\n}', '3:3', `expected ',' or '}' after the value of "a"`],
    ['{\n  "a": [1 2]\n}', '2:11', "expected ',' or ']' after a list element"],
    ['{\n  "a": "x\\q"\n}', '2:10', 'bad escape \\q in a string'],
    ['{\n  "a": "line\nbreak"\n}', '2:13', 'line break inside a string'],
    ['{\n  "a": 01\n}', '2:8', 'malformed number "01"'],
    ['{\n  "a": .5\n}', '2:8', 'malformed number: JSON numbers start with a digit'],
    ["{\n  'a': 1\n}", '2:3', 'double quotes ("), not single'],
    ['{\n  // note\n  "a": 1\n}', '2:3', 'comments are not allowed in JSON'],
    ['{\n  "a": {\n    "b": 1\n', '4:1', 'unexpected end of the file'],
    ['{\n  "a": "open\n}', '2:13', 'line break inside a string'],
    ['{ "a": "never closed', '1:8', 'this string is never closed'],
    ['{ "a": 1 } }', '1:12', 'after the end of the JSON value'],
    ['', '1:1', 'the file is empty'],
    ['   \n  ', '2:3', 'the file is empty'],
  ];
  it.each(cases)('%j -> %s', (text, where, message) => {
    const p = problemsOfText(text);
    expect(p).toHaveLength(1);
    expect(p[0].startsWith(`x.json:${where}: not valid JSON: `)).toBe(true);
    expect(p[0]).toContain(message);
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const [text] of cases) expect(() => JSON.parse(text)).toThrow();
    const good = ['{}', '[]', '{"a":[1,-2.5e-3,true,false,null,"\\u00e9\\n"]}', ' \n{ "a" : { } }\n', '0', '"s"'];
    for (const text of good) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(scanJson(text).syntax).toBeUndefined();
    }
  });

  it('accepts a byte-order mark at the start of the file', () => {
    expect(
      problemsOfText(`\ufeff${readFileSync(LIBAUX, 'utf8').replace(/"\.\.\/data\//g, `"${join(MODELS, '..', 'data')}/`)}`),
    ).toEqual([]);
  });
});

describe('paths', () => {
  it('are resolved from the scenario file, not the working folder; all unreadable files are named at once', () => {
    const o = base();
    o.scheme.basin.area_curve_file = 'nope-area.csv';
    o.scheme.turbines.curve.file = '../data/nope-chart.csv';
    const s = scenarioFromObject(o, join(MODELS, 'x.json'), MODELS);
    expect(s.scheme.basin.area_curve_file).toBe(join(MODELS, 'nope-area.csv'));
    expect(s.tide.kind === 'observed' && s.tide.file).toBe(resolve(MODELS, '../data/liverpool-gladstone-dock-2018-observed.csv'));
    expect(thrown(() => buildRun(s), InputError).problems).toEqual([
      `${join(MODELS, 'x.json')}: scheme.basin.area_curve_file: ${join(MODELS, 'nope-area.csv')}: cannot read the file (ENOENT): no such file; relative paths are resolved from the scenario file's folder (${MODELS})`,
      `${join(MODELS, 'x.json')}: scheme.turbines.curve.file: ${resolve(MODELS, '../data/nope-chart.csv')}: cannot read the file (ENOENT): no such file; relative paths are resolved from the scenario file's folder (${MODELS})`,
    ]);
  });

  it('a folder given as a data file is named as such', () => {
    const o = base();
    o.scheme.basin.area_curve_file = '../data';
    expect(() => buildRun(scenarioFromObject(o, 'x.json', MODELS))).toThrow(
      /scheme\.basin\.area_curve_file: .*data: cannot read the file \(EISDIR\): this is a folder, not a file/,
    );
  });

  it('a missing scenario file names the path tried', () => {
    const dir = tmp();
    expect(() => loadScenario(join(dir, 'none.json'))).toThrow(
      `${join(dir, 'none.json')}: cannot read the scenario file (ENOENT): no such file`,
    );
  });
});
