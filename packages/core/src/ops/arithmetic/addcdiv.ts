import { DTypeError } from '../../errors/dtype-error';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import type { AddcOptions } from './addcmul';
import { add } from './add';
import { div } from './div';
import { mul } from './mul';

/**
 * `input + value * tensor1 / tensor2`, all three broadcast (PyTorch's `torch.addcdiv`). Integer
 * `tensor1` and `tensor2` are refused, as in PyTorch.
 *
 * @example
 * ```ts
 * dl.addcdiv(dl.zeros([2]), dl.tensor([1, 2]), dl.tensor([4, 4]), { value: 2 }).tolist(); // [0.5, 1]
 * ```
 */
export function addcdiv(input: Tensor, tensor1: Tensor, tensor2: Tensor, options: AddcOptions = {}): Tensor {
  assertTensor(input, 'addcdiv');
  assertTensor(tensor1, 'addcdiv', 'tensor1');
  assertTensor(tensor2, 'addcdiv', 'tensor2');
  if (tensor1.dtype !== 'float32' && tensor2.dtype !== 'float32') {
    throw new DTypeError(
      `addcdiv: integer division with addcdiv is not supported (got tensor1 ${tensor1.dtype} and tensor2 ${tensor2.dtype}); use input + value * trunc(tensor1 / tensor2) or float tensors`,
    );
  }
  const value = options.value ?? 1;
  const q = div(tensor1, tensor2);
  return add(input, value === 1 ? q : mul(q, value));
}
