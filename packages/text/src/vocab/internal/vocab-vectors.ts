// The rows of a Vocab's `vectors`, as torchtext's `Vocab.load_vectors` and `set_vectors` fill them.
import { ArgumentTypeError, IndexError, ShapeError, Tensor } from '@dl/core';
import { vectorsFromAlias } from '../pretrained-aliases';
import { type UnkInit, unkValues } from '../unk-init';
import { Vectors, type VectorsOptions } from '../vectors';
import { pythonStrip } from './python-strings';

/**
 * What `Vocab.loadVectors` accepts: a pretrained alias, a vectors set, or a list of them
 * (concatenated along the vector dimension).
 *
 * @example
 * ```ts
 * const spec: VectorsSpec = ['glove.6B.100d', new CharNGram()];
 * ```
 */
export type VectorsSpec = string | Vectors | ReadonlyArray<string | Vectors>;

/** `spec` as a list of vectors sets, aliases made with `options`. */
export function resolveVectors(spec: VectorsSpec, options: VectorsOptions, op: string): Vectors[] {
  const list: ReadonlyArray<unknown> = Array.isArray(spec) ? spec : [spec];
  return list.map((v, i) => {
    if (typeof v === 'string') return vectorsFromAlias(v, options);
    if (v instanceof Vectors) return v;
    const where = Array.isArray(spec) ? ` (item ${i})` : '';
    throw new ArgumentTypeError(`${op}: vectors${where} must be a pretrained alias such as 'glove.6B.50d' or a Vectors object, got ${v === null ? 'null' : typeof v}`);
  });
}

/**
 * The `[itos.length, sum of dims]` rows: for each token (stripped, as torchtext does) the
 * vectors of every set side by side; a set without the token gives `unkInit`'s values, or its
 * own `unkInit`'s when none is given.
 */
export function concatVectors(itos: readonly string[], sets: readonly Vectors[], unkInit: UnkInit | undefined): { data: Float32Array; dim: number } {
  const dim = sets.reduce((total, v) => total + v.dim, 0);
  const data = new Float32Array(itos.length * dim);
  itos.forEach((token, i) => {
    const key = pythonStrip(token);
    let at = i * dim;
    for (const v of sets) {
      data.set(v._valuesOf(key, unkInit ?? v.unkInit), at);
      at += v.dim;
    }
  });
  return { data, dim };
}

/**
 * The vectors `Vocab.setVectors` takes rows from: a `[n, dim]` tensor, or an array of rows
 * (tensors or number arrays).
 *
 * @example
 * ```ts
 * const rows: VectorRows = [[0.1, 0.2], [0.3, 0.4]];
 * ```
 */
export type VectorRows = Tensor | ArrayLike<Tensor | ArrayLike<number>>;

/**
 * torchtext's `set_vectors`: row `stoi[token]` of `vectors` for each token of `itos` that `stoi`
 * has (not stripped, as torchtext), `unkInit`'s values for the others.
 */
export function vectorsFromRows(
  itos: readonly string[],
  stoi: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
  vectors: VectorRows,
  dim: number,
  unkInit: UnkInit | undefined,
): Float32Array {
  const op = 'Vocab.setVectors';
  if (!Number.isInteger(dim) || dim < 0) throw new ArgumentTypeError(`${op}: dim must be an integer >= 0, got ${dim}`);
  const indexOf = stoi instanceof Map ? (t: string) => stoi.get(t) : (t: string) => (Object.hasOwn(stoi, t) ? (stoi as Record<string, number>)[t] : undefined);
  let rowOf: (index: number) => ArrayLike<number>;
  let rows: number;
  if (vectors instanceof Tensor) {
    if (vectors.shape.length !== 2 || vectors.shape[1] !== dim) throw new ShapeError(`${op}: vectors must have shape [n, ${dim}], got [${vectors.shape.join(', ')}]`);
    const flat = vectors.dataSync();
    rows = vectors.shape[0]!;
    rowOf = (index) => flat.subarray(index * dim, (index + 1) * dim);
  } else if (vectors !== null && typeof vectors === 'object' && typeof vectors.length === 'number') {
    rows = vectors.length;
    rowOf = (index) => {
      const row = vectors[index]!;
      return row instanceof Tensor ? row.dataSync() : row;
    };
  } else {
    throw new ArgumentTypeError(`${op}: vectors must be a Tensor [n, ${dim}] or an array of rows, got ${vectors === null ? 'null' : typeof vectors}`);
  }
  const data = new Float32Array(itos.length * dim);
  itos.forEach((token, i) => {
    const index = indexOf(token);
    if (index === undefined) {
      data.set(unkValues(unkInit, dim, op), i * dim);
      return;
    }
    if (!Number.isInteger(index) || index < 0 || index >= rows) {
      throw new IndexError(`${op}: stoi maps ${JSON.stringify(token)} to ${index}, but there are ${rows} vectors`);
    }
    const row = rowOf(index);
    if (row.length !== dim) throw new ShapeError(`${op}: the vector of ${JSON.stringify(token)} (row ${index}) has ${row.length} values, expected dim = ${dim}`);
    data.set(row, i * dim);
  });
  return data;
}
