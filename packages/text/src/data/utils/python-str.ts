// Python's notion of whitespace (str.isspace, str.split(), the `re` module's \s on str), which
// differs from JavaScript's \s: Python counts \x1c-\x1f and \x85, JavaScript counts \ufeff.
// Tokenizers ported from Python use these so they split exactly where the originals do.

/** @internal The characters Python's `str.isspace()` accepts, as a RegExp character-class body. */
export const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const SPLIT = new RegExp(`[${PY_SPACE}]+`);
const IS_SPACE = new RegExp(`^[${PY_SPACE}]+$`);

/** @internal Python's `s.split()`: split on runs of whitespace, no empty strings. */
export function pySplit(s: string): string[] {
  const parts = s.split(SPLIT);
  let start = 0;
  let end = parts.length;
  if (end > 0 && parts[0] === '') start = 1;
  if (end > start && parts[end - 1] === '') end -= 1;
  return start === 0 && end === parts.length ? parts : parts.slice(start, end);
}

/** @internal Python's `s.isspace()`. */
export function pyIsSpace(s: string): boolean {
  return IS_SPACE.test(s);
}

/** @internal Python's `s.strip()` (whitespace at both ends). */
export function pyStrip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && IS_SPACE.test(s[a]!)) a++;
  while (b > a && IS_SPACE.test(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** @internal Python's `s.rstrip('\n')`. */
export function rstripNewlines(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 10) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** @internal Python's `repr()` of a str, for messages and reprs that mirror Python's. */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch < ' ' || ch === '\x7f') out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}
