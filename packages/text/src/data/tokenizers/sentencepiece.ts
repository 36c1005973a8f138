import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TokenizerError } from '../../errors/tokenizer-error';
import type { Tokenizer } from './tokenizer';

// The slice of @agnai/sentencepiece-js (SentencePiece compiled to WebAssembly) used here.
interface SpProcessor {
  load(path: string): Promise<void>;
  encodeIds(text: string): number[];
  encodePieces(text: string): string[];
  decodeIds(ids: number[]): string;
  processor: { status(): { ToString(): string; delete?(): void } };
}

/**
 * A loaded SentencePiece model (torchtext's `load_sp_model`): `encodePieces`, `encodeIds`,
 * `decodeIds`.
 */
export interface SentencePieceModel {
  /** The pieces of `text` (`▁` marks a word start). */
  encodePieces(text: string): string[];
  /** The ids of `text`'s pieces. */
  encodeIds(text: string): number[];
  /** Text from ids. */
  decodeIds(ids: number[]): string;
}

/**
 * Loads a SentencePiece `.model` file (torchtext's `load_sp_model`), through the WebAssembly
 * build of SentencePiece in `@agnai/sentencepiece-js`. Async: the WebAssembly module starts.
 *
 * @example
 * ```ts
 * const sp = await loadSpModel('m_user.model');
 * sp.encodePieces('hello world'); // ['▁hello', '▁world']
 * ```
 */
export async function loadSpModel(path: string): Promise<SentencePieceModel> {
  if (typeof path !== 'string' || !existsSync(path)) {
    throw new TokenizerError(`loadSpModel: no SentencePiece model file at '${String(path)}'`);
  }
  const { SentencePieceProcessor } = createRequire(import.meta.url)('@agnai/sentencepiece-js') as { SentencePieceProcessor: new () => SpProcessor };
  const sp = new SentencePieceProcessor();
  await sp.load(path);
  const status = sp.processor.status();
  const message = status.ToString();
  status.delete?.();
  if (message !== 'OK') throw new TokenizerError(`loadSpModel: '${path}' is not a SentencePiece model (${message})`);
  return {
    encodePieces: (text) => sp.encodePieces(text),
    encodeIds: (text) => sp.encodeIds(text),
    decodeIds: (ids) => sp.decodeIds(ids),
  };
}

/**
 * A tokenizer that splits text into a SentencePiece model's pieces (torchtext's
 * `sentencepiece_tokenizer`), for `Field({ tokenize })`.
 *
 * @param model a loaded model or the path of a `.model` file.
 * @example
 * ```ts
 * const tokenize = await sentencepieceTokenizer('m_user.model');
 * tokenize('hello world'); // ['▁hello', '▁world']
 * ```
 */
export async function sentencepieceTokenizer(model: SentencePieceModel | string): Promise<Tokenizer> {
  const sp = typeof model === 'string' ? await loadSpModel(model) : model;
  return (text: string) => sp.encodePieces(text);
}

/**
 * A function from text to a SentencePiece model's ids (torchtext's
 * `sentencepiece_numericalizer`), e.g. as a `Field`'s tokenizer with `useVocab: false`.
 *
 * @example
 * ```ts
 * const numericalize = await sentencepieceNumericalizer('m_user.model');
 * numericalize('hello world'); // [1, 2]
 * ```
 */
export async function sentencepieceNumericalizer(model: SentencePieceModel | string): Promise<(text: string) => number[]> {
  const sp = typeof model === 'string' ? await loadSpModel(model) : model;
  return (text: string) => sp.encodeIds(text);
}
