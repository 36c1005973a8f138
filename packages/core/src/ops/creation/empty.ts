import type { Tensor } from '../../tensor/tensor';
import type { CreationOptions, Size } from './creation-options';
import { zeros } from './zeros';

/**
 * A tensor of the given size (PyTorch's `torch.empty`). TensorFlow.js has no uninitialized
 * memory, so the values are zeros; do not rely on that, as PyTorch code does not.
 *
 * @param options `dtype` (@default 'float32'), `requiresGrad` (@default false).
 * @example
 * ```ts
 * const buf = dl.empty([3, 4]); // then buf.uniform_() or buf.copy_(src)
 * ```
 */
export function empty(size: Size, options?: CreationOptions): Tensor;
export function empty(...size: number[]): Tensor;
export function empty(...args: unknown[]): Tensor {
  return (zeros as (...a: unknown[]) => Tensor)(...args);
}
