import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/** @internal `log(x) / ln(base)` with its gradient `1 / (x ln(base))`. */
export function logBase(name: string, op: string, input: Tensor, lnBase: number): Tensor {
  const x = floatInput(input, op);
  return runOp({
    name,
    inputs: [x],
    save: { inputs: [0] },
    forward: () => tf.tidy(() => tf.div(tf.log(x._value), lnBase)),
    backward: (dy, [v]) => [tf.div(dy, tf.mul(v, lnBase))],
  });
}
