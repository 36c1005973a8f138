import { ValueError } from '../../errors/value-error';
import { defaultGenerator, type Generator } from '../../random/generator';
import { asMapDataset } from '../array-dataset';
import type { Collated } from '../collate/collated';
import { defaultCollate } from '../collate/default-collate';
import { defaultConvert } from '../collate/default-convert';
import type { MapDataset } from '../dataset';
import { IterableDataset, isIterableDataset, type IterableDatasetLike } from '../iterable-dataset';
import type { WorkerFunction } from '../function-from-module';
// biome-ignore lint/suspicious/noImportCycles: the cycle closes only at load-module-export.ts's call-time import('../index'), on purpose (docs/internals/lint.md).
import { loadModuleFunction } from '../load-module-export';
import { functionSpec, isModuleExport, type ModuleExport } from '../module-export';
import { BatchSampler } from '../samplers/batch-sampler';
import { RandomSampler } from '../samplers/random-sampler';
import { drawSeed } from '../samplers/sampler-utils';
import { SequentialSampler } from '../samplers/sequential-sampler';
import type { DataLoaderOptions, IndexBatchSampler, IndexSampler } from './data-loader-options';
import { iterateInline } from './iterate-inline';
import { iterateSync } from './iterate-sync';
import type { LoaderPlan, PoolHolder } from './loader-plan';
import { timeLoaderWaits, timeLoaderWaitsSync } from './loader-hooks';
import { checkLoaderOptions } from './normalize-options';
import { loadWorkerModule } from './worker-support';

/** What a DataLoader loads from: a map-style dataset, an array, or an iterable dataset. */
export type DatasetSource<T> = MapDataset<T> | readonly T[] | IterableDataset<T> | IterableDatasetLike<T>;


/**
 * Batches, shuffles and loads a dataset (PyTorch's `torch.utils.data.DataLoader`). Iterate with
 * `for await` (or `for ... of` when `numWorkers` is 0 and items are synchronous); `length` is the
 * number of batches. `numWorkers > 0` loads batches in worker threads (Node), in sampler order.
 *
 * The async iterator gives the event loop one turn per batch, so tensors a training step drops
 * are freed as the loop runs.
 *
 * @example
 * ```ts
 * const loader = new dl.DataLoader(new FizzBuzzDataset(), { batchSize: 64, shuffle: true });
 * for await (const [x, y] of loader) {
 *   // x: Tensor [64, 10], y: Tensor [64, 4]
 * }
 * ```
 */
export class DataLoader<T, B = Collated<T>> implements AsyncIterable<B>, Iterable<B> {
  /** The dataset (arrays are wrapped in an `ArrayDataset`). */
  readonly dataset: MapDataset<T> | IterableDatasetLike<T>;
  /** Items per batch, or null without batching (undefined with a `batchSampler`). */
  readonly batchSize: number | null | undefined;
  /** Whether a short last batch is dropped. */
  readonly dropLast: boolean;
  /** The index sampler (map-style datasets). */
  readonly sampler: IndexSampler | undefined;
  /** The batch sampler (map-style datasets with batching). */
  readonly batchSampler: IndexBatchSampler | undefined;
  /** Worker threads (0: the main thread loads). */
  readonly numWorkers: number;
  /** The collate function or module export (typed as a method, so `DataLoader<X>` fits `DataLoader<unknown>`). */
  readonly collateFn: { collate(items: T[]): B }['collate'] | ModuleExport;
  /** Accepted for PyTorch compatibility; no effect. */
  readonly pinMemory: boolean;
  /** Milliseconds to wait for a batch (0: no limit). */
  readonly timeout: number;
  /** The worker init function (a module export or a `functionFromModule` function). */
  readonly workerInitFn: ModuleExport | WorkerFunction<(workerId: number) => unknown> | undefined;
  /** The generator for shuffling and worker seeds. */
  readonly generator: Generator | undefined;
  /** Batches loaded ahead per worker (undefined without workers). */
  readonly prefetchFactor: number | undefined;
  /** Whether workers outlive an epoch. */
  readonly persistentWorkers: boolean;
  /** Async `getItem` calls in flight per thread. */
  readonly concurrency: number;
  private readonly iterable: boolean;
  private readonly autoCollation: boolean;
  private readonly holder: PoolHolder = { pool: null };

