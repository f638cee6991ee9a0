import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fmt } from '../../src/numbers.js';
import { DEFAULT_SCENARIO, PACKAGE_ROOT, toolVersion } from '../../src/paths.js';
import { canonicalJson, jsonSha256, sha256Hex } from '../../src/report/digest.js';
import { SUMMARY_FORMAT } from '../../src/report/summary-file.js';
import { summaryText } from '../../src/report/summary-text.js';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/simulate.js';
import { runCli as run, scratch } from '../fixtures.js';
import { pageText } from './page-text.js';

const tmp = scratch();

/** The inlined figure data of a page. */
function pageData(html: string): { t0: number; figures: { id: string; data: { name: string }[] }[] } {
  const open = '<script type="application/json" id="report-data">';
  const start = html.indexOf(open) + open.length;
  return JSON.parse(html.slice(start, html.indexOf('</script>', start)));
}

/** A one-month copy of the Mersey Libaux scheme (observed tide, chart turbine) with its own data files, so a test can change them. */
function privateScenario(): { dir: string; scenario: string } {
  const dir = tmp();
  const s = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'models', 'mersey-barrage-libaux-ebb.json'), 'utf8'));
  for (const f of ['liverpool-gladstone-dock-2018-observed.csv', 'mersey-basin-area.csv', 'bulb-turbine-9m-hill-chart.csv'])
    copyFileSync(join(PACKAGE_ROOT, 'data', f), join(dir, f));
  s.name = 'mersey-march';
  s.$schema = join(PACKAGE_ROOT, 'models', 'scenario.schema.json');
  s.period = { start: '2018-03-01T00:00:00Z', end: '2018-03-31T00:00:00Z' };
  s.tide.file = 'liverpool-gladstone-dock-2018-observed.csv';
  s.scheme.basin.area_curve_file = 'mersey-basin-area.csv';
  s.scheme.turbines.curve.file = 'bulb-turbine-9m-hill-chart.csv';
  const scenario = join(dir, 'mersey-march.json');
  writeFileSync(scenario, JSON.stringify(s, null, 2));
  return { dir, scenario };
}

describe('canonical JSON and hashes', () => {
  it('SHA-256 of a published test vector (FIPS 180-2, "abc")', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('canonical JSON sorts keys at every depth and ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 'x', c: null }], e: undefined })).toBe('{"a":[1,{"c":null,"d":"x"}],"b":1}');
    expect(jsonSha256({ x: { p: 1, q: [2, 3] }, y: 0.1 })).toBe(jsonSha256({ y: 0.1, x: { q: [2, 3], p: 1 } }));
    expect(jsonSha256({ y: 0.1 })).not.toBe(jsonSha256({ y: 0.10000000000000002 }));
  });
});

describe('result folder and summary.json', () => {
  it('writes summary.json (versioned, scenario with its hash, data hashes) and monthly.csv; series.csv and report.html only on request', async () => {
    const { dir, scenario } = privateScenario();
    const a = join(dir, 'plain');
    expect((await run(['simulate', scenario, '--out', a])).code).toBe(0);
    expect(readdirSync(a).sort()).toEqual(['monthly.csv', 'summary.json', 'tides.csv']);
    const doc = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8'));
    expect(doc.format).toBe(SUMMARY_FORMAT);
    expect(doc.tool).toBe('mersey-tidal');
    expect(doc.tool_version).toBe(toolVersion());
    expect(doc.scenario.name).toBe('mersey-march');
    expect(doc.scenario_sha256).toBe(createHash('sha256').update(canonicalJson(doc.scenario)).digest('hex'));
    expect(Object.keys(doc.data_sha256).sort()).toEqual([...doc.summary.data_files].sort());
    for (const [f, h] of Object.entries(doc.data_sha256))
      expect(h).toBe(createHash('sha256').update(readFileSync(f)).digest('hex'));

    const b = join(dir, 'full');
    expect((await run(['simulate', scenario, '--series', '--html', '--out', b])).code).toBe(0);
    expect(readdirSync(b).sort()).toEqual(['monthly.csv', 'report.html', 'series.csv', 'summary.json', 'tides.csv']);
    // Same inputs, same summary: the folder is reproducible byte for byte.
    expect(readFileSync(join(b, 'summary.json'), 'utf8')).toBe(readFileSync(join(a, 'summary.json'), 'utf8'));
  });
});

