import { ArgumentTypeError, type Tensor, tensor, ValueError } from '@dl/core';
import { VocabError } from '../errors/vocab-error';
import { DefaultIndexMap } from './default-index-map';
import { comparePython } from './internal/python-strings';
import { concatVectors, resolveVectors, type VectorRows, type VectorsSpec, vectorsFromRows } from './internal/vocab-vectors';
import type { UnkInit } from './unk-init';
import type { Vectors, VectorsOptions } from './vectors';
import { checkVocabState, encodeFloat32, type VocabState } from './vocab-state';

export type { VectorRows, VectorsSpec } from './internal/vocab-vectors';

/**
 * Options of {@link Vocab} (torchtext's `Vocab.__init__` arguments, camelCase).
 *
 * @example
 * ```ts
 * const options: VocabOptions = { maxSize: 25_000, minFreq: 2, specials: ['<unk>', '<pad>', '<bos>', '<eos>'] };
 * ```
 */
export interface VocabOptions {
  /** The most tokens besides the specials, or `undefined`/`null` for no limit. @default undefined */
  maxSize?: number | null;
  /** The least count a token needs to be included; values below 1 count as 1. @default 1 */
  minFreq?: number;
  /** Special tokens added to the vocabulary, in this order (their counts are ignored). @default ['<unk>', '<pad>'] */
  specials?: readonly string[];
  /**
   * Pretrained vectors to give the tokens. The constructor takes loaded {@link Vectors} only
   * (loading is asynchronous); use {@link Vocab.create} for aliases such as `'glove.6B.50d'` or
   * sets not loaded yet. @default undefined
   */
  vectors?: VectorsSpec | null;
  /**
   * How vectors of tokens a set lacks are made. Unlike torchtext (pytorch/text#263), it applies
   * to given {@link Vectors} objects too, not only to aliases. @default undefined (each set's own; zeros)
   */
  unkInit?: UnkInit;
  /** The cache folder of aliased vectors. @default '.vector_cache' */
  vectorsCache?: string;
  /** Further options of aliased vectors (`mirror`, `maxVectors`, `downloadOptions`, ...). @default {} */
  vectorsOptions?: VectorsOptions;
  /** Put the specials first (else last); with `false`, `maxSize` still excludes them. @default true */
  specialsFirst?: boolean;
}

/**
 * A vocabulary that numericalizes tokens (classic torchtext's `Vocab`): `itos` lists the specials
 * first, then the counted tokens by frequency, most frequent first, ties in Python's string order;
 * `stoi` maps them back, giving the `'<unk>'` index for unknown tokens when `'<unk>'` is a
 * special; `vectors` holds pretrained vectors row by row once loaded.
 *
 * @example
 * ```ts
 * const counter = new Map([['the', 3], ['movie', 2], ['great', 2], ['was', 1]]);
 * const vocab = await Vocab.create(counter, { minFreq: 2, vectors: 'glove.6B.50d' });
 * vocab.itos; // ['<unk>', '<pad>', 'the', 'great', 'movie']
 * vocab.lookupIndices(['the', 'plot']); // [2, 0]
 * vocab.vectors?.shape; // [5, 50]
 * ```
 */
export class Vocab {
  /** The token unknown words map to, when it is a special (torchtext's `Vocab.UNK`). */
  static readonly UNK = '<unk>';

  /** The counts the vocabulary was built from (a copy of the counter). */
  freqs: Map<string, number>;
  /** Tokens by index. */
  itos: string[];
  /** Indices by token; `get` of an unknown token gives {@link unkIndex} (when defined). */
  stoi: DefaultIndexMap;
  /** The index unknown tokens get: that of `'<unk>'` when it is a special, else `undefined`. */
  unkIndex: number | undefined;
  /** The vectors `[length, dim]` (float32) after {@link loadVectors} or {@link setVectors}. */
  vectors: Tensor | undefined;

