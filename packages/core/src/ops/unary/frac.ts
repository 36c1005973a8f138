import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { rawTrunc } from './raw';
import { floatInput } from './unary-helpers';

/**
 * Elementwise fractional part `x - trunc(x)`, keeping the sign of `x` (PyTorch's `torch.frac`).
 *
 * @example
 * ```ts
 * dl.frac(dl.tensor([-1.25, 2.5])).tolist(); // [-0.25, 0.5]
 * ```
 */
export function frac(input: Tensor): Tensor {
  const x = floatInput(input, 'frac');
  return runOp({
    name: 'Frac',
    inputs: [x],
    forward: () => tf.tidy(() => tf.sub(x._value, rawTrunc(x._value))),
    backward: (dy) => [dy],
  });
}
