/**
 * Figures quoted in README.md and docs/*.md, written from what the CLI prints.
 *
 * A figure is marked in markdown as `<!-- figure:NAME -->...<!-- /figure -->` (block form: a newline
 * after the opening marker; inline form: none). Generators are registered by name in the other
 * `*.js` files of this folder (default export: name -> { cost, generate(cli) }); see
 * docs/README.md "Figures". `npm run docs` rewrites the marked text, `npm run docs:check` and the
 * vitest suite (fast figures only) fail when it is stale.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * @typedef {'fast' | 'slow'} FigureCost
 * @typedef {{ cost: FigureCost, generate(cli: FigureCli): Promise<string> | string }} Figure
 * @typedef {Record<string, Figure>} FigureSet
 * @typedef {{ json(args: string[]): Promise<any>, text(args: string[]): Promise<string>, out(name: string): string, fmt(x: number, d: number): string }} FigureCli
 * @typedef {{ file: string, line: number, name: string, inline: boolean, start: number, end: number, text: string }} FigureUse
 */

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');
/** A module of the built library (dist/), for figures read from the code itself. */
export const lib = (m) => import(pathToFileURL(join(ROOT, 'dist', m)).href);
const MACHINERY = new Set(['figures.js', 'update.js']);
/** Commands run at once by the generators. */
const PARALLEL = 2;
const NAME = /^[a-z0-9][a-z0-9.-]*$/;
const MARK = /<!-- figure:([^ >]*) -->([\s\S]*?)<!-- \/figure -->/g;

/** The markdown files that may quote figures: README.md and docs/*.md. */
export function markdownFiles(root = ROOT) {
  let docs = [];
  try {
    docs = readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join(root, 'docs', f));
  } catch {
    // no docs folder yet
  }
  return [join(root, 'README.md'), ...docs];
}

/**
 * `text` with code blanked out (fenced blocks, and indented lines outside them), lengths kept: a
 * marker shown as an example in code is not a figure.
 */
