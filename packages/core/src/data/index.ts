// torch.utils.data: datasets, samplers, collation and the DataLoader (browser-safe; worker
// threads load lazily in Node).
export * from './errors/collate-error';
export * from './errors/worker-error';
export * from './errors/worker-exit-error';
export * from './errors/worker-timeout-error';
export type { ModuleExport } from './module-export';
export { Dataset, type MapDataset } from './dataset';
export { IterableDataset, type IterableDatasetLike } from './iterable-dataset';
export { ArrayDataset } from './array-dataset';
export * from './tensor-dataset';
export * from './subset';
export * from './concat-dataset';
export * from './chain-dataset';
export * from './random-split';
// biome-ignore lint/suspicious/noImportCycles: the cycle closes only at load-module-export.ts's call-time import('../index'), on purpose (docs/internals/lint.md).
export * from './dataset-from-module';
// biome-ignore lint/suspicious/noImportCycles: the cycle closes only at load-module-export.ts's call-time import('../index'), on purpose (docs/internals/lint.md).
export { functionFromModule, type WorkerFunction } from './function-from-module';
export * from './samplers/sampler';
export * from './samplers/sequential-sampler';
export * from './samplers/random-sampler';
export * from './samplers/subset-random-sampler';
export * from './samplers/weighted-random-sampler';
export * from './samplers/batch-sampler';
export * from './samplers/distributed-sampler';
export type { TypedArray } from './collate/tensor-like';
export type { Collated, Converted } from './collate/collated';
export * from './collate/default-collate';
export * from './collate/default-convert';
export type { DataLoaderOptions, IndexSampler, IndexBatchSampler } from './loader/data-loader-options';
// biome-ignore lint/suspicious/noImportCycles: the cycle closes only at load-module-export.ts's call-time import('../index'), on purpose (docs/internals/lint.md).
export { DataLoader, type DatasetSource } from './loader/data-loader';
export { setDataLoaderRecorder, type DataLoaderRecorder } from './loader/loader-hooks';
export { getWorkerInfo, type WorkerInfo } from './worker/worker-info';
