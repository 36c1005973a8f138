import { defaultGenerator, type Generator } from '../../random/generator';
import { ValueError } from '../../errors/value-error';
import { Sampler } from './sampler';
import { randpermArray } from './sampler-utils';

/** Options of {@link SubsetRandomSampler}. */
export interface SubsetRandomSamplerOptions {
  /** The random source. @default the default generator */
  generator?: Generator;
}

/**
 * Yields the given indices in a random order, without replacement (PyTorch's
 * `SubsetRandomSampler`), e.g. to draw a validation split from one dataset.
 *
 * @example
 * ```ts
 * const val = new dl.SubsetRandomSampler([0, 5, 9], { generator: new dl.Generator(2) });
 * [...val]; // [9, 0, 5] in some order
 * ```
 */
export class SubsetRandomSampler extends Sampler<number> {
  /** The indices sampled from. */
  readonly indices: readonly number[];
  /** The generator, if one was given. */
  readonly generator: Generator | undefined;

  constructor(indices: Iterable<number>, options: SubsetRandomSamplerOptions = {}) {
    super();
    if (indices === null || typeof indices !== 'object' || typeof (indices as Iterable<number>)[Symbol.iterator] !== 'function') {
      throw new ValueError(`SubsetRandomSampler: indices should be an array of integers, but got ${String(indices)}`);
    }
    this.indices = Array.from(indices);
    this.generator = options.generator;
  }

  get length(): number {
    return this.indices.length;
  }

  *[Symbol.iterator](): Iterator<number> {
    const order = randpermArray(this.indices.length, this.generator ?? defaultGenerator);
    for (const i of order) yield this.indices[i];
  }
}
