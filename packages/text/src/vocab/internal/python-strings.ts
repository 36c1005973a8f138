// Python's string semantics where torchtext's results depend on them.

/**
 * Python's `<` on str: by code point. JavaScript's default sort compares UTF-16 code units, which
 * puts characters above U+FFFF (emoji, surrogate pairs) before U+E000..U+FFFF; Python after.
 */
export function comparePython(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Only where both units are at or above the surrogates do the two orders differ.
    if (x >= 0xd800 && y >= 0xd800) return codePointRank(x) - codePointRank(y);
    return x - y;
  }
  return a.length - b.length;
}

/** Surrogates (astral code points) rank above the rest of the BMP's top range. */
function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x10000 : unit;
}

const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');

/** Python's `str.strip()`: its whitespace differs from JavaScript's trim() (`\x1c`-`\x1f`, `\x85` in; U+FEFF out). */
export function pythonStrip(s: string): string {
  return s.replace(STRIP, '');
}
