import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor, rawToBool } from '../unary/unary-helpers';

/**
 * Elementwise logical not: true where the element is zero or false (PyTorch's
 * `torch.logical_not`). The result is bool.
 *
 * @example
 * ```ts
 * dl.logicalNot(dl.tensor([0, 2])).tolist(); // [true, false]
 * ```
 */
export function logicalNot(input: Tensor): Tensor {
  assertTensor(input, 'logicalNot');
  return runOp({ name: 'LogicalNot', inputs: [input], forward: () => tf.tidy(() => tf.logicalNot(rawToBool(input._value))) });
}
