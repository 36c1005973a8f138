import { kernelOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from './unary-helpers';

/**
 * Elementwise negation `-x` (PyTorch's `torch.neg`); integer tensors stay integer.
 *
 * @example
 * ```ts
 * dl.neg(dl.tensor([1, -2])).tolist(); // [-1, 2]
 * ```
 */
export function neg(input: Tensor): Tensor {
  assertTensor(input, 'neg');
  if (input.dtype === 'bool') {
    throw new DTypeError('neg: negation, the `-` operator, on a bool tensor is not supported (got dtype bool); to invert a mask use logicalNot() or bitwiseNot()');
  }
  return kernelOp('Neg', { x: input });
}
