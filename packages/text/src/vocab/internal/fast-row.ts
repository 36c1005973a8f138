// The hot loop of the vectors text parser: one line's plain decimals straight into a float32 row.
import { SPACE } from './python-float';

const POW10 = Float64Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The hot path: parses the `dim` plain decimals after the token (`buf[p]` is the space after it)
 * into `row[at..]` in one pass, and says whether the line was exactly that. Anything unusual
 * (another count, long mantissas, `nan`, bad text) returns false for the parser's
 * slow path, which reads every spelling Python's float() does.
 */
export function fastRow(buf: Uint8Array, p: number, e: number, row: Float32Array, at: number, dim: number): boolean {
  for (let k = 0; k < dim; k++) {
    if (p >= e) return false;
    p++; // the space
    let c = buf[p]!;
    let neg = false;
    if (c === 0x2d) {
      neg = true;
      c = buf[++p]!;
    } else if (c === 0x2b) {
      c = buf[++p]!;
    }
    let m = 0;
    let digits = 0;
    let exp = 0;
    while (p < e && c >= 0x30 && c <= 0x39) {
      m = m * 10 + (c - 0x30);
      digits++;
      c = buf[++p]!;
    }
    if (p < e && c === 0x2e) {
      c = buf[++p]!;
      while (p < e && c >= 0x30 && c <= 0x39) {
        m = m * 10 + (c - 0x30);
        digits++;
        exp--;
        c = buf[++p]!;
      }
    }
    if (digits === 0) return false;
    if (p < e && (c === 0x65 || c === 0x45)) {
      c = buf[++p]!;
      let eneg = false;
      if (c === 0x2d || c === 0x2b) {
        eneg = c === 0x2d;
        c = buf[++p]!;
      }
      let x = 0;
      let xd = 0;
      while (p < e && c >= 0x30 && c <= 0x39 && xd < 4) {
        x = x * 10 + (c - 0x30);
        xd++;
        c = buf[++p]!;
      }
      if (xd === 0) return false;
      exp += eneg ? -x : x;
    }
    if ((p < e && c !== SPACE) || m > 9007199254740991 || exp < -22 || exp > 22) return false;
    const v = exp < 0 ? m / POW10[-exp]! : m * POW10[exp]!;
    row[at + k] = neg ? -v : v;
  }
  return p === e;
}

