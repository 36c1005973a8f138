import { type DType, normalizeDType, type Tensor, tensor } from '@dl/core';
import { FieldError } from '../../errors/field-error';
import { Vocab, type VocabOptions } from '../../vocab/vocab';
import { Dataset } from '../dataset/dataset';
import { getTokenizer, type TokenizerJsonSpec, type TokenizerName } from '../tokenizers/get-tokenizer';
import type { Tokenizer } from '../tokenizers/tokenizer';
import { type Processing, runProcessing } from '../utils/pipeline';
import { rstripNewlines } from '../utils/python-str';
import { checkDevice, type Device } from './device';
import { matrixTensor, parseNumber } from './numeric';
import { RawField } from './raw-field';

/** Options of {@link Field} (torchtext's `Field` arguments in camelCase). */
export interface FieldOptions {
  /** The data is a sequence: tokenize strings, pad batches. @default true */
  sequential?: boolean;
  /** Numericalize through a Vocab (`buildVocab`); else the data must be numbers already. @default true */
  useVocab?: boolean;
  /** A token prepended to every example. @default null */
  initToken?: string | null;
  /** A token appended to every example. @default null */
  eosToken?: string | null;
  /** Pad (and truncate) every example to this length, specials included; else to the batch's longest. @default null */
  fixLength?: number | null;
  /** The tensor dtype: `'int64'`/`'long'` (stored as int32, as all of @dl does), `'int32'`, `'float32'`... @default 'int64' */
  dtype?: DType | 'int64' | 'long' | 'int' | 'float';
  /** Applied after tokenizing (and lowercasing, stop-word removal), before numericalizing. @default null */
  preprocessing?: Processing | null;
  /** Applied to a batch after numericalizing, before the tensor is made: `(batch, vocab) => batch`. @default null */
  postprocessing?: Processing | null;
  /** Lowercase the text. @default false */
  lower?: boolean;
  /** The tokenizer: a {@link getTokenizer} name, a function, `{ tokenizerJson }`, or null for `str.split()`. @default null */
  tokenize?: TokenizerName | Tokenizer | TokenizerJsonSpec | null;
  /** The tokenizer's language (for `'spacy'`, `'moses'`, `'basic_english'`). @default 'en' */
  tokenizerLanguage?: string;
  /** `process()` returns `[padded, lengths]` (lengths as a tensor of `dtype`). @default false */
  includeLengths?: boolean;
  /** Tensors `[batch, seq]` instead of torchtext's default `[seq, batch]`. @default false */
  batchFirst?: boolean;
  /** The padding token (sequential fields only; a number for `useVocab: false` data). @default '<pad>' */
  padToken?: string | number | null;
  /** The token unknown words map to. @default '<unk>' */
  unkToken?: string | null;
  /** Pad at the start instead of the end. @default false */
  padFirst?: boolean;
  /** Truncate (to `fixLength`) at the start instead of the end. @default false */
  truncateFirst?: boolean;
  /** Tokens dropped when preprocessing (sequential, vocab fields). @default null */
  stopWords?: Iterable<string> | null;
  /** Whether this field is a target (Batch iteration yields inputs, then targets). @default false */
  isTarget?: boolean;
}

/**
 * What {@link Field.process} gives: a tensor, `[padded, lengths]` with `includeLengths`, or
 * `[padded, sentenceLengths, wordLengths]` for a {@link NestedField} with `includeLengths`.
 *
 * @example
 * ```ts
 * const [padded, lengths] = new Field({ includeLengths: true, useVocab: false, padToken: 0 }).process([[1, 2], [3]]) as [Tensor, Tensor];
 * ```
 */
export type ProcessedBatch = Tensor | [Tensor, Tensor] | [Tensor, Tensor, Tensor];

/** A padded batch with the length of each example (what `pad` returns with `includeLengths`). */
export type PaddedWithLengths = [padded: unknown[][], lengths: number[]];

/** What {@link Field.buildVocab} counts: datasets (their columns of this field) or iterables of values. */
export type VocabSource = Dataset | Iterable<unknown>;