  constructor(dataset: DatasetSource<T>, options: DataLoaderOptions<T, B> = {}) {
    const iterable = dataset instanceof IterableDataset || isIterableDataset(dataset);
    checkLoaderOptions(options, iterable);
    this.iterable = iterable;
    this.dataset = iterable ? (dataset as IterableDatasetLike<T>) : asMapDataset(dataset as MapDataset<T> | readonly T[], 'DataLoader');
    this.numWorkers = options.numWorkers ?? 0;
    this.pinMemory = options.pinMemory ?? false;
    this.timeout = options.timeout ?? 0;
    this.workerInitFn = options.workerInitFn;
    this.generator = options.generator;
    this.prefetchFactor = this.numWorkers > 0 ? (options.prefetchFactor ?? 2) : undefined;
    this.persistentWorkers = options.persistentWorkers ?? false;
    this.concurrency = options.concurrency ?? 16;
    this.dropLast = options.dropLast ?? false;
    if (options.batchSampler !== undefined) {
      this.batchSize = undefined;
      this.batchSampler = options.batchSampler;
      this.autoCollation = true;
    } else {
      this.batchSize = options.batchSize === undefined ? 1 : options.batchSize;
      this.autoCollation = this.batchSize !== null;
    }
    if (!iterable) {
      const ds = this.dataset as MapDataset<T>;
      this.sampler = options.sampler ?? (options.shuffle ? new RandomSampler(ds, { generator: options.generator }) : new SequentialSampler(ds));
      if (this.batchSampler === undefined && this.batchSize !== null && this.batchSize !== undefined) {
        this.batchSampler = new BatchSampler(this.sampler, this.batchSize, { dropLast: this.dropLast });
      }
    }
    const fallback = this.autoCollation ? defaultCollate : defaultConvert;
    this.collateFn = options.collateFn ?? (fallback as unknown as (items: T[]) => B);
  }

  /** The number of batches in one epoch (PyTorch's `len(loader)`). */
  get length(): number {
    if (!this.iterable) {
      const source = (this.autoCollation ? this.batchSampler : this.sampler) as { length?: number };
      if (typeof source.length !== 'number') throw new ValueError(`DataLoader: the ${this.autoCollation ? 'batchSampler' : 'sampler'} has no length`);
      return source.length;
    }
    const n = (this.dataset as { length?: unknown }).length;
    if (typeof n !== 'number') throw new ValueError('DataLoader: this IterableDataset has no length, so the loader has none');
    if (this.batchSize === null || this.batchSize === undefined) return n;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  /** Batches of one epoch, loaded in the background (workers) or as the loop asks (numWorkers 0). */
  async *[Symbol.asyncIterator](): AsyncIterableIterator<B> {
    if (this.numWorkers === 0) {
      this.drawBaseSeed();
      const plan = this.plan();
      let collate = plan.collate;
      if (collate === null) {
        const fn = await loadModuleFunction(plan.collateSpec as ModuleExport, 'collateFn');
        collate = (items) => fn(items);
      }
      yield* timeLoaderWaits(iterateInline({ ...plan, collate }) as AsyncIterator<B>);
      return;
    }
    const workers = await loadWorkerModule();
    yield* timeLoaderWaits(workers.iterateWithWorkers(this.plan(), this.holder, () => this.drawBaseSeed()) as AsyncIterator<B>);
  }

  /** Batches of one epoch, synchronously: only with numWorkers 0 and synchronous items. */
  *[Symbol.iterator](): IterableIterator<B> {
    if (this.numWorkers > 0) throw new ValueError(`DataLoader: for ... of needs numWorkers=0 (got numWorkers=${this.numWorkers}); iterate with for await`);
    const plan = this.plan();
    const collate = plan.collate;
    if (collate === null) throw new ValueError('DataLoader: a collateFn given as a module export is loaded asynchronously; iterate with for await');
    this.drawBaseSeed();
    yield* timeLoaderWaitsSync(iterateSync({ ...plan, collate }) as Iterator<B>);
  }

  /** Stops persistent workers now (they are also stopped when the loader is garbage collected). */
  async close(): Promise<void> {
    if (this.holder.pool === null) return;
    const workers = await loadWorkerModule();
    await workers.closePool(this.holder);
  }

  /** PyTorch draws a base seed from the generator at the start of every epoch, workers or not. */
  private drawBaseSeed(): number {
    return drawSeed(this.generator ?? defaultGenerator);
  }

  private plan(): LoaderPlan {
    const collateFn = this.collateFn;
    const isDefault = collateFn === (defaultCollate as unknown) || collateFn === (defaultConvert as unknown);
    const spec = typeof collateFn === 'function' ? functionSpec(collateFn) : (collateFn as ModuleExport);
    return {
      iterable: this.iterable,
      dataset: this.dataset as MapDataset<unknown> | IterableDatasetLike<unknown>,
      autoCollation: this.autoCollation,
      batchSize: this.iterable ? (this.batchSize ?? null) : null,
      dropLast: this.dropLast,
      indexSource: this.iterable ? null : ((this.autoCollation ? this.batchSampler : this.sampler) as Iterable<number>),
      collateMode: isDefault ? 'default' : spec ? 'module' : 'function',
      collate: typeof collateFn === 'function' ? (collateFn as (items: unknown) => unknown) : null,
      collateSpec: isDefault ? null : (spec ?? null),
      concurrency: this.concurrency,
      generator: this.generator ?? defaultGenerator,
      numWorkers: this.numWorkers,
      prefetchFactor: this.prefetchFactor ?? 2,
      timeout: this.timeout,
      workerInitFn: this.workerInitFn === undefined ? null : isModuleExport(this.workerInitFn) ? this.workerInitFn : (functionSpec(this.workerInitFn) ?? null),
      persistentWorkers: this.persistentWorkers,
    };
  }
}
