import { Sampler, type Sized } from './sampler';
import { sizeOf } from './sampler-utils';

/**
 * Yields `0, 1, ..., length - 1` (PyTorch's `SequentialSampler`).
 *
 * @example
 * ```ts
 * [...new dl.SequentialSampler([10, 20, 30])]; // [0, 1, 2]
 * ```
 */
export class SequentialSampler extends Sampler<number> {
  /** The dataset (or anything with a length) sampled. */
  readonly dataSource: Sized;

  constructor(dataSource: Sized) {
    super();
    sizeOf(dataSource, 'SequentialSampler');
    this.dataSource = dataSource;
  }

  get length(): number {
    return this.dataSource.length;
  }

  *[Symbol.iterator](): Iterator<number> {
    const n = this.dataSource.length;
    for (let i = 0; i < n; i++) yield i;
  }
}