describe('terminal summary', () => {
  it('states generated, pumping and net energy for a pumping scheme, and draws no bar for a month whose net energy is negative', () => {
    const s = loadScenario(DEFAULT_SCENARIO);
    s.period = { start: '2018-03-01T00:00:00Z', end: '2018-03-03T00:00:00Z' };
    const r = simulate(s);
    const text = summaryText(r.summary, 'x.json', '');
    expect(text).toMatch(/Annual energy +[\d,.]+ GWh\/yr {2}net of pumping/);
    expect(text).toMatch(/\n {2}exported +[\d,.]+ GWh\/yr\n {2}drawn pumping +[\d,.]+ GWh\/yr/);
    expect(text).toMatch(/Loss waterfall \(GWh\/yr\)/);
    // Every stage of the waterfall with its energy, and the net it closes on.
    const w = r.summary.waterfall;
    for (const st of [...w.generation, ...w.pumping])
      expect(text).toContain(`${st.label.padEnd(52)}${fmt(st.annual_gwh, 1).padStart(10)}`);
    expect(text).toMatch(new RegExp(`\\n {2}net exported +${fmt(w.net_annual_gwh, 1).replace('.', '\\.')}\\n`));
    r.summary.monthly[0].energy_gwh = -1.25;
    expect(summaryText(r.summary, 'x.json', '')).toMatch(/\n {2}2018-03 +-1\.3 {2}\n/);
  });
});

