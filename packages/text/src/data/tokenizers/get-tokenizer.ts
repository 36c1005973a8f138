import { TokenizerError } from '../../errors/tokenizer-error';
import { pySplit } from '../utils/python-str';
import { basicEnglishNormalize } from './basic-english';
import { huggingFaceTokenizer, type HuggingFaceTokenizerOptions } from './huggingface';
import { mosesTokenizer } from './moses';
import { revtokTokenizer } from './revtok';
import { spacyTokenizer } from './spacy';
import type { Tokenizer } from './tokenizer';
import { toktokTokenize } from './toktok';

/**
 * The tokenizer names {@link getTokenizer} knows (torchtext's choices).
 *
 * @example
 * ```ts
 * const name: TokenizerName = 'spacy';
 * ```
 */
export type TokenizerName = 'basic_english' | 'spacy' | 'moses' | 'toktok' | 'revtok' | 'subword';

/**
 * A Hugging Face tokenizer.json to tokenize with (see {@link huggingFaceTokenizer}).
 *
 * @example
 * ```ts
 * const TEXT = new Field({ tokenize: { tokenizerJson: 'tokenizer.json' }, useVocab: true });
 * ```
 */
export interface TokenizerJsonSpec extends HuggingFaceTokenizerOptions {
  /** The parsed tokenizer.json, or its path. */
  tokenizerJson: object | string;
}

/**
 * Python's `str.split()`: splits on runs of whitespace (torchtext's default tokenizer, what
 * `getTokenizer(null)` and `new Field()` use).
 *
 * @example
 * ```ts
 * splitTokenizer('  a b\tc\n'); // ['a', 'b', 'c']
 * ```
 */
export const splitTokenizer: Tokenizer = (text: string) => pySplit(text);

const NAMES = "'basic_english', 'spacy', 'moses', 'toktok', 'revtok', 'subword'";

/**
 * A tokenizer function (torchtext's `get_tokenizer`):
 * - `null`/`undefined`: Python's `str.split()` ({@link splitTokenizer});
 * - `'basic_english'`: torchtext's normalizing English tokenizer, exact ({@link basicEnglishNormalize});
 * - `'spacy'`: spaCy's English rules through wink-nlp ({@link spacyTokenizer});
 * - `'moses'`: sacremoses' English Moses tokenizer ({@link mosesTokenize});
 * - `'toktok'`: NLTK's tok-tok ({@link toktokTokenize});
 * - `'revtok'`, `'subword'`: revtok's reversible tokenizer, `'subword'` with decapitalization
 *   ({@link revtokTokenize});
 * - a function: returned as is;
 * - `{ tokenizerJson }`: a Hugging Face tokenizer.json (BPE, WordPiece, Unigram)
 *   ({@link huggingFaceTokenizer}). SentencePiece models load asynchronously: use
 *   {@link sentencepieceTokenizer}.
 *
 * @param language for `'spacy'`, `'moses'` and `'basic_english'`, which are English only.
 * @throws TokenizerError for an unknown name or an unsupported language.
 * @example
 * ```ts
 * const tokenizer = getTokenizer('basic_english');
 * tokenizer('You can now install TorchText using pip!');
 * // ['you', 'can', 'now', 'install', 'torchtext', 'using', 'pip', '!']
 * ```
 */
export function getTokenizer(tokenizer?: TokenizerName | Tokenizer | TokenizerJsonSpec | null, language = 'en'): Tokenizer {
  if (tokenizer === null || tokenizer === undefined) return splitTokenizer;
  if (typeof tokenizer === 'function') return tokenizer;
  if (typeof tokenizer === 'object') {
    if (!('tokenizerJson' in tokenizer)) {
      throw new TokenizerError(`getTokenizer: expected a tokenizer name (${NAMES}), a function or { tokenizerJson }, got an object without 'tokenizerJson'`);
    }
    const { tokenizerJson, ...options } = tokenizer;
    return huggingFaceTokenizer(tokenizerJson, options);
  }
  switch (tokenizer) {
    case 'basic_english':
      if (language !== 'en') throw new TokenizerError(`getTokenizer: 'basic_english' is available for English ('en') only, got language '${language}'`);
      return basicEnglishNormalize;
    case 'spacy':
      return spacyTokenizer(language);
    case 'moses':
      return mosesTokenizer(language);
    case 'toktok':
      return toktokTokenize;
    case 'revtok':
      return revtokTokenizer(false);
    case 'subword':
      return revtokTokenizer(true);
    default:
      throw new TokenizerError(
        `getTokenizer: unknown tokenizer ${typeof tokenizer === 'string' ? `'${tokenizer}'` : String(tokenizer)}; expected one of ${NAMES}, a function (text) => string[], { tokenizerJson } or null for str.split()`,
      );
  }
}
