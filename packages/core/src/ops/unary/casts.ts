import type { Tensor } from '../../tensor/tensor';
import { to } from './to';

/**
 * Converts to float32 (PyTorch's `Tensor.float()`).
 *
 * @example
 * ```ts
 * dl.tensor([1, 2], { dtype: 'int32' }).float().dtype; // 'float32'
 * ```
 */
export function toFloat(input: Tensor): Tensor {
  return to(input, 'float32');
}

/**
 * Converts to int32, truncating toward zero (PyTorch's `Tensor.int()` and `Tensor.long()`: int64
 * is stored as int32 here).
 *
 * @example
 * ```ts
 * dl.tensor([1.9, -1.9]).long().tolist(); // [1, -1]
 * ```
 */
export function toInt(input: Tensor): Tensor {
  return to(input, 'int32');
}

/**
 * Converts to bool: true where the element is non-zero (PyTorch's `Tensor.bool()`).
 *
 * @example
 * ```ts
 * dl.tensor([0, 2]).bool().tolist(); // [false, true]
 * ```
 */
export function toBool(input: Tensor): Tensor {
  return to(input, 'bool');
}
