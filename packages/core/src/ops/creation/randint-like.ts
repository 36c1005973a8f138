import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import type { RandomOptions } from './creation-options';
import { randint } from './randint';

/**
 * Random integers in `[low, high)` with the shape and (unless `dtype` is given) dtype of `input`
 * (PyTorch's `torch.randint_like`): `randintLike(input, high)` or `randintLike(input, low, high)`.
 *
 * @param options `generator` (@default the default generator), `dtype` (@default input's), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.randintLike(dl.zeros([4]), 10).shape; // [4], float32 values 0..9
 * ```
 */
export function randintLike(input: Tensor, high: number, options?: RandomOptions): Tensor;
export function randintLike(input: Tensor, low: number, high: number, options?: RandomOptions): Tensor;
export function randintLike(input: Tensor, a: number, b?: number | RandomOptions, c?: RandomOptions): Tensor {
  assertTensor(input, 'randintLike');
  const [low, high, options]: [number, number, RandomOptions] = typeof b === 'number' ? [a, b, c ?? {}] : [0, a, b ?? {}];
  return randint(low, high, input.shape, { ...options, dtype: options.dtype ?? input.dtype });
}
