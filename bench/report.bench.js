// Report pages in headless Chromium (Debian's /usr/bin/chromium through playwright-core; never a
// downloaded browser): page size, first contentful paint (the text) and the time until every plot
// is drawn, medians of several cold opens in fresh contexts. The peer in the same run is a page
// holding only the inlined plotly.js bundle: the part of the time that is plotly.js starting up.
// The machine is shared: wall times grow with its load (printed with them). The renderer's main
// thread CPU time until every plot is drawn (Chromium's ThreadTime metric) hardly does: on an idle
// machine the wall time is close to it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './harness.js';

const dist = new URL('../dist/', import.meta.url);
const load = async (p) => import(new URL(p, dist).href);

export default async function (h) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    h.figure('report pages', 0, 'skipped', 'playwright-core missing');
    return;
  }
  const { DEFAULT_SCENARIO, PACKAGE_ROOT } = await load('paths.js');
  const { loadScenario } = await load('scenario/load.js');
  const { buildOperation, buildScheme } = await load('scenario/build.js');
  const { simulate } = await load('simulate.js');
  const { reportHtml } = await load('report/html.js');
  const { plotlyBundle } = await load('report/page.js');
  const { sweepReportHtml } = await load('report/sweep.js');
  const { validationHtml } = await load('validation/plot.js');
  const { runValidation } = await load('validation/suite.js');

  const runOf = (edit = () => {}) => {
    const s = loadScenario(DEFAULT_SCENARIO);
    edit(s);
    return { result: simulate(s), scheme: buildScheme(s), ops: buildOperation(s), label: s.name };
  };
  const a = runOf();
  const b = runOf((s) => {
    s.name = 'mersey-ebb-only';
    const { start_head_m, end_head_m } = s.operation.ebb;
    s.operation = {
      ...s.operation,
      mode: 'ebb-only',
      ebb: { start_head_m, end_head_m, sluice_while_generating: false },
      ramp_s: 0,
    };
  });
  const c = runOf((s) => {
    s.name = 'mersey-higher-start-heads';
    s.operation.ebb.start_head_m += 0.5;
    s.operation.flood.start_head_m += 0.5;
  });
  const rows = [];
  for (const diameter_m of [6, 7, 8, 9])
    for (const turbine_count of [16, 24, 32, 40])
      for (const sluice_area_m2 of [1500, 2500, 3500]) {
        const capacity_mw = turbine_count * 0.48 * diameter_m ** 2;
        rows.push({
          design: rows.length,
          diameter_m,
          turbine_count,
          sluice_area_m2,
          capacity_mw,
          annual_energy_gwh: capacity_mw ** 0.8,
        });
      }
  const dir = join(PACKAGE_ROOT, 'out', 'bench', 'pages');
  mkdirSync(dir, { recursive: true });
  const alone = (js) =>
    `<!DOCTYPE html><html><body><p>x</p><script>${js.replace(/<\/(script)/gi, '<\\/$1')}</script><script>requestAnimationFrame(function(){document.body.setAttribute('data-drawn-ms', String(Math.round(performance.now())));document.body.setAttribute('data-rendered','0')})</script></body></html>`;
  // The official cartesian bundle of the same release, for comparison, where the development
  // dependency plotly.js (which the pages' bundle is built from) is installed.
  let cartesian;
  try {
    cartesian = readFileSync(createRequire(import.meta.url).resolve('plotly.js/dist/plotly-cartesian.min.js'), 'utf8');
  } catch {
    cartesian = undefined;
  }
  const pages = {
    'plotly.js alone (peer)': alone(plotlyBundle().text),
    ...(cartesian ? { "plotly.js's official cartesian bundle alone": alone(cartesian) } : {}),
    'simulate --html (a year at 5-minute steps)': reportHtml([a], { toolVersion: 'bench' }),
    'report a b (comparison, two years at 5 min)': reportHtml([a, b], { toolVersion: 'bench' }),
    'report a b c (comparison, three years at 5 min)': reportHtml([a, b, c], { toolVersion: 'bench' }),
    'sweep designs.html (48 designs)': sweepReportHtml(
      rows,
      { inputs: ['diameter_m', 'turbine_count', 'sluice_area_m2'] },
      { title: 'bench', toolVersion: 'bench' },
    ),
    'validate --quick validation.html': validationHtml(await runValidation(), null, { toolVersion: 'bench' }),
  };
  // Each plot's Plotly.newPlot of the scheme report, timed in the page (the synchronous part, where
  // plotly.js does nearly all its work): a copy of the page with newPlot wrapped before it draws.
  const perPlot = 'simulate --html (a year at 5-minute steps)';
  const timed = (html) => {
    const at = html.lastIndexOf('<script>');
    const wrap =
      '<script>(function(){var np=Plotly.newPlot;window.__plotMs={};Plotly.newPlot=function(id){var t=performance.now();var p=np.apply(this,arguments);window.__plotMs[id]=performance.now()-t;return p;};})();</script>';
    return html.slice(0, at) + wrap + html.slice(at);
  };
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Headless Chromium opens a browser window for each fresh context, and with it loads the
      // address bar's suggestion popups (chrome://omnibox-popup.top-chrome/, a WebUI renderer
      // each), which compete with the page being timed for the 2 cores. A browser already running
      // opens a file in a tab of a window that has them.
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    ],
  });
  const reps = h.quick ? 3 : 7;
  h.figure('load average (1 min) at start', loadavg()[0], '', '2 cores shared');
  try {
    let k = 0;
    let peerCpu = 0;
    for (const [name, html] of Object.entries(pages)) {
      const file = join(dir, `page-${k++}.html`);
      writeFileSync(file, name === perPlot ? timed(html) : html);
      const drawn = [];
      const plotMs = {};
      const fcp = [];
      const cpu = [];
      for (let i = 0; i < reps + 1; i++) {
        const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        const page = await ctx.newPage();
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(pathToFileURL(file).href);
        await page.waitForFunction(
          () => document.body.hasAttribute('data-rendered') || document.body.hasAttribute('data-error'),
          null,
          {
            timeout: 120_000,
          },
        );
        const t = await page.evaluate(() => ({
          plotMs: window.__plotMs,
          drawn: Number(document.body.getAttribute('data-drawn-ms')),
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        }));
        const { metrics } = await cdp.send('Performance.getMetrics');
        await ctx.close();
        if (i === 0) continue; // the first open warms the browser's caches
        for (const [id, ms] of Object.entries(t.plotMs ?? {})) {
          plotMs[id] ??= [];
          plotMs[id].push(ms);
        }
        drawn.push(t.drawn);
        fcp.push(t.fcp);
        cpu.push(1000 * metrics.find((m) => m.name === 'ThreadTime').value);
      }
      const peer = name.includes('(peer)');
      const alone = name.endsWith(' alone');
      if (peer || alone) h.figure(`${name}: page size`, html.length / 1e6, 'MB');
      else h.target(`${name}: page size`, html.length / 1e6, 'MB', { below: 6 }, 'target: under 6 MB');
      h.figure(`${name}: text shown (first contentful paint)`, median(fcp), 'ms', `median of ${reps}`);
      const spread = `median of ${reps}; min ${Math.min(...drawn)}, max ${Math.max(...drawn)}`;
      if (peer || alone) h.figure(`${name}: every plot drawn`, median(drawn), 'ms', spread);
      else h.target(`${name}: every plot drawn`, median(drawn), 'ms', { below: 1500 }, spread);
      h.figure(`${name}: main-thread CPU until drawn`, median(cpu), 'ms', `median of ${reps}; Chromium ThreadTime`);
      for (const [id, ms] of Object.entries(plotMs))
        h.figure(`${name}: plot ${id} (Plotly.newPlot)`, median(ms), 'ms', `median of ${reps}; wall time in the page`);
      if (peer) peerCpu = median(cpu);
      else
        h.figure(
          `${name}: main-thread CPU beyond the peer's`,
          median(cpu) - peerCpu,
          'ms',
          alone ? "its start-up beyond the pages' bundle's" : 'decoding the data and drawing',
        );
    }
  } finally {
    await browser.close();
  }
  h.figure('load average (1 min) at end', loadavg()[0], '', '2 cores shared');
}
