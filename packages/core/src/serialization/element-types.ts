import type { DType } from '../tensor/dtype';
import { CheckpointError } from './checkpoint-error';

/** @internal Element types found in checkpoint files (PyTorch storages, safetensors dtypes). */
export type FileDType =
  | 'float64'
  | 'float32'
  | 'float16'
  | 'bfloat16'
  | 'float8_e4m3fn'
  | 'float8_e5m2'
  | 'int64'
  | 'int32'
  | 'int16'
  | 'int8'
  | 'uint64'
  | 'uint32'
  | 'uint16'
  | 'uint8'
  | 'bool';

/** @internal Bytes per element. */
export const ELEMENT_SIZE: Record<FileDType, number> = {
  float64: 8,
  float32: 4,
  float16: 2,
  bfloat16: 2,
  float8_e4m3fn: 1,
  float8_e5m2: 1,
  int64: 8,
  int32: 4,
  int16: 2,
  int8: 1,
  uint64: 8,
  uint32: 4,
  uint16: 2,
  uint8: 1,
  bool: 1,
};

/** @internal The @dl dtype a file dtype loads as: floats as float32, integers as int32, bool as bool. */
export function targetDType(dtype: FileDType): DType {
  if (dtype === 'bool') return 'bool';
  return dtype.startsWith('float') || dtype === 'bfloat16' ? 'float32' : 'int32';
}

/** @internal Decoded elements: float32 for floats, int32 (or float64 while range-checking wide ints), 0/1 bytes for bool. */
export type Decoded = Float32Array | Int32Array | Float64Array | Uint8Array;

const HOST_LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

let halfTable: Float32Array | null = null;
function half(): Float32Array {
  if (halfTable) return halfTable;
  const t = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const s = h & 0x8000 ? -1 : 1;
    const e = (h >> 10) & 0x1f;
    const m = h & 0x3ff;
    t[h] = e === 0 ? s * m * 2 ** -24 : e === 31 ? (m ? NaN : s * Infinity) : s * (1 + m / 1024) * 2 ** (e - 15);
  }
  halfTable = t;
  return t;
}

let e4m3Table: Float32Array | null = null;
function e4m3(): Float32Array {
  if (e4m3Table) return e4m3Table;
  const t = new Float32Array(256);
  for (let b = 0; b < 256; b++) {
    const s = b & 0x80 ? -1 : 1;
    const e = (b >> 3) & 0xf;
    const m = b & 7;
    // float8_e4m3fn: no infinities, only S.1111.111 is NaN.
    t[b] = e === 15 && m === 7 ? NaN : e === 0 ? s * m * 2 ** -9 : s * (1 + m / 8) * 2 ** (e - 7);
  }
  e4m3Table = t;
  return t;
}

/** Bytes as a typed-array-ready copy in host order when needed (unaligned or other endianness). */
function hostOrder(bytes: Uint8Array, size: number, littleEndian: boolean): Uint8Array {
  const swap = size > 1 && littleEndian !== HOST_LE;
  if (!swap && bytes.byteOffset % size === 0) return bytes;
  const out = bytes.slice();
  if (swap) {
    for (let i = 0; i < out.length; i += size) out.subarray(i, i + size).reverse();
  }
  return out;
}

/**
 * @internal Decodes raw elements (`count` of them) into the array a tensor is built from:
 * float types to Float32Array, int8/16/32 and uint8/16 to Int32Array, int64/uint32/uint64 to
 * Float64Array (range-checked later by `toTargetArray`), bool to 0/1 bytes.
 */
export function decodeElements(bytes: Uint8Array, dtype: FileDType, littleEndian = true): Decoded {
  const size = ELEMENT_SIZE[dtype];
  const n = Math.floor(bytes.length / size);
  const b = hostOrder(bytes.subarray(0, n * size), size, littleEndian);
  const buf = b.buffer;
  const at = b.byteOffset;
  switch (dtype) {
    case 'float32':
      return new Float32Array(buf, at, n).slice();
    case 'float64':
      return Float32Array.from(new Float64Array(buf, at, n));
    case 'float16': {
      const t = half();
      const src = new Uint16Array(buf, at, n);
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = t[src[i]];
      return out;
    }
    case 'bfloat16': {
      const src = new Uint16Array(buf, at, n);
      const bits = new Uint32Array(n);
      for (let i = 0; i < n; i++) bits[i] = src[i] << 16;
      return new Float32Array(bits.buffer);
    }
    case 'float8_e4m3fn': {
      const t = e4m3();
      return Float32Array.from(b, (v) => t[v]);
    }
    case 'float8_e5m2': {
      const t = half();
      return Float32Array.from(b, (v) => t[v << 8]);
    }
    case 'int32':
      return new Int32Array(buf, at, n).slice();
    case 'int16':
      return Int32Array.from(new Int16Array(buf, at, n));
    case 'int8':
      return Int32Array.from(new Int8Array(buf, at, n));
    case 'uint16':
      return Int32Array.from(new Uint16Array(buf, at, n));
    case 'uint8':
      return Int32Array.from(b);
    case 'uint32':
      return Float64Array.from(new Uint32Array(buf, at, n));
    case 'int64':
    case 'uint64': {
      const words = new Uint32Array(buf, at, n * 2);
      const out = new Float64Array(n);
      const lo = HOST_LE ? 0 : 1;
      for (let i = 0; i < n; i++) {
        const hi = words[2 * i + 1 - lo];
        out[i] = (dtype === 'int64' ? hi | 0 : hi) * 4294967296 + words[2 * i + lo];
      }
      return out;
    }
    case 'bool':
      return Uint8Array.from(b, (v) => (v ? 1 : 0));
  }
}

/**
 * @internal The final typed array for a tensor: wide integers checked to fit int32 (a
 * `CheckpointError` naming `where` otherwise), everything else as decoded.
 */
export function toTargetArray(values: Decoded, dtype: FileDType, where: string): Float32Array | Int32Array | Uint8Array {
  if (!(values instanceof Float64Array)) return values;
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > 2147483647 || v < -2147483648) {
      throw new CheckpointError(`${where}: ${dtype} value ${v} at flat index ${i} does not fit int32 (@dl/core computes integers in int32)`);
    }
    out[i] = v;
  }
  return out;
}