function isOptions(x: unknown): x is VocabOptions {
  return x !== null && typeof x === 'object' && !(x instanceof Dataset) && !(Symbol.iterator in (x as object));
}

/** @internal Whether `arr` is `pad`'s `[padded, lengths]` rather than a batch. */
export function isPaddedWithLengths(arr: unknown): arr is PaddedWithLengths {
  return (
    Array.isArray(arr) &&
    arr.length === 2 &&
    Array.isArray(arr[0]) &&
    Array.isArray(arr[1]) &&
    arr[0].length === arr[1].length &&
    (arr[1] as unknown[]).every((n) => typeof n === 'number') &&
    (arr[0] as unknown[]).every((x) => Array.isArray(x))
  );
}

/** @internal The key a counted value gets: strings as they are, other primitives as text. */
export function tokenKey(x: unknown): string {
  return typeof x === 'string' ? x : String(x);
}

/**
 * A text column and how it becomes tensors (torchtext's `Field`): `preprocess` tokenizes,
 * lowercases and filters one value when an Example is made; `buildVocab` counts the tokens of
 * datasets into a {@link Vocab}; `process` pads a batch (to its longest example or `fixLength`,
 * adding `initToken`/`eosToken`) and numericalizes it into an int tensor `[seq, batch]` (or
 * `[batch, seq]` with `batchFirst`), with the lengths too when `includeLengths`.
 *
 * `buildVocab` is asynchronous (the one step that differs from torchtext): pretrained vectors may
 * be downloaded or read from disk.
 *
 * @example
 * ```ts
 * const TEXT = new Field({ tokenize: 'spacy', lower: true, includeLengths: true });
 * const LABEL = new Field({ sequential: false });
 * await TEXT.buildVocab(train, { maxSize: 25_000, vectors: 'glove.6B.50d' });
 * const [padded, lengths] = TEXT.process([['who', 'is', 'he'], ['why']]) as [Tensor, Tensor];
 * padded.shape; // [3, 2]
 * ```
 */
export class Field extends RawField {
  /** The Vocab class `buildVocab` makes (subclasses may use another). */
  vocabCls: typeof Vocab = Vocab;
  /** The vocabulary, after {@link buildVocab}. */
  vocab: Vocab | undefined;
  sequential: boolean;
  useVocab: boolean;
  initToken: string | null;
  eosToken: string | null;
  unkToken: string | null;
  fixLength: number | null;
  /** The tensor dtype (PyTorch's int64 is int32 here). */
  dtype: DType;
  lower: boolean;
  /** The tokenizer and its language as given (torchtext's `tokenizer_args`). */
  readonly tokenizerArgs: readonly [FieldOptions['tokenize'], string];
  /** The tokenizer function. */
  tokenize: Tokenizer;
  includeLengths: boolean;
  batchFirst: boolean;
  padToken: string | number | null;
  padFirst: boolean;
  truncateFirst: boolean;
  stopWords: Set<string> | null;

  constructor(options: FieldOptions = {}) {
    super({ preprocessing: options.preprocessing, postprocessing: options.postprocessing, isTarget: options.isTarget });
    const name = new.target.name;
    this.sequential = options.sequential ?? true;
    this.useVocab = options.useVocab ?? true;
    this.initToken = options.initToken ?? null;
    this.eosToken = options.eosToken ?? null;
    this.unkToken = options.unkToken === undefined ? '<unk>' : options.unkToken;
    const fixLength = options.fixLength ?? null;
    if (fixLength !== null && !(Number.isInteger(fixLength) && fixLength >= 0)) {
      throw new FieldError(`${name}: fixLength must be a non-negative integer or null, got ${String(fixLength)}`);
    }
    this.fixLength = fixLength;
    this.dtype = normalizeDType((options.dtype ?? 'int64') as string, name);
    this.lower = options.lower ?? false;
    const language = options.tokenizerLanguage ?? 'en';
    this.tokenizerArgs = [options.tokenize, language];
    this.tokenize = getTokenizer(options.tokenize, language);
    this.includeLengths = options.includeLengths ?? false;
    this.batchFirst = options.batchFirst ?? false;
    this.padToken = this.sequential ? (options.padToken === undefined ? '<pad>' : options.padToken) : null;
    this.padFirst = options.padFirst ?? false;
    this.truncateFirst = options.truncateFirst ?? false;
    const stopWords = options.stopWords ?? null;
    if (stopWords !== null && (typeof stopWords === 'string' || typeof (stopWords as Iterable<string>)[Symbol.iterator] !== 'function')) {
      throw new FieldError(`${name}: stopWords must be an iterable of strings (an array or a Set), got ${typeof stopWords === 'string' ? 'a string' : typeof stopWords}`);
    }
    this.stopWords = stopWords === null ? null : new Set(stopWords);
  }

