import { defaultGenerator } from '../../random/generator';
import { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import { finish, type RandomOptions } from './creation-options';
import { bernoulliValues } from './random-values';
import { assertOptions } from '../arg-checks';

/** Options of {@link bernoulli}. */
export interface BernoulliOptions extends RandomOptions {
  /** One probability for every element, instead of the values of `input`. @default null */
  p?: number | null;
}

/**
 * Draws 0 or 1 for every element, 1 with the probability given by that element (PyTorch's
 * `torch.bernoulli`); the result has `input`'s shape and dtype. With `{ p }` every element uses
 * that probability instead.
 *
 * @param options `p` (@default null: use `input`), `generator` (@default the default generator).
 * @example
 * ```ts
 * dl.bernoulli(dl.full([4], 0.5)).tolist(); // e.g. [1, 0, 1, 1]
 * ```
 */
export function bernoulli(input: Tensor, options: BernoulliOptions = {}): Tensor {
  assertTensor(input, 'bernoulli');
  assertOptions(options, 'bernoulli', '{ generator }');
  const gen = options.generator ?? defaultGenerator;
  const n = input.numel();
  const probs = options.p === undefined || options.p === null ? input.dataSync() : new Float64Array(n).fill(options.p);
  const dtype = input.dtype === 'bool' ? 'float32' : input.dtype;
  return finish(Tensor._owned(bernoulliValues(probs, input.shape, dtype, gen, 'bernoulli')), options);
}