describe('mersey-tidal report', () => {
  it('reruns the recorded scenario and writes the same page as simulate --html', async () => {
    const { dir, scenario } = privateScenario();
    const res = join(dir, 'run');
    expect((await run(['simulate', scenario, '--html', '--out', res])).code).toBe(0);
    const r = await run(['report', join(res, 'summary.json'), '--out', join(dir, 'again.html')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(join(dir, 'again.html'));
    expect(readFileSync(join(dir, 'again.html'), 'utf8') === readFileSync(join(res, 'report.html'), 'utf8')).toBe(true);
    // Default output: report.html beside the summary.
    expect((await run(['report', join(res, 'summary.json')])).code).toBe(0);
    expect(existsSync(join(res, 'report.html'))).toBe(true);
  });

  it('overlays several runs in one comparison page', async () => {
    const { dir, scenario } = privateScenario();
    const s = JSON.parse(readFileSync(scenario, 'utf8'));
    s.name = 'mersey-march-low-heads';
    s.operation.ebb = { start_head_m: 3, end_head_m: 1 };
    const other = join(dir, 'low.json');
    writeFileSync(other, JSON.stringify(s));
    expect((await run(['simulate', scenario, '--out', join(dir, 'a')])).code).toBe(0);
    expect((await run(['simulate', other, '--out', join(dir, 'b')])).code).toBe(0);
    const out = join(dir, 'cmp.html');
    const r = await run(['report', join(dir, 'a', 'summary.json'), join(dir, 'b', 'summary.json'), '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const text = pageText(html);
    expect(text).toContain('<title>Comparison: mersey-march vs mersey-march-low-heads</title>');
    expect(text).toMatch(/Inputs that differ.*operation\.ebb\.start_head_m/s);
    const levels = pageData(html).figures.find((f) => f.id === 'levels');
    expect(levels?.data.map((t) => t.name)).toEqual(
      expect.arrayContaining(['basin level (mersey-march)', 'basin level (mersey-march-low-heads)']),
    );
  });

  it('optimise --html: the flexible run and the best fixed heads each with its own heads, revenue at the prices; report of the flexible summary the same', async () => {
    const dir = tmp();
    const s = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'models', 'mersey-barrage-flexible.json'), 'utf8'));
    const abs = (f: string) => join(PACKAGE_ROOT, 'models', f);
    s.tide.file = abs(s.tide.file);
    s.scheme.basin.area_curve_file = abs(s.scheme.basin.area_curve_file);
    s.scheme.turbines.curve.file = abs(s.scheme.turbines.curve.file);
    s.operation.flexible.prices_file = abs(s.operation.flexible.prices_file);
    s.period = { start: '2018-03-05T00:00:00Z', end: '2018-03-09T00:00:00Z' };
    s.time_step_s = 600;
    delete s.$schema;
    const scenario = join(dir, 'short.json');
    writeFileSync(scenario, JSON.stringify(s));
    const out = join(dir, 'flex');
    const r = await run(['optimise', scenario, '--html', '--out', out, '--workers', '1', '--quiet']);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const text = pageText(html);
    // Found on the old page: the scenario's heads in both columns, "Inputs that differ: None", no revenue.
    const ops = [...text.matchAll(/<th>Operation<\/th><td>(.*?)<\/td><td>(.*?)<\/td>/g)][0];
    expect(ops[1]).toMatch(/flexible heads per half tide/);
    expect(ops[2]).toMatch(/best fixed heads: /);
    expect(text).not.toContain('None: the runs have the same inputs');
    expect(text).toMatch(/<th>Net revenue<\/th><td>[\d.,-]+ million GBP\/yr/);
    const ids = pageData(html).figures.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['revenue', 'heads-0']));
    // The flexible run's page, rerun from its summary: its plan's heads and the scenario's prices.
    const again = join(dir, 'again.html');
    expect((await run(['report', join(out, 'summary.json'), '--out', again])).code).toBe(0);
    const one = readFileSync(again, 'utf8');
    expect(pageText(one)).toMatch(/<th>Operation<\/th><td>[^<]*flexible heads per half tide/);
    expect(pageData(one).figures.map((f) => f.id)).toEqual(expect.arrayContaining(['revenue', 'heads']));
  }, 120_000);

  it("sweep --heatmap picks the heat map's two fields; a field that is not swept is refused before anything runs", async () => {
    const dir = tmp();
    const file = join(dir, 'small.json');
    const parameters = { 'scheme.turbines.count': [20, 28], 'scheme.sluices.area_m2': [2000, 2592], time_step_s: [600, 900] };
    writeFileSync(
      file,
      JSON.stringify({ name: 'small', base: DEFAULT_SCENARIO, overrides: { 'period.end': '2018-01-03T00:00:00Z' }, parameters }),
    );
    const bad = await run([
      'sweep',
      file,
      '--heatmap',
      'scheme.turbines.count,scheme.turbines.diameter_m',
      '--out',
      join(dir, 'x'),
      '--quiet',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('not swept: scheme.turbines.diameter_m');
    expect(existsSync(join(dir, 'x'))).toBe(false);
    const out = join(dir, 'res');
    const r = await run([
      'sweep',
      file,
      '--heatmap',
      'time_step_s,scheme.sluices.area_m2',
      '--out',
      out,
      '--quiet',
      '--workers',
      '1',
    ]);
    expect(r.code).toBe(0);
    const page = pageText(readFileSync(join(out, 'designs.html'), 'utf8'));
    expect(page).toContain('<h2>Annual energy (GWh/yr) over time step (s) and scheme sluices area (m²)</h2>');
    expect(page).toContain('<div class="plot" id="sweep-effects"></div>');
  }, 120_000);

  it('refuses a summary whose scenario was edited, naming the file', async () => {
    const { dir, scenario } = privateScenario();
    const res = join(dir, 'run');
    await run(['simulate', scenario, '--out', res]);
    const f = join(res, 'summary.json');
    const doc = JSON.parse(readFileSync(f, 'utf8'));
    doc.scenario.scheme.turbines.count = 30;
    writeFileSync(f, JSON.stringify(doc));
    const out = join(dir, 'x.html');
    const r = await run(['report', f, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f}: the scenario does not match its recorded hash`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses when a data file changed since the run', async () => {
    const { dir, scenario } = privateScenario();
    const res = join(dir, 'run');
    await run(['simulate', scenario, '--out', res]);
    const area = join(dir, 'mersey-basin-area.csv');
    writeFileSync(area, readFileSync(area, 'utf8').replace('3614051', '3614052'));
    const r = await run(['report', join(res, 'summary.json'), '--out', join(dir, 'x.html')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/data file .*mersey-basin-area\.csv changed since the run/);
  });

  it('refuses when the rerun does not reproduce the recorded energy', async () => {
    const { dir, scenario } = privateScenario();
    const res = join(dir, 'run');
    await run(['simulate', scenario, '--out', res]);
    const f = join(res, 'summary.json');
    const doc = JSON.parse(readFileSync(f, 'utf8'));
    doc.summary.energy_gwh *= 1.001;
    writeFileSync(f, JSON.stringify(doc));
    const r = await run(['report', f, '--out', join(dir, 'x.html')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /rerunning the recorded scenario gives [\d.]+ GWh .* the summary says [\d.]+ GWh .*with the same tool version/,
    );
  });

  it('explains an older format, a file that is not a summary, a missing file and a bad window time', async () => {
    const dir = tmp();
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ format: 1, tool_version: '0.1.0', summary: {}, scenario: {} }));
    expect((await run(['report', old])).err).toContain(
      'summary.json format 1 (before scenario hashes); run `mersey-tidal simulate` again',
    );
    const other = join(dir, 'other.json');
    writeFileSync(other, '[1, 2]');
    expect((await run(['report', other])).err).toContain(`${other}: not a mersey-tidal summary.json`);
    const r = await run(['report', join(dir, 'none.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('none.json: cannot read the summary (ENOENT)');
    const w = await run(['report', old, '--window-start', 'March']);
    expect(w.code).toBe(2);
    expect(w.err).toContain('--window-start: expected an ISO 8601 time');
  });
});
