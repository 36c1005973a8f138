import { UnpicklingError } from './unpickling-error';

/** @internal Longest integer (in bytes) a pickle may hold; longer ones are refused. */
export const MAX_INT_BYTES = 1024;

/** @internal A Python dict key as a JS object key: str as is, int/float/bool/None as Python's `str()`. */
export function dictKey(key: unknown, where: string): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number') return Number.isInteger(key) || !Number.isFinite(key) ? pyNumberText(key) : String(key);
  if (typeof key === 'bigint') return key.toString();
  if (typeof key === 'boolean') return key ? 'True' : 'False';
  if (key === null) return 'None';
  throw new UnpicklingError(`${where}: dict keys must be str, int, float, bool or None (got ${Array.isArray(key) ? 'a list/tuple' : typeof key})`);
}

function pyNumberText(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  return String(n);
}

/** @internal Sets an own enumerable property, safe for keys such as `__proto__`. */
export function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/** @internal A little-endian two's-complement int (LONG1 / LONG4). */
export function intFromBytes(b: Uint8Array): number | bigint {
  if (b.length === 0) return 0;
  if (b.length <= 6) {
    let v = 0;
    for (let i = b.length - 1; i >= 0; i--) v = v * 256 + b[i];
    if (b[b.length - 1] & 0x80) v -= 2 ** (8 * b.length);
    return v;
  }
  let hex = '';
  for (let i = b.length - 1; i >= 0; i--) hex += b[i].toString(16).padStart(2, '0');
  let v = BigInt(`0x${hex}`);
  if (b[b.length - 1] & 0x80) v -= 1n << BigInt(8 * b.length);
  return normalizeInt(v);
}

/** @internal A Python int as a number when exact, else a bigint. */
export function normalizeInt(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** @internal Bytes as a latin-1 string. */
export const latin1 = (b: Uint8Array): string => {
  let s = '';
  // `apply` takes the typed array as an array-like; spreading it runs the iterator per element,
  // which made a 30 MB string (a CIFAR batch's pixels, pickled as a Python 2 str) take seconds.
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as unknown as number[]);
  return s;
};

/** @internal A latin-1 string as bytes (how protocol-2 pickles spell bytes). */
export function latin1Bytes(s: string, fn: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) throw new UnpicklingError(`${fn}: character U+${c.toString(16)} is not latin-1`);
    out[i] = c;
  }
  return out;
}

/** @internal Undoes Python's repr() quoting of a protocol-0 STRING argument. */
export function unquote(text: string, where: string): string {
  const q = text[0];
  if (text.length < 2 || (q !== "'" && q !== '"') || text[text.length - 1] !== q) {
    throw new UnpicklingError(`${where}: the STRING opcode argument must be quoted (got ${text.slice(0, 40)})`);
  }
  return text.slice(1, -1).replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v' } as Record<string, string>)[e] ?? e;
  });
}

/** Python's raw-unicode-escape (protocol-0 UNICODE): `\uXXXX` / `\UXXXXXXXX`, other bytes latin-1. */
export function rawUnicodeEscape(b: Uint8Array): string {
  return latin1(b).replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_, u4?: string, u8?: string) => String.fromCodePoint(parseInt((u4 ?? u8)!, 16)));
}

/** @internal A protocol-0 INT / LONG literal (`01`/`00` are True/False). */
export function parseTextInt(text: string, where: string): number | bigint | boolean {
  if (text === '01') return true;
  if (text === '00') return false;
  const t = text.endsWith('L') ? text.slice(0, -1) : text;
  if (!/^[+-]?\d+$/.test(t) || t.length > MAX_INT_BYTES * 3) throw new UnpicklingError(`${where}: invalid integer literal '${text.slice(0, 40)}'`);
  return normalizeInt(BigInt(t));
}
