/**
 * Scenario templates (`mersey-tidal init`): the built-in Mersey barrage or Mersey lagoon, at their
 * own tide or at another site, with paths made relative to where the template is written so that
 * it runs as written, and a guide to its fields from the schema's own descriptions and units.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isJsonObject } from '../json.js';
import { PACKAGE_ROOT } from '../paths.js';
import { canonicalSiteRef, isSitePath, loadSite, type Site } from '../tide/site.js';
import { SCHEMA_PATH } from './validate.js';

export type TemplateKind = 'barrage' | 'lagoon';

const MODELS = join(PACKAGE_ROOT, 'models');
const BASE: Record<TemplateKind, string> = { barrage: 'mersey-barrage.json', lagoon: 'mersey-lagoon.json' };

/** Mean spring range (MHWS - MLWS, m) of a site, when it has both datums. */
function springRange(site: Site): number | undefined {
  const d = site.datums;
  return d.MHWS !== undefined && d.MLWS !== undefined ? d.MHWS - d.MLWS : undefined;
}

/** Every *_file field (and the tide's site file) made relative to `outDir`, from the models folder. */
function rebase(value: unknown, outDir: string, key = ''): unknown {
  if (typeof value === 'string' && (key === 'file' || key.endsWith('_file'))) {
    const abs = isAbsolute(value) ? value : resolve(MODELS, value);
    const rel = relative(outDir, abs);
    // Beside the package (the repository): relative, so the folder can move; elsewhere absolute.
    if (rel.startsWith(`..${sep}..`)) return abs;
    return rel.startsWith('.') ? rel : `./${rel}`;
  }
  if (Array.isArray(value)) return value.map((v) => rebase(v, outDir));
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rebase(v, outDir, k)]));
  return value;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** A scenario name from a file name: "Severn lagoon v2.json" -> "Severn-lagoon-v2" (the characters a name allows); null when none is left. */
export function nameOfFile(file: string): string | null {
  const stem = basename(file).replace(/\.json$/i, '');
  const name = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return name.length > 0 ? name : null;
}

/**
 * The template of `kind` to be written in `outDir`: the built-in Mersey scheme of that kind, on
 * the harmonic tide of `site` (default liverpool) for 2018. At another site the heads are scaled
 * by the ratio of the sites' mean spring ranges (a starting point, not an optimum: see
 * `mersey-tidal optimise` and sweeps). `name` names the scenario (and so its output folder).
 * Returns the object and notes for the user.
 */
export function scenarioTemplate(
  kind: TemplateKind,
  outDir: string,
  site = 'liverpool',
  name = `my-${kind}`,
): { scenario: Record<string, unknown>; notes: string[] } {
  const base = JSON.parse(readFileSync(join(MODELS, BASE[kind]), 'utf8')) as Record<string, unknown>;
  const notes: string[] = [];
  const s = rebase(base, outDir) as Record<string, unknown>;
  s.$schema = rebase(SCHEMA_PATH, outDir, 'schema_file');
  s.name = name;
  const where = loadSite(site);
  s.description = `A ${kind} from the mersey-tidal template (the built-in ${BASE[kind].replace('.json', '')}) on the harmonic tide at ${where.name}; edit every field to your scheme.`;
  s.sources = [`Template: models/${BASE[kind]} of mersey-tidal, whose sources follow`, ...((base.sources as string[]) ?? [])];
  s.period = { start: '2018-01-01T00:00:00Z', end: '2019-01-01T00:00:00Z' };
  const ref = isSitePath(site) ? relative(outDir, resolve(site)) : canonicalSiteRef(site, where);
  s.tide = { kind: 'harmonic', site: ref };
  const mersey = ref === 'liverpool';
  const ratio = mersey ? 1 : (springRange(where) ?? NaN) / springRange(loadSite('liverpool'))!;
  if (!mersey) {
    const op = s.operation as Record<string, Record<string, number> | string>;
    if (Number.isFinite(ratio)) {
      for (const d of ['ebb', 'flood']) {
        const c = op[d];
        if (typeof c !== 'object') continue;
        for (const k of ['start_head_m', 'end_head_m', 'pump_to_head_m']) if (c[k] !== undefined) c[k] = round1(c[k] * ratio);
      }
      notes.push(
        `heads scaled by ${ratio.toFixed(2)}, the ratio of the mean spring range at ${where.name} to Liverpool's; a starting point: choose them with \`mersey-tidal optimise\` or a sweep`,
      );
    } else notes.push(`${where.name} has no MHWS and MLWS: the heads are Liverpool's; choose them for your site`);
    if (kind === 'barrage')
      notes.push(
        "the basin's area curve is the Mersey estuary's, in m ODN: replace scheme.basin.area_curve_file with your basin's, in the tide's datum",
      );
  }
  return { scenario: s, notes };
}

interface SchemaNode {
  description?: string;
  unit?: string;
  properties?: Record<string, SchemaNode>;
  oneOf?: SchemaNode[];
  discriminator?: { propertyName: string };
  items?: SchemaNode;
}

/** The schema node of `key` inside `node` for the value `value` (a discriminated oneOf picks the branch of its kind). */
function child(node: SchemaNode | undefined, key: string, parentValue: Record<string, unknown>): SchemaNode | undefined {
  if (!node) return undefined;
  if (node.properties?.[key]) return node.properties[key];
  const tag = node.discriminator?.propertyName;
  const branch = tag
    ? node.oneOf?.find((b) => (b.properties?.[tag] as { const?: unknown })?.const === parentValue[tag])
    : undefined;
  return branch?.properties?.[key];
}

/**
 * The template's fields, one line each: dotted path = value (unit): the schema's description.
 * Lists (sources) are summarised.
 */
export function fieldGuide(obj: Record<string, unknown>): string[] {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as SchemaNode;
  const out: string[] = [];
  const walk = (value: Record<string, unknown>, node: SchemaNode | undefined, prefix: string) => {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$schema') continue;
      const n = child(node, k, value);
      const path = prefix === '' ? k : `${prefix}.${k}`;
      if (isJsonObject(v)) walk(v, n, path);
      else {
        const shown = Array.isArray(v)
          ? v.every((x) => typeof x === 'number')
            ? JSON.stringify(v)
            : `[${v.length} items]`
          : JSON.stringify(v);
        const unit = n?.unit ? ` (${n.unit})` : '';
        out.push(
          `${path} = ${shown.length > 50 ? `${shown.slice(0, 47)}...` : shown}${unit}${n?.description ? `: ${n.description}` : ''}`,
        );
      }
    }
  };
  walk(obj, schema, '');
  return out;
}

/** The directory a template written to `file` resolves its paths from. */
export const templateDir = (file: string) => dirname(resolve(file));