  /**
   * One value as an Example stores it: a string is tokenized (sequential fields; trailing newlines
   * dropped first), lowercased (`lower`), stripped of `stopWords`, then run through `preprocessing`.
   *
   * @example
   * ```ts
   * new Field({ lower: true, stopWords: ['the'] }).preprocess('The Cat sat\n'); // ['cat', 'sat']
   * ```
   */
  override preprocess(x: unknown): unknown {
    let out = x;
    if (this.sequential && typeof out === 'string') out = this.tokenize(rstripNewlines(out));
    if (this.lower) out = this.lowercase(out);
    if (this.sequential && this.useVocab && this.stopWords !== null) {
      const stop = this.stopWords;
      out = (out as unknown[]).filter((w) => !stop.has(w as string));
    }
    return this.preprocessing ? runProcessing(this.preprocessing, out) : out;
  }

  private lowercase(x: unknown): unknown {
    const lower = (s: unknown) => {
      if (typeof s !== 'string') throw new FieldError(`${this.constructor.name}.preprocess: lower needs strings, got ${typeof s} (${String(s)})`);
      return s.toLowerCase();
    };
    return Array.isArray(x) ? x.map(lower) : lower(x);
  }

  /**
   * A batch of examples' values as a tensor: {@link pad}, then {@link numericalize}.
   *
   * @returns a tensor, or `[padded, lengths]` with `includeLengths`.
   */
  override process(batch: readonly unknown[], device?: Device): ProcessedBatch {
    if (this.sequential && this.useVocab && this.postprocessing === null && this.vocab !== undefined && this.dtype !== 'bool') {
      checkDevice(device, `${this.constructor.name}.process`);
      return this.padAndNumericalize(batch);
    }
    return this.numericalize(this.pad(batch), device);
  }

