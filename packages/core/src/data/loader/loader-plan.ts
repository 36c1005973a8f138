import type { Generator } from '../../random/generator';
import type { MapDataset } from '../dataset';
import type { IterableDatasetLike } from '../iterable-dataset';
import type { ModuleExport } from '../module-export';

/** @internal Everything an iteration needs, resolved from a DataLoader's options. */
export interface LoaderPlan {
  readonly iterable: boolean;
  readonly dataset: MapDataset<unknown> | IterableDatasetLike<unknown>;
  /** Whether items are grouped into batches (batchSize or batchSampler given). */
  readonly autoCollation: boolean;
  /** Items per batch for iterable datasets (null: no batching). */
  readonly batchSize: number | null;
  readonly dropLast: boolean;
  /** Map-style: index lists (autoCollation) or single indices. */
  readonly indexSource: Iterable<readonly number[]> | Iterable<number> | null;
  /**
   * `default`: defaultCollate/defaultConvert (in the workers when there are any); `function`: the
   * user's function, always in the main thread; `module`: a module export, in the workers.
   */
  readonly collateMode: 'default' | 'function' | 'module';
  /** Main-thread collation; null for a module export not loaded yet. */
  readonly collate: ((items: unknown) => unknown) | null;
  /** The collateFn's module export (`module` mode). */
  readonly collateSpec: ModuleExport | null;
  readonly concurrency: number;
  readonly generator: Generator;
  readonly numWorkers: number;
  readonly prefetchFactor: number;
  readonly timeout: number;
  readonly workerInitFn: ModuleExport | null;
  readonly persistentWorkers: boolean;
}

/** @internal A plan whose collate function is loaded (main-thread iteration). */
export type ResolvedPlan = LoaderPlan & { readonly collate: (items: unknown) => unknown };

/** @internal A persistent worker pool's slot on its DataLoader. */
export interface PoolHolder {
  pool: unknown;
}
