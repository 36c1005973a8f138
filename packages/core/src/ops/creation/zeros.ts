import { filledTensor } from './raw-fill';
import type { Tensor } from '../../tensor/tensor';
import { finish, resolveDType, sizeAndOptions, type CreationOptions, type Size } from './creation-options';

/**
 * A tensor filled with zeros (PyTorch's `torch.zeros`). The size is an array or separate numbers.
 *
 * @param options `dtype` (@default 'float32'), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.zeros([2, 3]).shape; // [2, 3]
 * dl.zeros(2, 3).shape; // [2, 3]
 * dl.zeros([4], { dtype: 'int64' }).dtype; // 'int32'
 * ```
 */
export function zeros(size: Size, options?: CreationOptions): Tensor;
export function zeros(...size: number[]): Tensor;
export function zeros(...args: unknown[]): Tensor {
  const [shape, options] = sizeAndOptions<CreationOptions>(args, 'zeros');
  return finish(filledTensor(shape, 0, resolveDType(options, 'float32', 'zeros'), 'zeros'), options);
}