  /**
   * `numericalize(pad(batch))` in one pass, for vocab fields without postprocessing: the ids go
   * straight into the tensor's buffer, laid out `[seq, batch]` (or `[batch, seq]`), with no
   * padded token lists in between. Same padding rules as {@link pad}.
   */
  private padAndNumericalize(batch: readonly unknown[]): ProcessedBatch {
    const name = this.constructor.name;
    if (batch.length === 0) throw new FieldError(`${name}.pad: the batch is empty (nothing to pad)`);
    const vocab = this.vocab!;
    const stoi = vocab.stoi;
    const index = (t: unknown): number => {
      const i = stoi.get(typeof t === 'string' ? t : tokenKey(t));
      if (i === undefined) throw new FieldError(`${name}.numericalize: ${JSON.stringify(t)} is not in the vocab (${vocab.length} tokens) and the vocab has no '<unk>' to map it to`);
      return i;
    };
    let maxLen = 0;
    for (const x of batch) {
      if (!Array.isArray(x)) throw new FieldError(`${name}.pad: a sequential field pads lists of tokens, got ${x === null ? 'null' : typeof x} (${String(x).slice(0, 40)})`);
      if (this.fixLength === null && x.length > maxLen) maxLen = x.length;
    }
    const extra = (this.initToken === null ? 0 : 1) + (this.eosToken === null ? 0 : 1);
    if (this.fixLength !== null) maxLen = this.fixLength - extra;
    const init = this.initToken === null ? -1 : index(this.initToken);
    const eos = this.eosToken === null ? -1 : index(this.eosToken);
    const pad = this.padToken === null ? -1 : index(this.padToken);
    const b = batch.length;
    // Row lengths can exceed maxLen + extra only through Python's slicing quirks (x[-0:] is all of
    // x); such a row makes torch.tensor fail in torchtext, and the slow path reports it.
    const cols = Math.max(0, maxLen) + extra;
    const timeMajor = !this.batchFirst;
    const flat = this.dtype === 'float32' ? new Float32Array(b * cols) : new Int32Array(b * cols);
    const lengths: number[] = [];
    for (let r = 0; r < b; r++) {
      const x = batch[r] as unknown[];
      const body = this.truncateFirst ? x.slice(maxLen === 0 ? 0 : -maxLen) : x.length <= maxLen ? x : x.slice(0, maxLen);
      const fill = Math.max(0, maxLen - x.length);
      if (body.length + extra + fill !== cols) return this.numericalize(this.pad(batch));
      let j = 0;
      const put = (id: number) => {
        flat[timeMajor ? j * b + r : r * cols + j] = id;
        j++;
      };
      if (this.padFirst) for (let k = 0; k < fill; k++) put(pad);
      if (init >= 0) put(init);
      for (let k = 0; k < body.length; k++) put(index(body[k]));
      if (eos >= 0) put(eos);
      if (!this.padFirst) for (let k = 0; k < fill; k++) put(pad);
      lengths.push(cols - fill);
    }
    const t = tensor(flat, { dtype: this.dtype });
    const out = t.reshape(timeMajor ? [cols, b] : [b, cols]);
    t.dispose();
    if (this.includeLengths) return [out, tensor(lengths, { dtype: this.dtype })];
    return out;
  }

  /**
   * Pads a batch of token lists (sequential fields; others are returned as a list): adds
   * `initToken`/`eosToken`, truncates to `fixLength` (minus those tokens) and pads with `padToken`
   * to `fixLength` or to the longest example. With `includeLengths`, returns
   * `[padded, lengths]` (lengths count the init/eos tokens, not the padding).
   *
   * @throws FieldError for an empty batch or an example that is not a list.
   * @example
   * ```ts
   * new Field({ initToken: '<s>' }).pad([['a', 'b'], ['c']]); // [['<s>', 'a', 'b'], ['<s>', 'c', '<pad>']]
   * ```
   */
  pad(minibatch: Iterable<unknown>): unknown[] | PaddedWithLengths | [unknown[], number[], number[][]] {
    const batch = [...minibatch];
    if (!this.sequential) return batch;
    const { padded, lengths } = this.padSequences(batch, this.padToken, this.initToken, this.eosToken, this.fixLength);
    return this.includeLengths ? [padded, lengths] : padded;
  }

  /** @internal torchtext's padding with the tokens given (NestedField pads with lists). */
  protected padSequences<T>(batch: readonly unknown[], padToken: T, initToken: T | null, eosToken: T | null, fixLength: number | null): { padded: T[][]; lengths: number[] } {
    const name = this.constructor.name;
    if (batch.length === 0) throw new FieldError(`${name}.pad: the batch is empty (nothing to pad)`);
    for (const x of batch) {
      if (!Array.isArray(x)) throw new FieldError(`${name}.pad: a sequential field pads lists of tokens, got ${x === null ? 'null' : typeof x} (${String(x).slice(0, 40)})`);
    }
    const seqs = batch as T[][];
    let maxLen: number;
    if (fixLength === null) {
      maxLen = 0;
      for (const x of seqs) if (x.length > maxLen) maxLen = x.length;
    } else maxLen = fixLength - (initToken === null ? 0 : 1) - (eosToken === null ? 0 : 1);
    const padded: T[][] = [];
    const lengths: number[] = [];
    for (const x of seqs) {
      // Python's x[-max_len:] / x[:max_len], quirks included (x[-0:] is all of x).
      const body = this.truncateFirst ? x.slice(maxLen === 0 ? 0 : -maxLen) : x.slice(0, maxLen);
      const fill = Math.max(0, maxLen - x.length);
      const row: T[] = [];
      if (this.padFirst) for (let i = 0; i < fill; i++) row.push(padToken);
      if (initToken !== null) row.push(initToken);
      for (const t of body) row.push(t);
      if (eosToken !== null) row.push(eosToken);
      if (!this.padFirst) for (let i = 0; i < fill; i++) row.push(padToken);
      padded.push(row);
      lengths.push(row.length - fill);
    }
    return { padded, lengths };
  }

