import type { RandomShuffler } from '../utils/random-shuffler';

/**
 * The size a batch has after adding an example (torchtext's `batch_size_fn`): the new example,
 * the count of examples in the batch with it, and the size so far. The default counts examples;
 * counting tokens gives batches of about `batchSize` tokens.
 *
 * @example
 * ```ts
 * const byTokens: BatchSizeFn<Example> = (ex, _count, sofar) => sofar + (ex.text as string[]).length;
 * ```
 */
export type BatchSizeFn<E> = (example: E, count: number, sizeSoFar: number) => number;

/**
 * What iterators sort by: a number, or a list of numbers compared element by element (Python's
 * tuples).
 *
 * @example
 * ```ts
 * const sortKey = (ex: Example): SortKeyValue => [(ex.src as string[]).length, (ex.trg as string[]).length];
 * ```
 */
export type SortKeyValue = number | readonly number[];

/** @internal Compares sort keys as Python compares numbers and tuples. */
export function compareKeys(a: SortKeyValue, b: SortKeyValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = typeof a === 'number' ? [a] : a;
  const y = typeof b === 'number' ? [b] : b;
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** @internal Stable sort by key, ascending (Python's `sorted(xs, key=key)`). */
export function sortedBy<E>(xs: Iterable<E>, key: (e: E) => SortKeyValue): E[] {
  const keyed = Array.from(xs, (e, i) => ({ e, k: key(e), i }));
  keyed.sort((p, q) => compareKeys(p.k, q.k) || p.i - q.i);
  return keyed.map((p) => p.e);
}

/**
 * Groups `data` into batches of `batchSize` (torchtext's `batch`): with a `batchSizeFn`, a
 * batch ends when its size reaches `batchSize`, or before the example that would pass it.
 *
 * @example
 * ```ts
 * [...batch([1, 2, 3, 4, 5], 2)]; // [[1, 2], [3, 4], [5]]
 * ```
 */
export function* batch<E>(data: Iterable<E>, batchSize: number, batchSizeFn?: BatchSizeFn<E> | null): Generator<E[]> {
  const sizeFn: BatchSizeFn<E> = batchSizeFn ?? ((_e, count) => count);
  let minibatch: E[] = [];
  let sizeSoFar = 0;
  for (const ex of data) {
    minibatch.push(ex);
    sizeSoFar = sizeFn(ex, minibatch.length, sizeSoFar);
    if (sizeSoFar === batchSize) {
      yield minibatch;
      minibatch = [];
      sizeSoFar = 0;
    } else if (sizeSoFar > batchSize) {
      yield minibatch.slice(0, -1);
      minibatch = minibatch.slice(-1);
      sizeSoFar = sizeFn(ex, 1, 0);
    }
  }
  if (minibatch.length > 0) yield minibatch;
}

/**
 * torchtext's bucketing (`pool`): cuts `data` into chunks of `100 * batchSize`, sorts each chunk
 * by `key` (with `sortWithinBatch`), cuts it into batches, and shuffles the batches of each
 * chunk (with `shuffle`), so batches hold examples of similar length but come in random order.
 *
 * @example
 * ```ts
 * [...pool(examples, 32, (ex) => ex.text.length, { shuffle: true, sortWithinBatch: true, randomShuffler: new RandomShuffler(0) })];
 * ```
 */
export function* pool<E>(
  data: Iterable<E>,
  batchSize: number,
  key: ((e: E) => SortKeyValue) | null,
  options: { batchSizeFn?: BatchSizeFn<E> | null; randomShuffler: RandomShuffler; shuffle?: boolean; sortWithinBatch?: boolean },
): Generator<E[]> {
  for (const p of batch(data, batchSize * 100, options.batchSizeFn)) {
    let chunk = p;
    if (options.sortWithinBatch) {
      if (!key) throw new TypeError('pool: sortWithinBatch needs a sort key');
      chunk = sortedBy(p, key);
    }
    const batches = [...batch(chunk, batchSize, options.batchSizeFn)];
    yield* options.shuffle ? options.randomShuffler.shuffle(batches) : batches;
  }
}
