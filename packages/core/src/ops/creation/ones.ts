import { filledTensor } from './raw-fill';
import type { Tensor } from '../../tensor/tensor';
import { finish, resolveDType, sizeAndOptions, type CreationOptions, type Size } from './creation-options';

/**
 * A tensor filled with ones (PyTorch's `torch.ones`). The size is an array or separate numbers.
 *
 * @param options `dtype` (@default 'float32'), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.ones([2]).tolist(); // [1, 1]
 * dl.ones(2, 2, { dtype: 'bool' }).tolist(); // [[true, true], [true, true]]
 * ```
 */
export function ones(size: Size, options?: CreationOptions): Tensor;
export function ones(...size: number[]): Tensor;
export function ones(...args: unknown[]): Tensor {
  const [shape, options] = sizeAndOptions<CreationOptions>(args, 'ones');
  return finish(filledTensor(shape, 1, resolveDType(options, 'float32', 'ones'), 'ones'), options);
}
