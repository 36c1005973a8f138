import type { Tokenizer } from './tokenizer';

// revtok (James Bradbury's reversible tokenizer): every token carries the spaces around it as
// "half spaces", so joining the tokens and halving each run of spaces gives the text back.
const HALF = ' ';
/** The private-use character revtok puts before a token it lowercased (`decap`). */
export const REVTOK_CAP = '\ue302';

const CATEGORIES: [RegExp, number][] = [
  [/^[\p{L}\p{M}]$/u, 7],
  [/^\p{N}$/u, 5],
  [/^\p{S}$/u, 3],
  [/^\p{P}$/u, 1],
  [/^\p{Z}$/u, -1],
];

/** revtok's spacing priority of a character's Unicode category (letters bind tightest). */
function spacePriority(c: string): number {
  const code = c.codePointAt(0)!;
  // The common cases without a regex: ASCII letters and digits.
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 7;
  if (code >= 48 && code <= 57) return 5;
  for (const [re, p] of CATEGORIES) if (re.test(c)) return p;
  return -3;
}

/** Options of {@link revtokTokenize}. */
export interface RevtokOptions {
  /** Lowercase capitalized words, marking them with {@link REVTOK_CAP} (the `'subword'` choice). @default false */
  decap?: boolean;
  /** Make every punctuation character its own token. @default true */
  splitPunctuation?: boolean;
}

function decapitalize(token: string): string {
  if (token.length === 0) return token;
  const pre = token[0] === HALF ? HALF : '';
  const chars = Array.from(pre ? token.slice(1) : token);
  if (chars.length === 0) return token;
  const first = chars[0]!;
  if (first === first.toLowerCase()) return token;
  if (first === first.toUpperCase() && (chars.length === 1 || chars[1] !== chars[1]!.toUpperCase())) {
    return REVTOK_CAP + pre + first.toLowerCase() + chars.slice(1).join('');
  }
  return token;
}

/**
 * revtok's reversible tokenizer (torchtext's `'revtok'` choice; `'subword'` is the same with
 * `decap: true`): splits where the Unicode category changes, and keeps spaces on the tokens as
 * "half spaces" (a space on each side of a boundary), so {@link revtokDetokenize} restores the
 * text exactly.
 *
 * @example
 * ```ts
 * revtokTokenize('Hello, world!'); // [' Hello ', ', ', ' world ', '! ']
 * revtokDetokenize(revtokTokenize('Hello, world!')); // 'Hello, world!'
 * ```
 */
export function revtokTokenize(text: string, options: RevtokOptions = {}): string[] {
  const splitPunctuation = options.splitPunctuation ?? true;
  let toks: string[] = [''];
  let current: number | null = 0;
  for (const c of text) {
    const cat = spacePriority(c);
    const last = toks.length - 1;
    if (c === ' ') {
      toks[last] += HALF;
      toks.push(HALF);
      current = null;
      continue;
    } else if (current === null) toks[last] += c;
    else if (cat === current && (cat > 2 || !splitPunctuation)) toks[last] += c;
    else if (cat <= 0 && current <= 0) toks.push(c);
    else if (cat <= current) {
      toks[last] += HALF;
      toks.push(c);
    } else toks.push(HALF + c);
    current = cat;
  }
  if (toks[0] === '') toks = toks.slice(1);
  if (current !== null && current > 0) toks[toks.length - 1] += HALF;
  return options.decap ? toks.map(decapitalize) : toks;
}

/**
 * Joins tokens from {@link revtokTokenize} back into text (revtok's `detokenize`): halves each
 * run of spaces and re-capitalizes tokens marked by `decap`.
 *
 * @example
 * ```ts
 * revtokDetokenize([' Hello ', ', ', ' world ', '! ']); // 'Hello, world!'
 * ```
 */
export function revtokDetokenize(tokens: readonly string[]): string {
  let text = tokens.join('').replaceAll(REVTOK_CAP + HALF, HALF + REVTOK_CAP);
  text = text.replace(/ +/g, (run) => ' '.repeat(run.length >> 1));
  return text.replace(/\ue302([\s\S])/gu, (_, c: string) => c.toUpperCase());
}

/** revtok's tokenizer as a {@link Tokenizer} (`decap` for the `'subword'` choice). */
export function revtokTokenizer(decap = false): Tokenizer {
  return (text: string) => revtokTokenize(text, { decap });
}
