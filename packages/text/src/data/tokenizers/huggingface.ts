import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TokenizerError } from '../../errors/tokenizer-error';
import type { Tokenizer } from './tokenizer';

// The slice of @huggingface/tokenizers used here.
interface HfEncoding {
  ids: number[];
  tokens: string[];
}
interface HfTokenizer {
  tokenize(text: string, options?: { add_special_tokens?: boolean }): string[];
  encode(text: string, options?: { add_special_tokens?: boolean }): HfEncoding;
  decode(ids: number[], options?: { skip_special_tokens?: boolean }): string;
}
type HfTokenizerClass = new (tokenizer: object, config: object) => HfTokenizer;

/** Options of {@link huggingFaceTokenizer}. */
export interface HuggingFaceTokenizerOptions {
  /** tokenizer_config.json (parsed, or its path): special tokens, lowercasing, ... @default {} */
  tokenizerConfig?: object | string;
  /** Add the post-processor's special tokens (`[CLS]`, `</s>`, ...). @default false */
  addSpecialTokens?: boolean;
}

/** A subword tokenizer loaded from a Hugging Face `tokenizer.json`, as tokens and as ids. */
export interface HuggingFaceTokenizer extends Tokenizer {
  /** The token ids of `text` in the tokenizer's own vocabulary. */
  encodeIds(text: string): number[];
  /** Text from token ids. */
  decode(ids: number[]): string;
}

function readJson(what: string, source: object | string): object {
  if (typeof source !== 'string') {
    if (source === null || typeof source !== 'object') throw new TokenizerError(`huggingFaceTokenizer: expected ${what} to be a parsed JSON object or a file path, got ${source === null ? 'null' : typeof source}`);
    return source;
  }
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch (e) {
    throw new TokenizerError(`huggingFaceTokenizer: cannot read ${what} '${source}': ${(e as Error).message}`, { cause: e });
  }
  try {
    return JSON.parse(text) as object;
  } catch (e) {
    throw new TokenizerError(`huggingFaceTokenizer: ${what} '${source}' is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * A tokenizer from a Hugging Face `tokenizer.json` (BPE, WordPiece, Unigram with their
 * normalizers and pre-tokenizers), through `@huggingface/tokenizers`: the subword tokenizers
 * modern torchtext pipelines use, as a {@link Tokenizer} for `Field({ tokenize })`. The result
 * also has `encodeIds` (the model's own ids, for `Field({ useVocab: false })`) and `decode`.
 * `getTokenizer({ tokenizerJson })` is the same.
 *
 * @param tokenizerJson the parsed tokenizer.json, or its path.
 * @example
 * ```ts
 * const tokenize = huggingFaceTokenizer('bert-base-uncased/tokenizer.json');
 * tokenize('Unaffable!'); // ['una', '##ff', '##able', '!']
 * const TEXT = new Field({ tokenize, lower: false });
 * ```
 */
export function huggingFaceTokenizer(tokenizerJson: object | string, options: HuggingFaceTokenizerOptions = {}): HuggingFaceTokenizer {
  const json = readJson('tokenizerJson', tokenizerJson);
  const config = options.tokenizerConfig === undefined ? {} : readJson('tokenizerConfig', options.tokenizerConfig);
  const { Tokenizer: HfTokenizerCtor } = createRequire(import.meta.url)('@huggingface/tokenizers') as { Tokenizer: HfTokenizerClass };
  let hf: HfTokenizer;
  try {
    hf = new HfTokenizerCtor(json, config);
  } catch (e) {
    throw new TokenizerError(`huggingFaceTokenizer: not a usable tokenizer.json (${(e as Error).message})`, { cause: e });
  }
  const addSpecialTokens = options.addSpecialTokens ?? false;
  const tokenize = ((text: string) => hf.encode(text, { add_special_tokens: addSpecialTokens }).tokens) as HuggingFaceTokenizer;
  tokenize.encodeIds = (text: string) => hf.encode(text, { add_special_tokens: addSpecialTokens }).ids;
  tokenize.decode = (ids: number[]) => hf.decode(ids, { skip_special_tokens: true });
  return tokenize;
}
