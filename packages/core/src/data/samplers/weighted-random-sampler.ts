import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { defaultGenerator, type Generator } from '../../random/generator';
import { Tensor } from '../../tensor/tensor';
import { multinomialIndices } from './multinomial-indices';
import { Sampler } from './sampler';
import { checkBool, checkPositiveInt } from './sampler-utils';

/** Options of {@link WeightedRandomSampler}. */
export interface WeightedRandomSamplerOptions {
  /** Draw with replacement; without it `numSamples` may not exceed the number of weights. @default true */
  replacement?: boolean;
  /** The random source. @default the default generator */
  generator?: Generator;
}

/**
 * Yields `numSamples` indices drawn with probability proportional to `weights` (PyTorch's
 * `WeightedRandomSampler`, which calls `torch.multinomial`); weights need not sum to 1.
 * Typical use: oversampling rare classes with weights `1 / classCount[label]`.
 *
 * @example
 * ```ts
 * const s = new dl.WeightedRandomSampler([0.1, 0.9, 0.4], 5, { generator: new dl.Generator(0) });
 * [...s]; // 5 indices, mostly 1
 * ```
 */
export class WeightedRandomSampler extends Sampler<number> {
  /** The weights as float64. */
  readonly weights: Float64Array;
  /** How many indices one pass yields. */
  readonly numSamples: number;
  /** Whether draws repeat. */
  readonly replacement: boolean;
  /** The generator, if one was given. */
  readonly generator: Generator | undefined;

  constructor(weights: readonly number[] | ArrayLike<number> | Tensor, numSamples: number, options: WeightedRandomSamplerOptions = {}) {
    super();
    this.numSamples = checkPositiveInt(numSamples, 'numSamples', 'WeightedRandomSampler');
    this.replacement = checkBool(options.replacement ?? true, 'replacement', 'WeightedRandomSampler');
    if (weights instanceof Tensor) {
      if (weights.dim() !== 1) throw new ShapeError(`WeightedRandomSampler: weights should be a 1d sequence but given weights have shape [${weights.shape.join(', ')}]`);
      this.weights = Float64Array.from(weights.dataSync());
    } else if (weights !== null && typeof weights === 'object' && typeof (weights as ArrayLike<number>).length === 'number') {
      const w = Array.from(weights as ArrayLike<unknown>);
      const bad = w.findIndex((v) => typeof v !== 'number');
      if (bad >= 0) throw new ShapeError(`WeightedRandomSampler: weights should be a 1d sequence of numbers, but position ${bad} holds ${Array.isArray(w[bad]) ? 'an array' : typeof w[bad]}`);
      this.weights = Float64Array.from(w as number[]);
    } else {
      throw new ValueError(`WeightedRandomSampler: weights should be an array of numbers or a 1-D Tensor, got ${String(weights)}`);
    }
    this.generator = options.generator;
    // Fail at construction (not mid-epoch) on weights multinomial would reject.
    if (!this.replacement && this.numSamples > this.weights.length) {
      throw new ValueError(`WeightedRandomSampler: cannot sample numSamples > number of weights without replacement (${this.numSamples} > ${this.weights.length})`);
    }
  }

  get length(): number {
    return this.numSamples;
  }

  *[Symbol.iterator](): Iterator<number> {
    yield* multinomialIndices(this.weights, this.numSamples, this.replacement, this.generator ?? defaultGenerator, 'WeightedRandomSampler');
  }
}
