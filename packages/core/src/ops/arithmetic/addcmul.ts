import type { Tensor } from '../../tensor/tensor';
import { mul } from './mul';
import { add } from './add';
import { assertTensor } from '../unary/unary-helpers';

/** Options of {@link addcmul} and {@link addcdiv}. */
export interface AddcOptions {
  /** Multiplier of the product (or quotient). @default 1 */
  value?: number;
}

/**
 * `input + value * tensor1 * tensor2`, all three broadcast (PyTorch's `torch.addcmul`).
 *
 * @example
 * ```ts
 * dl.addcmul(dl.zeros([2]), dl.tensor([1, 2]), dl.tensor([3, 4]), { value: 0.5 }).tolist(); // [1.5, 4]
 * ```
 */
export function addcmul(input: Tensor, tensor1: Tensor, tensor2: Tensor, options: AddcOptions = {}): Tensor {
  assertTensor(input, 'addcmul');
  assertTensor(tensor1, 'addcmul', 'tensor1');
  assertTensor(tensor2, 'addcmul', 'tensor2');
  const value = options.value ?? 1;
  const prod = mul(tensor1, tensor2);
  return add(input, value === 1 ? prod : mul(prod, value));
}
