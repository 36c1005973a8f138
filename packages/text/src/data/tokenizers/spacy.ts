import { createRequire } from 'node:module';
import { TokenizerError } from '../../errors/tokenizer-error';
import { pyIsSpace } from '../utils/python-str';
import type { Tokenizer } from './tokenizer';

// The slice of wink-nlp's API used here (its own typings declare a module per file).
interface WinkDoc {
  tokens(): { out(as?: unknown): string[] };
}
interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: { type: unknown };
}

let nlp: WinkNlp | undefined;

function winkNlp(): WinkNlp {
  if (!nlp) {
    // Loaded on first use: the English model is a few MB of tables nobody else needs.
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => WinkNlp;
    nlp = winkNLP(require('wink-eng-lite-web-model'), []);
  }
  return nlp;
}

/**
 * A whitespace run between two tokens, as spaCy's tokenizer keeps it: one plain space after a
 * token is that token's trailing whitespace and vanishes; any other whitespace (a second space,
 * a newline, a tab, a no-break space, or whitespace at the start of the text) becomes a token.
 */
function whitespaceToken(gap: string, atStart: boolean): string | undefined {
  if (gap === '') return undefined;
  if (!atStart && gap[0] === ' ') return gap.length > 1 ? gap.slice(1) : undefined;
  return gap;
}

/**
 * spaCy's English tokenizer rules, through wink-nlp's English model (which splits words,
 * contractions, punctuation, emoji and URLs as spaCy does): the `'spacy'` choice of
 * {@link getTokenizer}. Whitespace is handled as spaCy does it: a single space after a token
 * disappears, every other whitespace run is a token of its own.
 *
 * Known differences from spaCy's `en` tokenizer (wink-nlp's rules): a period between two
 * lowercase words is split (`'hello.world'` gives `hello . world`; spaCy keeps one token), and
 * spaCy's language-specific exception table is not consulted. Only English is available.
 *
 * @param language the model language; only `'en'` (and `'en_core_web_sm'`-style names starting
 *   with `en`) is available.
 * @example
 * ```ts
 * const tokenize = spacyTokenizer();
 * tokenize("Don't you love 🤗 Transformers? We sure do.");
 * // ['Do', "n't", 'you', 'love', '🤗', 'Transformers', '?', 'We', 'sure', 'do', '.']
 * ```
 */
export function spacyTokenizer(language = 'en'): Tokenizer {
  if (!/^en($|[_-])/.test(language)) {
    throw new TokenizerError(`getTokenizer: the 'spacy' tokenizer (wink-nlp's English model) supports language 'en' only, got '${language}'`);
  }
  const winkNlp_ = winkNlp();
  const typeOf = winkNlp_.its.type;
  return (text: string): string[] => {
    const tokens = winkNlp_.readDoc(text).tokens();
    const words = tokens.out();
    const types = tokens.out(typeOf);
    const out: string[] = [];
    let cursor = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (types[i] === 'tabCRLF' || pyIsSpace(word)) continue;
      const at = text.indexOf(word, cursor);
      if (at < 0) continue;
      const gap = text.slice(cursor, at);
      if (pyIsSpace(gap) || gap === '') {
        const ws = whitespaceToken(gap, out.length === 0 && cursor === 0);
        if (ws !== undefined) out.push(ws);
      } else out.push(gap.trim());
      out.push(word);
      cursor = at + word.length;
    }
    const tail = whitespaceToken(text.slice(cursor), out.length === 0);
    if (tail !== undefined) out.push(tail);
    return out;
  };
}
