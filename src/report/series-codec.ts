/**
 * How a page holds every step of a run: each series is a column of little-endian integers or
 * floats, compressed (raw DEFLATE) and base64. A level or a power is quantised to 16 bits over its
 * own range (value = offset + q * step, q = 0..65535, so the decoded value is within step / 2 of
 * the run's) when that step is small enough for what the page prints (`maxStep`), and kept as
 * Float32 otherwise; a 16-bit column holds the second differences of q (modulo 2^16), small
 * numbers for a smooth tide, so that it deflates to about a third; the operating mode is a byte
 * per step. Columns with the same content
 * are stored once (the sea level of runs of the same tide), and a run names its columns by index;
 * a series equal to one already encoded is not encoded again.
 *
 * Compressed, because a page's size is time before its first plot: Chromium reads and parses every
 * megabyte of base64 in the page before running any script (docs/reports.md). The page inflates
 * the columns with the browser's DecompressionStream, then decodes them with decodeColumn, whose
 * source it inlines by Function.prototype.toString: it must use nothing outside itself.
 */

import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** One column of a page: `u16` quantised (offset, step) as second differences, `f32` Float32, `u8` bytes; `b64` is the bytes deflated. */
export interface PageColumn {
  kind: 'u16' | 'f32' | 'u8';
  b64: string;
  offset?: number;
  step?: number;
}

/** A column's bytes as the page packs them: raw DEFLATE, base64. */
const pack = (b: Uint8Array): string => deflateRawSync(b, { level: 9 }).toString('base64');

/** The bytes of a column (its base64 inflated): what the page passes to decodeColumn. */
export function columnBytes(c: PageColumn): Uint8Array {
  return new Uint8Array(inflateRawSync(Buffer.from(c.b64, 'base64')));
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
  if (v.length === 0) return { kind: 'u16', b64: pack(new Uint8Array(0)), offset: 0, step: 0 };
  const step = (hi - lo) / U16_LEVELS;
  if (step > maxStep) return float32Column(v, scale);
  const b = Buffer.alloc(2 * v.length);
  let prevQ = 0;
  let prevD = 0;
  for (let i = 0; i < v.length; i++) {
    const q = step > 0 ? Math.round((v[i] * scale - lo) / step) : 0;
    const d = q - prevQ;
    b.writeUInt16LE((d - prevD) & 0xffff, 2 * i);
    prevQ = q;
    prevD = d;
  }
  return { kind: 'u16', b64: pack(b), offset: lo, step };
}

function float32Column(v: ArrayLike<number>, scale: number): PageColumn {
  const b = Buffer.alloc(4 * v.length);
  for (let i = 0; i < v.length; i++) b.writeFloatLE(v[i] * scale, 4 * i);
  return { kind: 'f32', b64: pack(b) };
}

/** Small integers (0-255) as bytes. */
export function encodeBytes(v: ArrayLike<number>): PageColumn {
  return { kind: 'u8', b64: pack(Uint8Array.from(v)) };
}

/** The values of a column from its bytes (columnBytes): numbers for levels and powers, bytes for modes. */
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
  let q = 0;
  let d = 0;
  for (let i = 0; i < out.length; i++) {
    d = (d + dv.getUint16(2 * i, true)) & 0xffff;
    q = (q + d) & 0xffff;
    out[i] = offset + q * step;
  }
  return out;
}

/**
 * The page's columns, each stored once. A series is encoded once however many runs hold it (keyed
 * by a digest of its values and encoding), and columns whose encodings are equal (series that
 * differ by less than the quantisation step) are stored once.
 */
export class ColumnStore {
  readonly columns: PageColumn[] = [];
  private readonly index = new Map<string, number>();
  private readonly encoded = new Map<string, number>();

  /** `encoders`: how series and bytes are encoded (a test counts the calls). */
  constructor(private readonly encoders = { column: encodeColumn, bytes: encodeBytes }) {}

  /** The column of a series times `scale` (encodeColumn). */
  series(v: Float64Array, scale: number, maxStep: number): number {
    return this.once(`series ${scale} ${maxStep}`, v, () => this.encoders.column(v, scale, maxStep));
  }

  /** The column of small integers (encodeBytes). */
  bytes(v: Uint8Array): number {
    return this.once('bytes', v, () => this.encoders.bytes(v));
  }

  private once(how: string, v: Float64Array | Uint8Array, encode: () => PageColumn): number {
    const digest = createHash('sha256')
      .update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength))
      .digest('base64');
    const key = `${how} ${v.length} ${digest}`;
    let k = this.encoded.get(key);
    if (k === undefined) {
      k = this.add(encode());
      this.encoded.set(key, k);
    }
    return k;
  }

  private add(c: PageColumn): number {
    const key = `${c.kind} ${c.offset} ${c.step} ${c.b64}`;
    let k = this.index.get(key);
    if (k === undefined) {
      k = this.columns.push(c) - 1;
      this.index.set(key, k);
    }
    return k;
  }
}