  /**
   * Counts the tokens of `sources` into {@link vocab} (torchtext's `build_vocab`): a Dataset
   * contributes every column whose field is this one; other sources are iterables of values
   * (token lists for sequential fields). The field's `unkToken`, `padToken`, `initToken` and
   * `eosToken` come first among the specials, then `options.specials`. Resolves once pretrained
   * `vectors` are loaded (asynchronous, unlike torchtext: vectors may be downloaded).
   *
   * @example
   * ```ts
   * await TEXT.buildVocab(train, valid, { maxSize: 25_000, minFreq: 2, vectors: 'glove.6B.50d' });
   * TEXT.vocab!.itos.slice(0, 2); // ['<unk>', '<pad>']
   * ```
   */
  async buildVocab(...args: (VocabSource | VocabOptions)[]): Promise<void> {
    const options: VocabOptions = args.length > 0 && isOptions(args[args.length - 1]) ? (args.pop() as VocabOptions) : {};
    const counter = this.countTokens(this.vocabSources(args as VocabSource[]));
    const specials = [...new Set([this.unkToken, this.padToken, this.initToken, this.eosToken, ...(options.specials ?? [])].filter((t): t is string => typeof t === 'string'))];
    this.vocab = await this.vocabCls.create(counter, { ...options, specials });
  }

  /** @internal The columns of this field in datasets, and the other sources as they are. */
  protected vocabSources(args: readonly VocabSource[]): Iterable<unknown>[] {
    const sources: Iterable<unknown>[] = [];
    for (const arg of args) {
      if (arg instanceof Dataset) {
        for (const [name, field] of Object.entries(arg.fields)) if (field === this) sources.push(arg.column(name));
      } else if (arg !== null && typeof arg === 'object' && Symbol.iterator in arg) sources.push(arg);
      else throw new FieldError(`${this.constructor.name}.buildVocab: expected datasets or iterables of values, got ${arg === null ? 'null' : typeof arg}`);
    }
    return sources;
  }

  /** @internal torchtext's Counter update: values (or tokens of token lists, or of nested lists). */
  protected countTokens(sources: Iterable<Iterable<unknown>>): Map<string, number> {
    const counter = new Map<string, number>();
    const add = (t: unknown) => {
      if (Array.isArray(t)) for (const u of t) add(u);
      else {
        const k = tokenKey(t);
        counter.set(k, (counter.get(k) ?? 0) + 1);
      }
    };
    for (const data of sources) {
      for (const x of data) {
        if (!this.sequential) {
          add(x);
          continue;
        }
        if (Array.isArray(x)) {
          // The common case, a list of string tokens, without the generic path's calls.
          for (let i = 0; i < x.length; i++) {
            const t = x[i];
            if (typeof t === 'string') counter.set(t, (counter.get(t) ?? 0) + 1);
            else add(t);
          }
        } else if (typeof x === 'string') {
          for (const ch of x) add(ch);
        } else if (x !== null && typeof x === 'object' && Symbol.iterator in x) {
          for (const t of x as Iterable<unknown>) add(t);
        } else {
          throw new FieldError(`${this.constructor.name}.buildVocab: a sequential field counts lists of tokens, got ${x === null ? 'null' : typeof x}`);
        }
      }
    }
    return counter;
  }

