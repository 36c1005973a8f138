// Numbers as Python's float() reads them, since torchtext parses every value with float(): the
// same accepted spellings (`nan`, `inf`, `1_000.5`, `.5`, `5.`, `+1e-3`) and the same rejections
// (`0x10`, empty fields, which JavaScript's Number() would take).

const PY_FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?|inf(?:inity)?|nan)$/i;

/** Powers of ten that are exact doubles, for the Clinger fast path. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The value of `text` as Python's `float()` gives it (a correctly rounded double), or `undefined`
 * when Python would raise ValueError.
 */
export function pythonFloat(text: string): number | undefined {
  const s = text.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '');
  if (!PY_FLOAT.test(s)) return undefined;
  const lower = s.toLowerCase();
  const body = lower.replace(/^[+-]/, '');
  const sign = lower.startsWith('-') ? -1 : 1;
  if (body === 'nan') return Number.NaN;
  if (body === 'inf' || body === 'infinity') return sign * Number.POSITIVE_INFINITY;
  return Number(s.replace(/_/g, ''));
}

/** Space, as torchtext splits on `b" "` only (so non-breaking spaces stay inside tokens). */
export const SPACE = 0x20;

/**
 * Parses the number in `buf[start, end)` (no spaces in it) the fast way when it is a plain
 * decimal (`-0.038194`, `4.1e-05`, `+.5`): exact integer mantissa below 2^53 and a power of ten
 * up to 1e22 make one correctly rounded operation, the double Python's float() returns. Anything
 * else (long mantissas, `nan`, underscores, malformed text) goes through {@link pythonFloat}.
 * Returns `NaN` with `ok[0] = 0` when the text is not a number.
 */
export function parseFloatBytes(buf: Uint8Array, start: number, end: number, ok: Uint8Array): number {
  let p = start;
  let neg = false;
  let c = buf[p];
  if (c === 0x2d || c === 0x2b) {
    neg = c === 0x2d;
    p++;
  }
  let mantissa = 0;
  let digits = 0;
  let exp10 = 0;
  for (; p < end; p++) {
    c = buf[p]!;
    if (c < 0x30 || c > 0x39) break;
    mantissa = mantissa * 10 + (c - 0x30);
    digits++;
  }
  if (p < end && buf[p] === 0x2e) {
    for (p++; p < end; p++) {
      c = buf[p]!;
      if (c < 0x30 || c > 0x39) break;
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      exp10--;
    }
  }
  if (digits > 0 && p < end && (buf[p] === 0x65 || buf[p] === 0x45)) {
    p++;
    let eneg = false;
    if (p < end && (buf[p] === 0x2d || buf[p] === 0x2b)) {
      eneg = buf[p] === 0x2d;
      p++;
    }
    let e = 0;
    let edigits = 0;
    for (; p < end && e < 100_000; p++) {
      c = buf[p]!;
      if (c < 0x30 || c > 0x39) break;
      e = e * 10 + (c - 0x30);
      edigits++;
    }
    if (edigits === 0) p = -1;
    exp10 += eneg ? -e : e;
  }
  if (p === end && digits > 0 && mantissa <= Number.MAX_SAFE_INTEGER && exp10 >= -22 && exp10 <= 22) {
    ok[0] = 1;
    const v = exp10 < 0 ? mantissa / POW10[-exp10]! : mantissa * POW10[exp10]!;
    return neg ? -v : v;
  }
  const v = pythonFloat(latin1(buf, start, end));
  ok[0] = v === undefined ? 0 : 1;
  return v ?? Number.NaN;
}

/** The bytes as a string, one character per byte (numbers are ASCII). */
export function latin1(buf: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]!);
  return s;
}
