import { type GeneratorState, ValueError } from '@dl/core';
import { EmptyDatasetError } from '../../errors/empty-dataset-error';
import { Dataset } from '../dataset/dataset';
import type { Example } from '../dataset/example';
import { checkDevice, type Device } from '../fields/device';
import { RandomShuffler } from '../utils/random-shuffler';
import { Batch } from './batch';
import { batch, type BatchSizeFn, type SortKeyValue, sortedBy } from './batching';

/** Options of {@link Iterator} (torchtext's arguments in camelCase). */
export interface IteratorOptions {
  /** Examples per batch (or the size limit `batchSizeFn` measures against). */
  batchSize: number;
  /** What to sort and bucket by; overrides the dataset's `sortKey`. @default dataset.sortKey */
  sortKey?: ((example: Example) => SortKeyValue) | null;
  /** Where batches go: `'cpu'`, `-1` or nothing (see {@link Device}). @default undefined */
  device?: Device;
  /** The batch size after adding an example, for dynamic batching (e.g. by tokens). @default counts examples */
  batchSizeFn?: BatchSizeFn<Example> | null;
  /** Whether this iterates a training set (sets the `shuffle` and `sort` defaults). @default true */
  train?: boolean;
  /** Start over after the last batch, forever. @default false */
  repeat?: boolean;
  /** Shuffle the examples each epoch. @default train */
  shuffle?: boolean | null;
  /** Sort the examples by `sortKey`. @default !train */
  sort?: boolean | null;
  /** Sort each batch by `sortKey`, longest first (as `packPaddedSequence` wants). @default sort */
  sortWithinBatch?: boolean | null;
}

/** Options of `splits`: an iterator's options, with a batch size per dataset. */
export type SplitsOptions<O extends IteratorOptions> = Omit<O, 'batchSize' | 'train'> & {
  /** A batch size per dataset, in the order of the datasets. */
  batchSizes?: readonly number[];
  /** One batch size for every dataset (when `batchSizes` is not given). */
  batchSize?: number;
};

/**
 * An iterator's resumable state (torchtext's `state_dict`): plain data, JSON-serializable.
 *
 * @example
 * ```ts
 * writeFileSync('iter.json', JSON.stringify(trainIter.stateDict()));
 * trainIter.loadStateDict(JSON.parse(readFileSync('iter.json', 'utf8')));
 * ```
 */
export interface IteratorState {
  iterations: number;
  iterationsThisEpoch: number;
  randomStateThisEpoch: GeneratorState | null;
}

/**
 * Batches of a dataset, epoch after epoch (torchtext's `Iterator`): examples are sorted
 * (`sort`, the default for evaluation), shuffled (`shuffle`, the default for training) or kept
 * in order, grouped into batches of `batchSize` (or by `batchSizeFn`), and each batch becomes a
 * {@link Batch} whose fields are padded, numericalized tensors. Iterate it with `for...of`;
 * with `repeat` it never ends. `iterations` and `epoch` count progress, and
 * `stateDict`/`loadStateDict` resume mid-epoch with the same shuffle. Shuffles use a
 * {@link RandomShuffler} seeded from @dl/core's default generator (`manualSeed`).
 *
 * Type the batches' fields with the type parameter: `new Iterator<{ Text: Tensor }>(...)`.
 *
 * @example
 * ```ts
 * const [trainIter, valIter, testIter] = Iterator.splits([train, val, test], {
 *   sortKey: (x) => (x.Text as string[]).length, batchSizes: [32, 99, 99], device: -1,
 * });
 * for (const batch of testIter) console.log(String(batch));
 * ```
 */
export class Iterator<T extends object = Record<string, unknown>> implements Iterable<Batch & T> {
  /** The dataset batched. */
  readonly dataset: Dataset;
  batchSize: number;
  batchSizeFn: BatchSizeFn<Example> | null;
  train: boolean;
  repeat: boolean;
  shuffle: boolean;
  sort: boolean;
  sortWithinBatch: boolean;
  sortKey: ((example: Example) => SortKeyValue) | null;
  device: Device;
  /** Batches yielded so far (reset each epoch unless `repeat`). */
  iterations = 0;
  /** The shuffler of this iterator's examples and batches. */
  randomShuffler: RandomShuffler;
  /** The current epoch's batches (set by {@link initEpoch}). */
  batches: Iterable<Example[]> = [];
  protected iterationsThisEpoch = 0;
  protected randomStateThisEpoch: GeneratorState | null = null;
  protected restoredFromState = false;

  constructor(dataset: Dataset, options: IteratorOptions) {
    const name = new.target.name;
    if (!(dataset instanceof Dataset)) throw new ValueError(`${name}: expected a Dataset, got ${dataset === null ? 'null' : typeof dataset}`);
    if (options === null || typeof options !== 'object') throw new ValueError(`${name}: expected options with a batchSize, got ${String(options)}`);
    const { batchSize } = options;
    if (!(typeof batchSize === 'number' && Number.isInteger(batchSize) && batchSize > 0)) {
      throw new ValueError(`${name}: batchSize must be a positive integer, got ${String(batchSize)}`);
    }
    if (dataset.length === 0) throw new EmptyDatasetError(`${name}: the dataset has no examples to batch`);
    checkDevice(options.device, name);
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.batchSizeFn = options.batchSizeFn ?? null;
    this.train = options.train ?? true;
    this.repeat = options.repeat ?? false;
    this.shuffle = options.shuffle ?? this.train;
    this.sort = options.sort ?? !this.train;
    this.sortWithinBatch = options.sortWithinBatch ?? this.sort;
    this.sortKey = options.sortKey ?? dataset.sortKey;
    this.device = options.device;
    this.randomShuffler = new RandomShuffler();
  }

