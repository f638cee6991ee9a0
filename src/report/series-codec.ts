/**
 * How a page holds every step of a run: each series is a column, base64 of little-endian
 * integers or floats. A level or a power is quantised to 16 bits over its own range
 * (value = offset + q * step, q = 0..65535, so the decoded value is within step / 2 of the run's)
 * when that step is small enough for what the page prints (`maxStep`), and kept as Float32
 * otherwise; the operating mode is a byte per step. Columns with the same content are stored once
 * (the sea level of runs of the same tide), and a run names its columns by index.
 *
 * The page decodes with decodeColumn, whose source it inlines by Function.prototype.toString: it
 * must use nothing outside itself.
 */

/** One column of a page: `u16` quantised (offset, step), `f32` Float32, `u8` bytes. */
export interface PageColumn {
  kind: 'u16' | 'f32' | 'u8';
  b64: string;
  offset?: number;
  step?: number;
}

const U16_LEVELS = 65535;

/**
 * A series times `scale`, quantised to 16 bits when the step over its range is at most `maxStep`,
 * else as Float32. The step is exact in the page (JSON keeps every digit of a double).
 */
export function encodeColumn(v: ArrayLike<number>, scale: number, maxStep: number): PageColumn {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < v.length; i++) {
    const x = v[i] * scale;
    if (!Number.isFinite(x)) return float32Column(v, scale);
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (v.length === 0) return { kind: 'u16', b64: '', offset: 0, step: 0 };
  const step = (hi - lo) / U16_LEVELS;
  if (step > maxStep) return float32Column(v, scale);
  const b = Buffer.alloc(2 * v.length);
  for (let i = 0; i < v.length; i++) b.writeUInt16LE(step > 0 ? Math.round((v[i] * scale - lo) / step) : 0, 2 * i);
  return { kind: 'u16', b64: b.toString('base64'), offset: lo, step };
}

function float32Column(v: ArrayLike<number>, scale: number): PageColumn {
  const b = Buffer.alloc(4 * v.length);
  for (let i = 0; i < v.length; i++) b.writeFloatLE(v[i] * scale, 4 * i);
  return { kind: 'f32', b64: b.toString('base64') };
}

/** Small integers (0-255) as bytes. */
export function encodeBytes(v: ArrayLike<number>): PageColumn {
  return { kind: 'u8', b64: Buffer.from(Uint8Array.from(v)).toString('base64') };
}

/** The values of a column from its bytes (the base64 decoded): numbers for levels and powers, bytes for modes. */
export function decodeColumn(
  c: { kind: string; offset?: number; step?: number },
  bytes: Uint8Array,
): Float64Array | Float32Array | Uint8Array {
  if (c.kind === 'u8') return bytes;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (c.kind === 'f32') {
    const f = new Float32Array(bytes.byteLength >> 2);
    for (let i = 0; i < f.length; i++) f[i] = dv.getFloat32(4 * i, true);
    return f;
  }
  const out = new Float64Array(bytes.byteLength >> 1);
  const offset = c.offset ?? 0;
  const step = c.step ?? 0;
  for (let i = 0; i < out.length; i++) out[i] = offset + dv.getUint16(2 * i, true) * step;
  return out;
}

/** The page's columns, each stored once: add returns the index of an equal column already held. */
export class ColumnStore {
  readonly columns: PageColumn[] = [];
  private readonly index = new Map<string, number>();

  add(c: PageColumn): number {
    const key = `${c.kind} ${c.offset} ${c.step} ${c.b64}`;
    let k = this.index.get(key);
    if (k === undefined) {
      k = this.columns.push(c) - 1;
      this.index.set(key, k);
    }
    return k;
  }
}
