import { defaultGenerator, type Generator } from '../../random/generator';
import { Sampler, type Sized } from './sampler';
import { checkBool, checkPositiveInt, forkGenerator, randpermArray, sizeOf } from './sampler-utils';

/** Options of {@link RandomSampler}. */
export interface RandomSamplerOptions {
  /** Draw with replacement (indices may repeat). @default false */
  replacement?: boolean;
  /** How many indices one pass yields. @default the dataset's length */
  numSamples?: number;
  /** The random source; without one, each pass seeds a new generator from the default one. @default undefined */
  generator?: Generator;
}

/**
 * Yields dataset indices in random order (PyTorch's `RandomSampler`): a permutation per pass, or
 * `numSamples` independent draws with `replacement`. The draws are PyTorch's for the same seed.
 *
 * @example
 * ```ts
 * const s = new dl.RandomSampler(dataset, { generator: new dl.Generator(0) });
 * [...s]; // a permutation of 0..dataset.length-1
 * ```
 */
export class RandomSampler extends Sampler<number> {
  /** The dataset sampled. */
  readonly dataSource: Sized;
  /** Whether draws repeat. */
  readonly replacement: boolean;
  /** The generator, if one was given. */
  readonly generator: Generator | undefined;
  private readonly requestedSamples: number | undefined;

  constructor(dataSource: Sized, options: RandomSamplerOptions = {}) {
    super();
    sizeOf(dataSource, 'RandomSampler');
    this.dataSource = dataSource;
    this.replacement = checkBool(options.replacement ?? false, 'replacement', 'RandomSampler');
    if (options.numSamples !== undefined) checkPositiveInt(options.numSamples, 'numSamples', 'RandomSampler');
    this.requestedSamples = options.numSamples;
    this.generator = options.generator;
  }

  /** The number of indices one pass yields. */
  get numSamples(): number {
    return this.requestedSamples ?? this.dataSource.length;
  }

  get length(): number {
    return this.numSamples;
  }

  *[Symbol.iterator](): Iterator<number> {
    const n = this.dataSource.length;
    const total = this.numSamples;
    const gen = this.generator ?? forkGenerator(defaultGenerator);
    if (this.replacement) {
      // PyTorch draws in chunks of 32 (`randint(high=n, size=(32,))`): same numbers, same order.
      for (let i = 0; i < total; i++) yield gen.nextInt(n);
      return;
    }
    if (n === 0) return;
    for (let k = 0; k < Math.floor(total / n); k++) yield* randpermArray(n, gen);
    // PyTorch draws the tail permutation even when it keeps none of it; so do we, so the
    // generator advances the same way and later passes match PyTorch's.
    yield* randpermArray(n, gen).slice(0, total % n);
  }
}