function withoutCode(text) {
  let inFence = false;
  return text
    .split('\n')
    .map((line) => {
      const fence = /^\s*```/.test(line);
      const code = inFence || fence || (/^( {4}|\t)/.test(line) && !inFence);
      if (fence) inFence = !inFence;
      return code && !line.includes('<!-- /figure -->') ? ' '.repeat(line.length) : line;
    })
    .join('\n');
}

/** Every figure marker of `text` (from `file`), in order, outside code; malformed names are errors. */
export function figureUses(text, file) {
  /** @type {FigureUse[]} */
  const uses = [];
  for (const m of withoutCode(text).matchAll(MARK)) {
    const line = text.slice(0, m.index).split('\n').length;
    if (!NAME.test(m[1]))
      throw new Error(`${file}:${line}: figure name "${m[1]}" must be lower case letters, digits, "-" and "."`);
    const inline = !m[2].startsWith('\n');
    const end = m.index + m[0].length;
    uses.push({ file, line, name: m[1], inline, start: m.index, end, text: text.slice(m.index, end) });
  }
  const opens = withoutCode(text).match(/<!-- figure:/g)?.length ?? 0;
  if (opens !== uses.length)
    throw new Error(`${file}: ${opens - uses.length} figure marker(s) without a closing <!-- /figure -->`);
  return uses;
}

/** The marker with `body` in place, in the use's form. */
function marked(use, body) {
  const inner = use.inline ? body : `\n${body.replace(/\n+$/, '')}\n`;
  return `<!-- figure:${use.name} -->${inner}<!-- /figure -->`;
}

/** `text` with every figure replaced by `values[name]` (names missing from `values` are left). */
export function rewrite(text, file, values) {
  let out = '';
  let at = 0;
  for (const u of figureUses(text, file)) {
    out += text.slice(at, u.start);
    out += u.name in values ? marked(u, values[u.name]) : text.slice(u.start, u.end);
    at = u.end;
  }
  return out + text.slice(at);
}

/** The registered figures: every generator file of scripts/docs/, name -> figure. */
export async function loadFigures(dir = HERE) {
  /** @type {Record<string, Figure & { source: string }>} */
  const all = {};
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.js') && !MACHINERY.has(f))
    .sort()) {
    /** @type {FigureSet} */
    const set = (await import(pathToFileURL(join(dir, f)).href)).default;
    for (const [name, fig] of Object.entries(set)) {
      if (!NAME.test(name))
        throw new Error(`scripts/docs/${f}: figure name "${name}" must be lower case letters, digits, "-" and "."`);
      if (all[name])
        throw new Error(`figure "${name}" is registered twice: scripts/docs/${all[name].source} and scripts/docs/${f}`);
      if (fig.cost !== 'fast' && fig.cost !== 'slow')
        throw new Error(`scripts/docs/${f}: figure "${name}": cost must be "fast" or "slow"`);
      all[name] = { ...fig, source: f };
    }
  }
  return all;
}

/** Text for a markdown table cell: a '|' of the text escaped. */
export function cell(text) {
  return text.replaceAll('|', '\\|');
}

/** Recorded bench reports read so far, by file. */
const recordings = new Map();

/**
 * A recorded `mersey-tidal bench --json` report, docs/`file` (rerun the bench and commit the file
 * to refresh it), read once per process; with `name`, the bench it must hold.
 */
export function recordedBench(file, name) {
  if (!recordings.has(file)) recordings.set(file, JSON.parse(readFileSync(join(ROOT, 'docs', file), 'utf8')));
  const r = recordings.get(file);
  if (name !== undefined && !r.benches[name])
    throw new Error(`docs/${file} holds no ${name} bench: record \`mersey-tidal bench ${name} --json\` into it`);
  return r;
}

/** When and where a recorded bench report ran: "Recorded 2026-01-01 10:00 UTC: node v20.20.2, 2 cores (AMD EPYC)". */
export function recordedOn(r) {
  return `Recorded ${r.date.slice(0, 16).replace('T', ' ')} UTC: node ${r.node}, ${r.cores} cores (${r.cpu})`;
}

/** A number as the CLI writes it for people: `d` decimals, thousands separated. */
export function fmt(x, d) {
  return x.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** The CLI of this checkout (dist/cli/bin.js), each distinct call run once. */
export function figureCli(root = ROOT) {
  const runs = new Map();
  const tmp = mkdtempSync(join(tmpdir(), 'mt-figures-'));
  // At most two commands at once: the CI machine has two cores.
  let running = 0;
  const waiting = [];
  const slot = async () => {
    if (running >= PARALLEL) await new Promise((go) => waiting.push(go));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  const run = (args) => {
    const key = JSON.stringify(args);
    if (!runs.has(key)) {
      runs.set(
        key,
        slot().then(
          () =>
            new Promise((resolve, reject) => {
              execFile(
                process.execPath,
                [join(root, 'dist', 'cli', 'bin.js'), ...args],
                { cwd: root, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
                (err, stdout, stderr) => {
                  release();
                  if (err) reject(new Error(`mersey-tidal ${args.join(' ')} failed (${err.code}): ${stderr.trim()}`));
                  else resolve(stdout);
                },
              );
            }),
        ),
      );
    }
    return runs.get(key);
  };
  return {
    /** @type {FigureCli} */
    cli: {
      text: run,
      json: async (args) => JSON.parse(await run(args)),
      out: (name) => join(tmp, name.replace(/[^a-z0-9.-]/gi, '_')),
      fmt,
    },
    dispose: () => rmSync(tmp, { recursive: true, force: true }),
  };
}

/**
 * Generates the figures used in the markdown files (only `costs` of them) and compares them with
 * the text. Resolves to the files' new text and the problems (stale, unregistered).
 */
export async function checkFigures({ root = ROOT, costs = ['fast', 'slow'] } = {}) {
  const figures = await loadFigures();
  const files = markdownFiles(root).map((file) => {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // a missing docs file has no figures
    }
    return { file, text, uses: figureUses(text, relative(root, file)) };
  });
  const problems = [];
  const names = new Set();
  for (const f of files) {
    for (const u of f.uses) {
      if (!figures[u.name])
        problems.push(
          `${u.file}:${u.line}: figure "${u.name}" has no generator; register one in scripts/docs/ (see docs/README.md)`,
        );
      else if (costs.includes(figures[u.name].cost)) names.add(u.name);
    }
  }
  const { cli, dispose } = figureCli(root);
  /** @type {Record<string, string>} */
  const values = {};
  try {
    await Promise.all(
      [...names].map(async (n) => {
        try {
          values[n] = String(await figures[n].generate(cli));
        } catch (err) {
          problems.push(`figure "${n}" (scripts/docs/${figures[n].source}): its generator failed: ${err.message ?? err}`);
        }
      }),
    );
  } finally {
    dispose();
  }
  const updated = [];
  for (const f of files) {
    for (const u of f.uses) {
      if (u.name in values && marked(u, values[u.name]) !== f.text.slice(u.start, u.end))
        problems.push(`${u.file}:${u.line}: figure "${u.name}" is stale; run \`npm run docs\``);
    }
    const text = rewrite(f.text, relative(root, f.file), values);
    if (text !== f.text) updated.push({ file: f.file, text });
  }
  const unused = Object.keys(figures).filter((n) => !files.some((f) => f.uses.some((u) => u.name === n)));
  return { updated, problems, unused, checked: [...names].sort() };
}