  /**
   * Iterators for several splits (torchtext's `splits`): the first is the training iterator
   * (`train: true`), the others evaluation iterators.
   *
   * @example
   * ```ts
   * const [trainIter, testIter] = BucketIterator.splits([train, test], { batchSizes: [64, 256], sortKey: (x) => (x.text as string[]).length });
   * ```
   */
  static splits<I, O extends IteratorOptions>(this: new (dataset: Dataset, options: O) => I, datasets: readonly Dataset[], options: SplitsOptions<O>): I[] {
    const { batchSizes, batchSize, ...rest } = options;
    // biome-ignore lint/complexity/noThisInStatic: splits builds the class it is called on (BucketIterator.splits makes BucketIterators), as torchtext's classmethod.
    // biome-ignore lint/complexity/noUselessThisAlias: one named constructor for the messages and the `new` below.
    const cls = this;
    let sizes: readonly number[];
    if (batchSizes !== undefined && batchSizes !== null) sizes = batchSizes;
    else if (batchSize !== undefined) sizes = datasets.map(() => batchSize);
    else throw new ValueError(`${cls.name}.splits: give batchSizes (one per dataset) or batchSize`);
    if (sizes.length !== datasets.length) throw new ValueError(`${cls.name}.splits: ${datasets.length} datasets but ${sizes.length} batch sizes`);
    return datasets.map((d, i) => new cls(d, { ...rest, batchSize: sizes[i]!, train: i === 0 } as unknown as O));
  }

  /** The examples of an epoch in order: sorted (`sort`), shuffled (`shuffle`) or as they are. */
  data(): Example[] {
    if (this.sort) return sortedBy(this.dataset.examples, this.requireSortKey('sort'));
    if (this.shuffle) return this.randomShuffler.shuffle(this.dataset.examples);
    return this.dataset.examples;
  }

  /** @internal The sort key, or a ValueError naming what needed it. */
  protected requireSortKey(what: string): (example: Example) => SortKeyValue {
    if (!this.sortKey) throw new ValueError(`${this.constructor.name}: ${what} needs a sortKey (pass sortKey, or set the dataset's sortKey)`);
    return this.sortKey;
  }

  /** Starts an epoch: takes (or restores) the random state and makes the batches. */
  initEpoch(): void {
    if (this.restoredFromState) {
      if (this.randomStateThisEpoch) this.randomShuffler.randomState = this.randomStateThisEpoch;
    }
    else this.randomStateThisEpoch = this.randomShuffler.randomState;
    this.createBatches();
    if (this.restoredFromState) this.restoredFromState = false;
    else this.iterationsThisEpoch = 0;
    if (!this.repeat) this.iterations = 0;
  }

  /** Makes {@link batches} for the epoch (subclasses bucket differently). */
  createBatches(): void {
    this.batches = batch(this.data(), this.batchSize, this.batchSizeFn);
  }

  /** The epoch `iterations` is in (`floor(iterations / length)`). */
  get epoch(): number {
    return Math.floor(this.iterations / this.length);
  }

  /** The number of batches per epoch (unknown, and an error, with `batchSizeFn`). */
  get length(): number {
    if (this.batchSizeFn) throw new ValueError(`${this.constructor.name}.length: the number of batches is unknown with a batchSizeFn`);
    return Math.ceil(this.dataset.length / this.batchSize);
  }

  *[Symbol.iterator](): Generator<Batch & T> {
    for (;;) {
      this.initEpoch();
      let idx = 0;
      for (const minibatch of this.batches) {
        // Fast-forward over the batches a restored state had already yielded.
        if (this.iterationsThisEpoch > idx++) continue;
        this.iterations += 1;
        this.iterationsThisEpoch += 1;
        if (this.sortWithinBatch) {
          // packPaddedSequence wants batches longest first: reverse an ascending sort.
          if (this.sort) minibatch.reverse();
          else {
            const key = this.requireSortKey('sortWithinBatch');
            const sorted = sortedBy(minibatch.slice().reverse(), key).reverse();
            minibatch.splice(0, minibatch.length, ...sorted);
          }
        }
        yield new Batch(minibatch, this.dataset, this.device) as Batch & T;
      }
      if (!this.repeat) return;
    }
  }

  /** The state to resume from (torchtext's `state_dict`). */
  stateDict(): IteratorState {
    return { iterations: this.iterations, iterationsThisEpoch: this.iterationsThisEpoch, randomStateThisEpoch: this.randomStateThisEpoch };
  }

  /** Resumes from a {@link stateDict}: the next iteration continues that epoch with its shuffle. */
  loadStateDict(state: IteratorState): void {
    if (!state || typeof state.iterations !== 'number' || typeof state.iterationsThisEpoch !== 'number') {
      throw new ValueError(`${this.constructor.name}.loadStateDict: not an iterator state (expected iterations, iterationsThisEpoch, randomStateThisEpoch)`);
    }
    this.iterations = state.iterations;
    this.iterationsThisEpoch = state.iterationsThisEpoch;
    this.randomStateThisEpoch = state.randomStateThisEpoch;
    this.restoredFromState = true;
  }
}
