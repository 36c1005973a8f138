import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from './unary-helpers';

/**
 * A copy of the tensor that stays in the graph: gradients flow back to `input` (PyTorch's
 * `torch.clone`). In-place ops on the copy leave `input` untouched.
 *
 * @example
 * ```ts
 * const y = x.clone(); // y.add_(1) does not change x
 * ```
 */
export function clone(input: Tensor): Tensor {
  assertTensor(input, 'clone');
  return runOp({ name: 'Clone', inputs: [input], forward: () => tf.clone(input._value), backward: (dy) => [dy] });
}
