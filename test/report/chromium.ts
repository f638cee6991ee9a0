/// <reference lib="dom" />
/**
 * The browser suites' shared Chromium: Debian's headless Chromium (through playwright-core, never
 * a downloaded browser), launched once per suite, opening report pages from file:// with every
 * request outside file:/data: refused, and the checks every page must pass. Screenshots go to out/
 * for people to look at.
 */

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { plotlyBundle } from '../../src/report/page.js';

const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
/** No Chromium here, and not under CI (where that is a failure): the browser suites skip, saying why. */
export const skipBrowser = !haveBrowser && process.env.CI !== 'true';
if (skipBrowser)
  console.warn(
    `browser tests skipped: ${CHROMIUM} is missing (install Debian's chromium: apt-get install chromium). Under CI=true this is a failure.`,
  );

const OUT = join(PACKAGE_ROOT, 'out');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PlotState {
  id: string;
  redrawn: boolean;
  top: (number | null)[];
  traces: number;
  types: string[];
  points: number[];
  rendered: number;
  drawn: number;
  /** Legend groups of the traces that draw nothing (mode 'none': hover only), and of the path shapes that drew. */
  hoverOnly: string[];
  shapeGroups: string[];
  titles: string[];
}

export interface PageCheck {
  /** Width of the page's content (px): more than the window's 1400 scrolls sideways. */
  width: number;
  plots: PlotState[];
  rendered: string | null;
  error: string | null;
  consoleErrors: string[];
  offPage: string[];
  requests: string[];
}

/** The pages of a suite, opened in the suite's Chromium. */
export interface ChromiumPages {
  /** Writes page `name` to out/ (kept for people to look at), to be opened by that name. */
  write(name: string, html: string): void;
  /** Names page file `file` (anywhere), to be opened by that name. */
  add(name: string, file: string): void;
  /**
   * Opens a page offline (in the browser's time zone `timezoneId`, default the machine's), waits
   * for the plots, checks them and saves a screenshot to out/; `act` runs before the screenshot.
   */
  open(
    name: string,
    act?: (p: Page) => Promise<unknown>,
    screenshot?: boolean,
    timezoneId?: string,
  ): Promise<PageCheck & { actResult?: unknown }>;
}

