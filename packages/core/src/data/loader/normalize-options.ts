import { ValueError } from '../../errors/value-error';
import { functionSpec, isModuleExport } from '../module-export';
import type { DataLoaderOptions } from './data-loader-options';

function nonNegativeInt(value: unknown, name: string, message: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new ValueError(`DataLoader: ${message}, got ${name}=${String(value)}`);
  return value;
}

/** @internal Checks DataLoader options with PyTorch's rules and messages. */
export function checkLoaderOptions<T, B>(options: DataLoaderOptions<T, B>, iterable: boolean): void {
  const numWorkers = nonNegativeInt(options.numWorkers ?? 0, 'numWorkers', 'numWorkers option should be non-negative; use numWorkers=0 to disable worker threads');
  nonNegativeInt(options.timeout ?? 0, 'timeout', 'timeout option should be a non-negative number of milliseconds');
  if (options.prefetchFactor !== undefined) {
    if (numWorkers === 0) throw new ValueError('DataLoader: prefetchFactor option could only be specified with worker threads; let numWorkers > 0 to enable them, otherwise leave prefetchFactor unset');
    if (!Number.isInteger(options.prefetchFactor) || options.prefetchFactor <= 0) throw new ValueError(`DataLoader: prefetchFactor should be a positive integer, got prefetchFactor=${String(options.prefetchFactor)}`);
  }
  if (options.persistentWorkers && numWorkers === 0) throw new ValueError('DataLoader: persistentWorkers option needs numWorkers > 0');
  if (options.concurrency !== undefined && (!Number.isInteger(options.concurrency) || options.concurrency <= 0)) {
    throw new ValueError(`DataLoader: concurrency should be a positive integer, got concurrency=${String(options.concurrency)}`);
  }
  if (options.workerInitFn !== undefined && !isModuleExport(options.workerInitFn) && !functionSpec(options.workerInitFn)) {
    throw new ValueError(
      'DataLoader: workerInitFn must be a module export ({ module: new URL("./init.ts", import.meta.url), export: "init" }) or come from functionFromModule(): plain functions cannot cross into worker threads',
    );
  }
  if (options.collateFn !== undefined && typeof options.collateFn !== 'function' && !isModuleExport(options.collateFn)) {
    throw new ValueError(`DataLoader: collateFn should be a function or a module export ({ module, export }), got ${typeof options.collateFn}`);
  }
  const { batchSize, shuffle, sampler, batchSampler, dropLast } = options;
  if (iterable) {
    if (shuffle !== undefined && shuffle !== false) throw new ValueError(`DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle=${String(shuffle)}`);
    if (sampler !== undefined) throw new ValueError('DataLoader with IterableDataset: expected unspecified sampler option, but got a sampler');
    if (batchSampler !== undefined) throw new ValueError('DataLoader with IterableDataset: expected unspecified batchSampler option, but got a batchSampler');
  }
  if (sampler !== undefined && shuffle) throw new ValueError('DataLoader: sampler option is mutually exclusive with shuffle');
  if (batchSampler !== undefined) {
    if ((batchSize !== undefined && batchSize !== 1) || shuffle || sampler !== undefined || dropLast) {
      throw new ValueError('DataLoader: batchSampler option is mutually exclusive with batchSize, shuffle, sampler, and dropLast');
    }
  } else if (batchSize === null) {
    if (dropLast) throw new ValueError('DataLoader: batchSize=null option disables auto-batching and is mutually exclusive with dropLast');
  } else if (batchSize !== undefined && (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize <= 0)) {
    throw new ValueError(`DataLoader: batchSize should be a positive integer value or null, but got batchSize=${String(batchSize)}`);
  }
  for (const [name, value] of [['sampler', sampler], ['batchSampler', batchSampler]] as const) {
    if (value !== undefined && (value === null || typeof (value as Iterable<unknown>)[Symbol.iterator] !== 'function')) {
      throw new ValueError(`DataLoader: ${name} should be an iterable of ${name === 'sampler' ? 'indices' : 'index lists'}, got ${String(value)}`);
    }
  }
}
