import { VocabError } from '../errors/vocab-error';

/**
 * A {@link Vocab} as plain JSON-safe data (`vocab.stateDict()`, `JSON.stringify(vocab)`): what
 * torchtext pickles of a Vocab (`itos`, `freqs`, `unk_index`, `vectors`; `stoi` follows from
 * `itos`). The vectors are the float32 bytes, little-endian, in base64.
 *
 * @example
 * ```ts
 * const state: VocabState = vocab.stateDict();
 * writeFileSync('vocab.json', JSON.stringify(state));
 * const again = Vocab.fromStateDict(JSON.parse(readFileSync('vocab.json', 'utf8')));
 * ```
 */
export interface VocabState {
  format: 'dl.text.Vocab';
  version: 1;
  itos: string[];
  /** The counter the vocabulary was built from, as `[token, count]` pairs. */
  freqs: [string, number][];
  unkIndex: number | null;
  vectors: { shape: [number, number]; data: string } | null;
  /** A `SubwordVocab`'s segmenter vocabulary, `[piece, score]` in its order. */
  subwords?: [string, number][];
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Float32 values as base64 of their little-endian bytes.
 *
 * @example
 * ```ts
 * encodeFloat32(new Float32Array([1])); // 'AACAPw=='
 * ```
 */
export function encodeFloat32(values: Float32Array): string {
  const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return (LITTLE_ENDIAN ? bytes : Buffer.from(bytes).swap32()).toString('base64');
}

/**
 * The float32 values of {@link encodeFloat32}'s text; `undefined` when it is not `length` values.
 *
 * @example
 * ```ts
 * decodeFloat32('AACAPw==', 1); // Float32Array [1]
 * ```
 */
export function decodeFloat32(text: string, length: number): Float32Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== length * 4) return undefined;
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  if (!LITTLE_ENDIAN) Buffer.from(copy.buffer).swap32();
  return new Float32Array(copy.buffer);
}

function fail(what: string): never {
  throw new VocabError(`Vocab.fromStateDict: ${what}`);
}

/**
 * `state` checked field by field: a {@link VocabError} names the first field that is missing or wrong.
 *
 * @example
 * ```ts
 * checkVocabState(JSON.parse(text)); // the state, typed, or throws
 * ```
 */
export function checkVocabState(state: unknown): VocabState & { vectorValues: Float32Array | undefined } {
  if (state === null || typeof state !== 'object') fail(`expected a state object from vocab.stateDict(), got ${state === null ? 'null' : typeof state}`);
  const s = state as Partial<VocabState>;
  if (s.format !== 'dl.text.Vocab') fail(`format must be 'dl.text.Vocab', got ${JSON.stringify(s.format)}`);
  if (s.version !== 1) fail(`version must be 1, got ${JSON.stringify(s.version)}`);
  if (!Array.isArray(s.itos) || !s.itos.every((t) => typeof t === 'string')) fail('itos must be an array of strings');
  if (!Array.isArray(s.freqs) || !s.freqs.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'number')) {
    fail('freqs must be an array of [token, count] pairs');
  }
  const n = s.itos.length;
  if (s.unkIndex !== null && !(Number.isInteger(s.unkIndex) && s.unkIndex! >= 0 && s.unkIndex! < n)) {
    fail(`unkIndex must be null or an index below ${n} (the length of itos), got ${JSON.stringify(s.unkIndex)}`);
  }
  let vectorValues: Float32Array | undefined;
  if (s.vectors !== null) {
    const v = s.vectors;
    if (v === undefined || typeof v !== 'object' || !Array.isArray(v.shape) || v.shape.length !== 2 || typeof v.data !== 'string') {
      fail('vectors must be null or { shape: [rows, dim], data: base64 }');
    }
    const [rows, dim] = v.shape;
    if (rows !== n || !Number.isInteger(dim) || dim < 0) fail(`vectors.shape must be [${n}, dim] (one row per token), got [${v.shape.join(', ')}]`);
    vectorValues = decodeFloat32(v.data, rows * dim);
    if (vectorValues === undefined) fail(`vectors.data must be base64 of ${rows * dim} float32 values (${rows * dim * 4} bytes)`);
  }
  if (s.subwords !== undefined && !(Array.isArray(s.subwords) && s.subwords.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'number'))) {
    fail('subwords must be an array of [piece, score] pairs');
  }
  return { ...(s as VocabState), vectorValues };
}