  constructor(counter: Map<string, number>, options: VocabOptions = {}) {
    if (!(counter instanceof Map)) throw new ArgumentTypeError(`Vocab: counter must be a Map of token counts, got ${counter === null ? 'null' : typeof counter}`);
    const { specials = ['<unk>', '<pad>'], specialsFirst = true } = options;
    if (!Array.isArray(specials) || !specials.every((s) => typeof s === 'string')) throw new ArgumentTypeError('Vocab: specials must be an array of strings');
    let maxSize = options.maxSize ?? undefined;
    if (maxSize !== undefined && !(Number.isInteger(maxSize) && maxSize >= 0)) throw new ValueError(`Vocab: maxSize must be an integer >= 0 or undefined, got ${maxSize}`);
    const minFreq = Math.max(options.minFreq ?? 1, 1);
    if (Number.isNaN(minFreq)) throw new ValueError(`Vocab: minFreq must be a number, got ${options.minFreq}`);
    for (const [token, count] of counter) {
      if (typeof count !== 'number') throw new ArgumentTypeError(`Vocab: the count of ${JSON.stringify(token)} must be a number, got ${typeof count}`);
    }

    this.freqs = new Map(counter);
    const counts = new Map(counter);
    for (const s of specials) counts.delete(s); // specials' own counts do not rank them
    this.itos = specialsFirst ? [...specials] : [];
    if (specialsFirst && maxSize !== undefined) maxSize += specials.length;
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || comparePython(a[0], b[0]));
    for (const [token, count] of ranked) {
      if (count < minFreq || this.itos.length === maxSize) break;
      this.itos.push(token);
    }
    const unk = specials.indexOf(Vocab.UNK);
    this.unkIndex = unk < 0 ? undefined : specialsFirst ? unk : this.itos.length + unk;
    if (!specialsFirst) this.itos.push(...specials);
    this.stoi = new DefaultIndexMap(
      this.itos.map((t, i) => [t, i] as const),
      () => this.unkIndex,
    );
    this.vectors = undefined;
    this.initVectors(options, 'Vocab');
  }

  /**
   * The constructor's `vectors`: loaded sets only (loading is asynchronous); `unkInit` and
   * `vectorsCache` without vectors are a mistake, as torchtext asserts.
   */
  protected initVectors(options: VocabOptions, op: string): void {
    const { vectors, unkInit, vectorsCache } = options;
    if (vectors !== undefined && vectors !== null) {
      const sets = resolveVectors(vectors, vectorOptions(options), op);
      const pending = sets.filter((v) => !v.isLoaded);
      if (pending.length > 0) {
        throw new VocabError(
          `${op}: the constructor cannot load vectors (loading is asynchronous) and ${pending.map(String).join(', ')} ${pending.length > 1 ? 'are' : 'is'} not loaded: use \`await ${op}.create(counter, options)\`, or \`await vocab.loadVectors(vectors)\` after the constructor`,
        );
      }
      this.useVectors(sets, unkInit);
    } else if (unkInit !== undefined || vectorsCache !== undefined) {
      throw new VocabError(`${op}: unkInit and vectorsCache apply to vectors, but no vectors were given`);
    }
  }

  /**
   * Builds a vocabulary and loads its vectors (aliases, or sets not loaded yet), downloading them
   * when needed: the constructor's asynchronous form.
   *
   * @example
   * ```ts
   * const vocab = await Vocab.create(counter, { vectors: ['glove.6B.100d', 'charngram.100d'] });
   * vocab.vectors?.shape; // [vocab.length, 200]
   * ```
   */
  static async create<V extends Vocab>(this: VocabClass<V>, counter: Map<string, number>, options: VocabOptions = {}): Promise<V> {
    const { vectors, unkInit, vectorsCache, ...rest } = options;
    if ((vectors === undefined || vectors === null) && (unkInit !== undefined || vectorsCache !== undefined)) {
      // biome-ignore lint/complexity/noThisInStatic: the name of the class create is called on.
      throw new VocabError(`${this.name}.create: unkInit and vectorsCache apply to vectors, but no vectors were given`);
    }
    // `this` is the class create is called on (Vocab, SubwordVocab, ...), so a subclass makes its own kind.
    const vocab = new this(counter, rest);
    if (vectors !== undefined && vectors !== null) await vocab.loadVectors(vectors, vectorOptions(options));
    return vocab;
  }

  /** The number of tokens (torchtext's `len(vocab)`). */
  get length(): number {
    return this.itos.length;
  }

  /**
   * The index of `token` (torchtext's `vocab[token]`): its own index, else that of `'<unk>'`.
   * Throws a {@link VocabError} when neither exists (torchtext returns `None`).
   *
   * @example
   * ```ts
   * vocab.lookup('the'); // 2
   * vocab.lookup('never-seen'); // 0, the index of '<unk>'
   * ```
   */
  lookup(token: string): number {
    if (this.stoi.has(token)) return Map.prototype.get.call(this.stoi, token) as number;
    if (this.stoi.has(Vocab.UNK)) return Map.prototype.get.call(this.stoi, Vocab.UNK) as number;
    throw new VocabError(`Vocab.lookup: ${JSON.stringify(token)} is not in the vocabulary (${this.length} tokens) and it has no '${Vocab.UNK}' to fall back on`);
  }

  /**
   * The indices of `tokens` (torchtext's `lookup_indices`).
   *
   * @example
   * ```ts
   * vocab.lookupIndices(['the', 'movie']); // [2, 4]
   * ```
   */
  lookupIndices(tokens: Iterable<string>): number[] {
    return Array.from(tokens, (t) => this.lookup(t));
  }

  /**
   * Appends the tokens of `other` this vocabulary lacks, in `other`'s order or sorted (Python's
   * order). When this vocabulary has vectors, the new rows are `other`'s vectors of those tokens,
   * so `other` must have vectors of the same size (torchtext leaves `vectors` short instead).
   *
   * @example
   * ```ts
   * vocab.extend(labelsVocab, true);
   * ```
   */
  extend(other: Vocab, sort = false): void {
    if (!(other instanceof Vocab)) throw new ArgumentTypeError(`Vocab.extend: other must be a Vocab, got ${other === null ? 'null' : typeof other}`);
    const words = sort ? [...other.itos].sort(comparePython) : other.itos;
    const added = [...new Set(words.filter((w) => !this.stoi.has(w)))];
    let rows: Float32Array | undefined;
    if (this.vectors !== undefined && added.length > 0) {
      const dim = this.vectors.shape[1]!;
      if (other.vectors === undefined || other.vectors.shape[1] !== dim) {
        throw new VocabError(
          `Vocab.extend: this vocabulary has vectors of size ${dim}, so the ${added.length} added tokens need vectors of size ${dim} from other, which has ${other.vectors === undefined ? 'none' : `size ${other.vectors.shape[1]}`}`,
        );
      }
      const theirs = other.vectors.dataSync();
      rows = new Float32Array(added.length * dim);
      for (let i = 0; i < added.length; i++) {
        const at = other.lookup(added[i]!) * dim;
        rows.set(theirs.subarray(at, at + dim), i * dim);
      }
    }
    for (const w of added) {
      this.itos.push(w);
      this.stoi.set(w, this.itos.length - 1);
    }
    if (rows !== undefined && this.vectors !== undefined) {
      const dim = this.vectors.shape[1]!;
      const all = new Float32Array(this.itos.length * dim);
      all.set(this.vectors.dataSync());
      all.set(rows, (this.itos.length - added.length) * dim);
      this.vectors = tensor(all).reshape([this.itos.length, dim]);
    }
  }

  /**
   * Loads pretrained vectors (aliases such as `'glove.6B.50d'`, {@link Vectors} objects, or a list
   * of them, concatenated along the vector dimension) and sets {@link vectors} to one row per
   * token; tokens a set lacks get `options.unkInit`'s values (else the set's own `unkInit`,
   * zeros by default). `options` are passed to the sets aliases make.
   *
   * @example
   * ```ts
   * await vocab.loadVectors('glove.6B.50d', { cache: '/data/vector_cache' });
   * await vocab.loadVectors([new GloVe({ name: '6B', dim: 100 }), 'charngram.100d']); // [length, 200]
   * ```
   */
  async loadVectors(vectors: VectorsSpec, options: VectorsOptions = {}): Promise<void> {
    const sets = resolveVectors(vectors, options, 'Vocab.loadVectors');
    for (const v of sets) await v.load();
    this.useVectors(sets, options.unkInit);
  }

  /** Sets `vectors` from loaded sets. */
  protected useVectors(sets: readonly Vectors[], unkInit: UnkInit | undefined): void {
    const { data, dim } = concatVectors(this.itos, sets, unkInit);
    this.vectors = tensor(data).reshape([this.itos.length, dim]);
  }

  /**
   * Sets {@link vectors} from vectors of your own (torchtext's `set_vectors`): row
   * `vectors[stoi[token]]` for each token `stoi` has, `unkInit`'s values (zeros by default) for
   * the others.
   *
   * @example
   * ```ts
   * vocab.setVectors(new Map([['the', 0], ['movie', 1]]), dl.randn([2, 8]), 8);
   * ```
   */
  setVectors(stoi: ReadonlyMap<string, number> | Readonly<Record<string, number>>, vectors: VectorRows, dim: number, unkInit?: UnkInit): void {
    const data = vectorsFromRows(this.itos, stoi, vectors, dim, unkInit);
    this.vectors = tensor(data).reshape([this.itos.length, dim]);
  }

  /**
   * Whether `other` has the same counts, tokens, indices, unknown index and vectors (torchtext's `==`).
   *
   * @example
   * ```ts
   * Vocab.fromStateDict(vocab.stateDict()).equals(vocab); // true
   * ```
   */
  equals(other: unknown): boolean {
    if (!(other instanceof Vocab)) return false;
    const sameMap = (a: Map<string, number>, b: Map<string, number>) => a.size === b.size && [...a].every(([k, v]) => b.has(k) && Map.prototype.get.call(b, k) === v);
    if (!sameMap(this.freqs, other.freqs) || !sameMap(this.stoi, other.stoi)) return false;
    if (this.itos.length !== other.itos.length || this.itos.some((t, i) => t !== other.itos[i])) return false;
    if (this.unkIndex !== other.unkIndex) return false;
    if (this.vectors === undefined || other.vectors === undefined) return this.vectors === other.vectors;
    if (this.vectors.shape.join() !== other.vectors.shape.join()) return false;
    const a = this.vectors.dataSync();
    const b = other.vectors.dataSync();
    return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  }

  /**
   * The vocabulary as JSON-safe data (see {@link VocabState}); `JSON.stringify(vocab)` writes it.
   *
   * @example
   * ```ts
   * writeFileSync('vocab.json', JSON.stringify(vocab.stateDict()));
   * ```
   */
  stateDict(): VocabState {
    const vectors = this.vectors === undefined ? null : { shape: [this.vectors.shape[0]!, this.vectors.shape[1]!] as [number, number], data: encodeFloat32(Float32Array.from(this.vectors.dataSync())) };
    return { format: 'dl.text.Vocab', version: 1, itos: [...this.itos], freqs: [...this.freqs], unkIndex: this.unkIndex ?? null, vectors };
  }

  /** The {@link stateDict}, so `JSON.stringify(vocab)` saves the vocabulary. */
  toJSON(): VocabState {
    return this.stateDict();
  }

  /**
   * Replaces this vocabulary's contents with a saved state; a malformed state throws a
   * {@link VocabError} naming the field, and leaves the vocabulary unchanged.
   *
   * @example
   * ```ts
   * vocab.loadStateDict(JSON.parse(readFileSync('vocab.json', 'utf8')));
   * ```
   */
  loadStateDict(state: VocabState): this {
    const s = checkVocabState(state);
    this.itos = [...s.itos];
    this.freqs = new Map(s.freqs);
    this.unkIndex = s.unkIndex ?? undefined;
    this.stoi = new DefaultIndexMap(
      this.itos.map((t, i) => [t, i] as const),
      () => this.unkIndex,
    );
    this.vectors = s.vectorValues === undefined ? undefined : tensor(s.vectorValues).reshape([this.itos.length, s.vectors!.shape[1]]);
    return this;
  }

  /**
   * A vocabulary from a saved state (`vocab.stateDict()` or `JSON.parse` of a saved vocabulary).
   *
   * @example
   * ```ts
   * const vocab = Vocab.fromStateDict(JSON.parse(readFileSync('vocab.json', 'utf8')));
   * ```
   */
  static fromStateDict<V extends Vocab>(this: VocabClass<V>, state: VocabState): V {
    // Restored without the constructor, which would count and rank a counter first.
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class fromStateDict is called on, so a SubwordVocab comes back as one.
    return (Object.create(this.prototype) as V).loadStateDict(state);
  }

  /** `Vocab(length=43, unkIndex=0, vectors=[43, 50])`. */
  toString(): string {
    const vectors = this.vectors === undefined ? 'none' : `[${this.vectors.shape.join(', ')}]`;
    return `Vocab(length=${this.length}, unkIndex=${this.unkIndex ?? 'none'}, vectors=${vectors})`;
  }
}

/**
 * A Vocab class (`Vocab` or a subclass such as `SubwordVocab`), for the static factories.
 *
 * @example
 * ```ts
 * const cls: VocabClass<Vocab> = Vocab;
 * const vocab = await cls.create(counter);
 * ```
 */
export interface VocabClass<V extends Vocab> {
  new (counter: Map<string, number>, options?: VocabOptions): V;
  prototype: V;
  name: string;
}

/** The options aliased vectors of a Vocab are made with. */
function vectorOptions(options: VocabOptions): VectorsOptions {
  const out: VectorsOptions = { ...options.vectorsOptions };
  if (options.unkInit !== undefined) out.unkInit = options.unkInit;
  if (options.vectorsCache !== undefined) out.cache = options.vectorsCache;
  return out;
}
