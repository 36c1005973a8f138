import { DLError } from '@dl/core';

/**
 * A tokenizer cannot be made or cannot run: an unknown tokenizer name, a language the tokenizer
 * does not support, or a tokenizer model (tokenizer.json, SentencePiece .model) that cannot be
 * read. The message names the tokenizer and the accepted choices.
 *
 * @example
 * ```ts
 * try { getTokenizer('nltk'); }
 * catch (e) { if (e instanceof TokenizerError) console.error(e.message); } // getTokenizer: unknown tokenizer 'nltk' ...
 * ```
 */
export class TokenizerError extends DLError {}
