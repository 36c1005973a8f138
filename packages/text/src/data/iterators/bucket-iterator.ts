import type { Example } from '../dataset/example';
import { batch, pool } from './batching';
import { Iterator } from './iterator';

/**
 * An {@link Iterator} that batches examples of similar length together (torchtext's
 * `BucketIterator`), to save padding: each epoch, the (shuffled) examples are cut into pools of
 * `100 * batchSize`, each pool is sorted by `sortKey` and cut into batches, and the batches of a
 * pool are shuffled. Evaluation iterators (`sort`) just batch the sorted examples.
 *
 * @example
 * ```ts
 * const [trainIter, valIter] = BucketIterator.splits([train, val], {
 *   batchSizes: [32, 256], sortKey: (x) => (x.Text as string[]).length, sortWithinBatch: true,
 * });
 * ```
 */
export class BucketIterator<T extends object = Record<string, unknown>> extends Iterator<T> {
  override createBatches(): void {
    if (this.sort) {
      this.batches = batch(this.data(), this.batchSize, this.batchSizeFn);
      return;
    }
    const key = this.sortWithinBatch ? this.requireSortKey('bucketing with sortWithinBatch') : this.sortKey;
    this.batches = pool<Example>(this.data(), this.batchSize, key, {
      batchSizeFn: this.batchSizeFn,
      randomShuffler: this.randomShuffler,
      shuffle: this.shuffle,
      sortWithinBatch: this.sortWithinBatch,
    });
  }
}