  /**
   * A padded batch as a tensor (torchtext's `numericalize`): tokens become vocab indices
   * (unknown ones `<unk>`'s), `postprocessing(batch, vocab)` runs, and the tensor is
   * `[seq, batch]` (`[batch, seq]` with `batchFirst`; `[batch]` for non-sequential fields). With
   * `useVocab: false` the values must be numbers (or numeric strings, for non-sequential fields).
   *
   * @throws FieldError before `buildVocab`, for a token the vocab cannot map, or for
   *   `includeLengths` without `[padded, lengths]`.
   */
  numericalize(arr: unknown[] | PaddedWithLengths, device?: Device): ProcessedBatch {
    const name = this.constructor.name;
    checkDevice(device, `${name}.numericalize`);
    let data: unknown[] = arr;
    let lengths: number[] | undefined;
    if (this.includeLengths) {
      if (!isPaddedWithLengths(arr)) {
        throw new FieldError(`${name}.numericalize: the field has includeLengths set, so it expects [padded, lengths] (what pad() returns), got ${this.sequential ? 'a batch without lengths' : 'a non-sequential batch, which has no lengths'}`);
      }
      [data, lengths] = arr;
    }
    let values: unknown;
    if (this.useVocab) {
      const vocab = this.vocab;
      if (!vocab) throw new FieldError(`${name}.numericalize: no vocab yet: call (and await) buildVocab() on the training data before numericalizing`);
      const stoi = vocab.stoi;
      const index = (t: unknown): number => {
        const i = stoi.get(tokenKey(t));
        if (i === undefined) {
          throw new FieldError(`${name}.numericalize: ${JSON.stringify(t)} is not in the vocab (${vocab.length} tokens) and the vocab has no '<unk>' to map it to`);
        }
        return i;
      };
      values = this.sequential ? data.map((ex) => (ex as unknown[]).map(index)) : data.map(index);
      if (this.postprocessing) values = runProcessing(this.postprocessing, values, vocab);
    } else {
      if (this.dtype === 'bool') throw new FieldError(`${name}.numericalize: dtype bool cannot be used with useVocab: false (no way to numericalize it)`);
      const integer = this.dtype === 'int32';
      const toNumber = (x: unknown): unknown => {
        if (typeof x !== 'string') return x;
        const n = parseNumber(x, integer);
        if (n === undefined) throw new FieldError(`${name}.numericalize: ${JSON.stringify(x)} is not ${integer ? 'an integer' : 'a number'} (useVocab: false needs numeric data, dtype ${this.dtype})`);
        return n;
      };
      values = this.sequential ? data : data.map(toNumber);
      if (this.postprocessing) values = runProcessing(this.postprocessing, values, null);
    }
    const out = this.toTensor(values);
    if (lengths !== undefined) return [out, tensor(lengths, { dtype: this.dtype })];
    return out;
  }

  /** The numericalized batch as a tensor, `[seq, batch]` unless batchFirst. */
  private toTensor(values: unknown): Tensor {
    const name = this.constructor.name;
    if (!Array.isArray(values)) throw new FieldError(`${name}.numericalize: postprocessing must return a list, got ${typeof values}`);
    const check = (v: unknown) => {
      if (typeof v !== 'number' && typeof v !== 'boolean') throw new FieldError(`${name}.numericalize: expected numbers to make a ${this.dtype} tensor, got ${typeof v} (${JSON.stringify(v)})`);
    };
    if (!this.sequential) {
      for (const v of values) check(v);
      return tensor(values as number[], { dtype: this.dtype });
    }
    const rows = values as unknown[][];
    const cols = rows.length > 0 && Array.isArray(rows[0]) ? rows[0].length : 0;
    for (const row of rows) {
      if (!Array.isArray(row) || row.length !== cols) throw new FieldError(`${name}.numericalize: the batch is not padded to one length (pad() first)`);
      for (const v of row) check(v);
    }
    return matrixTensor(rows as number[][], cols, this.dtype, !this.batchFirst);
  }
}