/** Call once in a suite (inside its describe.skipIf(skipBrowser)): Chromium starts before its tests and closes after them. */
export function chromiumPages(): ChromiumPages {
  let browser: Browser;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    if (!haveBrowser)
      throw new Error(
        `${CHROMIUM} is missing: .ci/run installs Debian's chromium with apt-get; the browser tests cannot run without it`,
      );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const write = (name: string, html: string) => {
    mkdirSync(OUT, { recursive: true });
    const f = join(OUT, `${name}.html`);
    writeFileSync(f, html);
    files[name] = f;
  };

  const add = (name: string, file: string) => {
    files[name] = file;
  };

  async function open(
    name: string,
    act?: (p: Page) => Promise<unknown>,
    screenshot = true,
    timezoneId?: string,
  ): Promise<PageCheck & { actResult?: unknown }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block', timezoneId });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const offPage: string[] = [];
    const requests: string[] = [];
    const local = (u: string) => u.startsWith('file:') || u.startsWith('data:');
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (local(u)) return route.continue();
      offPage.push(u);
      return route.abort('blockedbyclient');
    });
    page.on('request', (r) => requests.push(r.url()));
    page.on('websocket', (w) => offPage.push(w.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
    try {
      await page.goto(pathToFileURL(files[name]).href);
      await page.waitForFunction(
        () => document.body.hasAttribute('data-rendered') || document.body.hasAttribute('data-error'),
        null,
        { timeout: 60_000 },
      );
      const actResult = act ? await act(page) : undefined;
      const state = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        rendered: document.body.getAttribute('data-rendered'),
        error: document.body.getAttribute('data-error'),
        plots: [...document.querySelectorAll<HTMLElement>('div.plot')].map((el) => {
          const gd = el as HTMLElement & {
            data?: { type?: string; x?: unknown[]; z?: unknown[] }[];
            _fullData?: { mode?: string; uid: string; legendgroup: string }[];
            layout?: { shapes?: { legendgroup?: string }[] };
          };
          const main = el.querySelector('.cartesianlayer');
          const groups = main ? [...main.querySelectorAll('g.trace, g.hm')] : [];
          const hoverOnly = (gd._fullData ?? []).filter((t) => t.mode === 'none');
          const isHoverOnly = (g: Element) => hoverOnly.some((t) => g.classList.contains(`trace${t.uid}`));
          return {
            id: el.id,
            // plotly.js sets this when it had to draw the plot again for a margin it widened
            // after the first pass (a cost the pages avoid with margins wide enough).
            redrawn: '_redrawFromAutoMarginCount' in ((gd as { _fullLayout?: object })._fullLayout ?? {}),
            // The top margin given and the one drawn: plotly.js widens it for a legend that does
            // not fit, drawing the legend and the frame again.
            top: [
              (gd as { layout?: { margin?: { t?: number } } }).layout?.margin?.t ?? null,
              (gd as { _fullLayout?: { _size?: { t?: number } } })._fullLayout?._size?.t ?? null,
            ],
            traces: gd.data?.length ?? 0,
            types: [...new Set((gd.data ?? []).map((t) => t.type ?? 'scatter'))],
            points: (gd.data ?? []).map((t) => (t.type === 'heatmap' ? (t.z?.length ?? 0) : (t.x?.length ?? 0))),
            rendered: groups.length,
            // Groups that drew something: a path with a shape, or the heat map's image.
            drawn: groups.filter(
              (g) =>
                !isHoverOnly(g) &&
                ([...g.querySelectorAll('path')].some((p) => (p.getAttribute('d') ?? '').length > 2) ||
                  g.querySelector('image') !== null),
            ).length,
            hoverOnly: hoverOnly.map((t) => t.legendgroup),
            // Shapes that drew points: a path of zero-length segments shows only with round caps.
            shapeGroups: [...el.querySelectorAll('.shapelayer path')]
              .filter((p) => (p.getAttribute('d') ?? '').length > 2 && getComputedStyle(p).strokeLinecap === 'round')
              .map((p) => gd.layout?.shapes?.[Number(p.getAttribute('data-index'))]?.legendgroup ?? ''),
            titles: [...el.querySelectorAll('.infolayer text')]
              .filter((t) => /title/.test(t.getAttribute('class') ?? ''))
              .map((t) => t.textContent ?? ''),
          };
        }),
      }));
      if (screenshot) await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      return { ...state, consoleErrors, offPage, requests, actResult };
    } finally {
      await context.close();
    }
  }

  return { write, add, open };
}

/** The page opened with no error and no request leaving it, and drew the plots `ids` in order, each whole. */
export function expectAllRendered(c: PageCheck, ids: string[]): void {
  expect(c.error).toBeNull();
  expect(c.consoleErrors).toEqual([]);
  expect(c.offPage).toEqual([]);
  expect(c.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
  expect(c.rendered).toBe(String(ids.length));
  expect(c.plots.map((p) => p.id)).toEqual(ids);
  const inBundle = plotlyBundle().traces;
  for (const p of c.plots) {
    expect(p.traces, p.id).toBeGreaterThan(0);
    expect(p.redrawn, `${p.id}: drawn once, not again for its margins`).toBe(false);
    for (const t of p.types) expect(inBundle, `${p.id}: trace type ${t} is in the inlined bundle`).toContain(t);
    for (const n of p.points) expect(n, `${p.id}: every trace has points`).toBeGreaterThan(0);
    expect(p.rendered, `${p.id}: a drawn group per trace`).toBe(p.traces);
    expect(p.drawn, `${p.id}: every group drew something, but those that only hover`).toBe(p.traces - p.hoverOnly.length);
    for (const g of p.hoverOnly) expect(p.shapeGroups, `${p.id}: a shape drew the points of ${g}`).toContain(g);
    expect(p.titles.length, `${p.id}: axis titles`).toBeGreaterThanOrEqual(2);
  }
}

/** Each plot kept the top margin it was given: plotly.js widens it (a second pass) for anything of its own that does not fit. */
export function expectMarginsKept(c: PageCheck): void {
  for (const p of c.plots) expect(p.top[1], `${p.id}: top margin as given`).toBe(p.top[0]);
}
