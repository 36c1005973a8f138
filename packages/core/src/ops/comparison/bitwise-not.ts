import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';

/**
 * Elementwise bitwise not, PyTorch's `~` (`torch.bitwise_not`): logical not on bool tensors,
 * `-x - 1` (two's complement) on integer tensors. Float tensors are refused, as in PyTorch.
 *
 * @example
 * ```ts
 * dl.bitwiseNot(dl.tensor([true, false])).tolist(); // [false, true]
 * ```
 */
export function bitwiseNot(input: Tensor): Tensor {
  assertTensor(input, 'bitwiseNot');
  if (input.dtype === 'float32') throw new DTypeError('bitwiseNot: not implemented for float32 tensors (expected bool or int32)');
  return runOp({
    name: 'BitwiseNot',
    inputs: [input],
    forward: () => tf.tidy(() => (input.dtype === 'bool' ? tf.logicalNot(input._value) : tf.sub(tf.neg(input._value), tf.scalar(1, 'int32')))),
  });
}
