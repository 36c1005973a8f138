import { TokenizerError } from '../../errors/tokenizer-error';
import { PY_SPACE, pySplit, pyStrip } from '../utils/python-str';
import { IS_ALNUM, IS_ALPHA, IS_LOWER, IS_N, NONBREAKING_PREFIXES_EN, NUMERIC_ONLY_PREFIXES_EN } from './moses-tables';
import type { Tokenizer } from './tokenizer';

// The English rules of the Moses tokenizer as sacremoses' MosesTokenizer.tokenize runs them
// (torchtext's 'moses' choice), in its order. The character sets are Perl's Unicode properties
// as sacremoses ships them (moses-tables.ts); `\s` is Python's whitespace.
const g = (source: string) => new RegExp(source, 'gu');

const DEDUPLICATE_SPACE = g(`[${PY_SPACE}]+`);
// biome-ignore lint/suspicious/noControlCharactersInRegex: Moses removes the ASCII control characters (Python's [\000-\037]).
const ASCII_JUNK = /[\x00-\x1f]/g;
const PAD_NOT_ISALNUM = g(`([^${IS_ALNUM}${PY_SPACE}.'\`,\\-])`);
const AGGRESSIVE_HYPHEN_SPLIT = g(`([${IS_ALNUM}])-(?=[${IS_ALNUM}])`);
const COMMA_SEPARATE: [RegExp, string][] = [
  [g(`([^${IS_N}])[,]`), '$1 , '],
  [g(`[,]([^${IS_N}])`), ' , $1'],
  [g(`([${IS_N}])[,]$`), '$1 , '],
];
const ENGLISH_APOSTROPHE: [RegExp, string][] = [
  [g(`([^${IS_ALPHA}])[']([^${IS_ALPHA}])`), "$1 ' $2"],
  [g(`([^${IS_ALPHA}${IS_N}])[']([${IS_ALPHA}])`), "$1 ' $2"],
  [g(`([${IS_ALPHA}])[']([^${IS_ALPHA}])`), "$1 ' $2"],
  [g(`([${IS_ALPHA}])[']([${IS_ALPHA}])`), "$1 '$2"],
  [g(`([${IS_N}])[']([s])`), "$1 '$2"],
];
const TRAILING_DOT_APOSTROPHE = /\.' ?$/gu;
const ESCAPE_XML: [RegExp, string][] = [
  [/&/g, '&amp;'],
  [/\|/g, '&#124;'],
  [/</g, '&lt;'],
  [/>/g, '&gt;'],
  [/'/g, '&apos;'],
  [/"/g, '&quot;'],
  [/\[/g, '&#91;'],
  [/]/g, '&#93;'],
];
const IS_ALPHA_CHAR = new RegExp(`[${IS_ALPHA}]`, 'u');
const ALL_LOWER = new RegExp(`^[${IS_LOWER}]*$`, 'u');
const PREFIXES = new Set(NONBREAKING_PREFIXES_EN);
const NUMERIC_ONLY = new Set(NUMERIC_ONLY_PREFIXES_EN);

function replaceMultidots(text: string): string {
  let s = text.replace(/\.(\.+)/g, ' DOTMULTI$1');
  while (s.includes('DOTMULTI.')) {
    s = s.replace(/DOTMULTI\.([^.])/gu, 'DOTDOTMULTI $1');
    s = s.replace(/DOTMULTI\./g, 'DOTDOTMULTI');
  }
  return s;
}

function restoreMultidots(text: string): string {
  let s = text;
  while (s.includes('DOTDOTMULTI')) s = s.replaceAll('DOTDOTMULTI', 'DOTMULTI.');
  return s.replaceAll('DOTMULTI', '.');
}

/** A period after a known abbreviation, inside an acronym or before a lowercase word stays put. */
function handleNonbreakingPrefixes(text: string): string {
  const tokens = pySplit(text);
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const token = tokens[i]!;
    if (token.length < 2 || !token.endsWith('.')) continue;
    const prefix = token.slice(0, -1);
    const next = tokens[i + 1];
    const keep =
      (prefix.includes('.') && IS_ALPHA_CHAR.test(prefix)) ||
      (PREFIXES.has(prefix) && !NUMERIC_ONLY.has(prefix)) ||
      (i !== n - 1 && next !== undefined && next !== '' && ALL_LOWER.test(String.fromCodePoint(next.codePointAt(0)!)));
    if (keep) continue;
    if (NUMERIC_ONLY.has(prefix) && i + 1 < n && /^[0-9]+/.test(next!)) continue;
    tokens[i] = `${prefix} .`;
  }
  return tokens.join(' ');
}

/** Options of {@link mosesTokenize} (sacremoses' `tokenize` arguments in camelCase). */
export interface MosesOptions {
  /** Split hyphens between letters or digits into `@-@` tokens. @default false */
  aggressiveDashSplits?: boolean;
  /** Escape `& | < > ' " [ ]` as XML entities, as Moses does. @default true */
  escape?: boolean;
  /** Patterns whose matches (case-insensitive) are kept as single tokens, e.g. URLs. @default [] */
  protectedPatterns?: readonly (RegExp | string)[];
}

/**
 * The Moses tokenizer for English, ported from sacremoses' `MosesTokenizer(lang='en').tokenize`
 * (torchtext's `'moses'` choice) and checked against it on its own test sentences: pads
 * punctuation, keeps numbers (`5,300`), abbreviations (`Mr.`, `U.S.A.`) and multi-dots together,
 * splits English contractions as Moses does (`Don 't`), and escapes XML characters.
 *
 * @example
 * ```ts
 * mosesTokenize("Mr. Smith paid $3.50 for No. 5 -- or was it No 6? Don't!");
 * // ['Mr.', 'Smith', 'paid', '$', '3.50', 'for', 'No.', '5', '--', 'or', 'was', 'it', 'No', '6', '?', 'Don', '&apos;t', '!']
 * mosesTokenize("Don't", { escape: false }); // ['Don', "'t"]
 * ```
 */
export function mosesTokenize(text: string, options: MosesOptions = {}): string[] {
  let s = text.replace(DEDUPLICATE_SPACE, ' ').replace(ASCII_JUNK, '');
  const protectedTokens: string[] = [];
  for (const p of options.protectedPatterns ?? []) {
    const re = typeof p === 'string' ? new RegExp(p, 'gi') : new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`);
    for (const m of s.matchAll(re)) protectedTokens.push(m[0]);
  }
  protectedTokens.forEach((token, i) => {
    s = s.replaceAll(token, `THISISPROTECTED${String(i).padStart(3, '0')}`);
  });
  s = pyStrip(s);
  s = s.replace(PAD_NOT_ISALNUM, ' $1 ');
  if (options.aggressiveDashSplits) s = s.replace(AGGRESSIVE_HYPHEN_SPLIT, '$1 @-@ ');
  s = replaceMultidots(s);
  for (const [re, sub] of COMMA_SEPARATE) s = s.replace(re, sub);
  for (const [re, sub] of ENGLISH_APOSTROPHE) s = s.replace(re, sub);
  s = handleNonbreakingPrefixes(s);
  s = pyStrip(s.replace(DEDUPLICATE_SPACE, ' '));
  s = s.replace(TRAILING_DOT_APOSTROPHE, " . ' ");
  protectedTokens.forEach((token, i) => {
    s = s.replaceAll(`THISISPROTECTED${String(i).padStart(3, '0')}`, token);
  });
  s = restoreMultidots(s);
  if (options.escape ?? true) for (const [re, sub] of ESCAPE_XML) s = s.replace(re, sub);
  return pySplit(s);
}

/**
 * The Moses tokenizer as a {@link Tokenizer} for `language` (only `'en'`: the nonbreaking
 * prefixes and apostrophe rules are per language).
 *
 * @example
 * ```ts
 * mosesTokenizer()('Hello, Mr. Smith!'); // ['Hello', ',', 'Mr.', 'Smith', '!']
 * ```
 */
export function mosesTokenizer(language = 'en', options: MosesOptions = {}): Tokenizer {
  if (language !== 'en') {
    throw new TokenizerError(`getTokenizer: the 'moses' tokenizer is ported for English only (sacremoses' lang='en' rules), got language '${language}'`);
  }
  return (text: string) => mosesTokenize(text, options);
}
