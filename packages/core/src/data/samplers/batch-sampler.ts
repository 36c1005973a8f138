import { ValueError } from '../../errors/value-error';
import { Sampler } from './sampler';
import { checkBool, checkPositiveInt } from './sampler-utils';

/** Options of {@link BatchSampler}. */
export interface BatchSamplerOptions {
  /** Drop the last batch when it is smaller than `batchSize`. @default false */
  dropLast?: boolean;
}

/**
 * Groups the indices of another sampler into lists of `batchSize` (PyTorch's `BatchSampler`).
 * Pass one to the DataLoader as `batchSampler` to control batches yourself.
 *
 * @example
 * ```ts
 * [...new dl.BatchSampler(new dl.SequentialSampler({ length: 10 }), 3, { dropLast: false })];
 * // [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
 * ```
 */
export class BatchSampler extends Sampler<number[]> {
  /** The sampler batched. */
  readonly sampler: Iterable<number> & { readonly length?: number };
  /** The batch size. */
  readonly batchSize: number;
  /** Whether a short last batch is dropped. */
  readonly dropLast: boolean;

  constructor(sampler: Iterable<number> & { readonly length?: number }, batchSize: number, options: BatchSamplerOptions = {}) {
    super();
    if (sampler === null || typeof sampler !== 'object' || typeof (sampler as Iterable<number>)[Symbol.iterator] !== 'function') {
      throw new ValueError(`BatchSampler: sampler should be an iterable of indices, but got ${String(sampler)}`);
    }
    this.sampler = sampler;
    this.batchSize = checkPositiveInt(batchSize, 'batchSize', 'BatchSampler');
    this.dropLast = checkBool(options.dropLast ?? false, 'dropLast', 'BatchSampler');
  }

  get length(): number {
    const n = this.sampler.length;
    if (typeof n !== 'number') throw new ValueError('BatchSampler: the wrapped sampler has no length');
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  *[Symbol.iterator](): Iterator<number[]> {
    let batch: number[] = [];
    for (const i of this.sampler) {
      batch.push(i);
      if (batch.length === this.batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0 && !this.dropLast) yield batch;
  }
}
