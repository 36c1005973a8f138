import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { numericInput } from './unary-helpers';

/**
 * @internal Clamps to [lo, hi] with PyTorch's hardtanh gradient: 1 strictly inside, 0 at and
 * beyond the bounds.
 */
export function hardClamp(name: string, op: string, input: Tensor, lo: number, hi: number): Tensor {
  const x = numericInput(input, op);
  if (lo > hi) throw new ValueError(`${op}: minVal (${lo}) must be less than or equal to maxVal (${hi})`);
  return runOp({
    name,
    inputs: [x],
    save: { inputs: [0] },
    forward: () => tf.tidy(() => tf.minimum(tf.maximum(x._value, tf.scalar(lo, x.dtype)), tf.scalar(hi, x.dtype))),
    backward: (dy, [v]) => [tf.where(tf.logicalAnd(tf.greater(v, lo), tf.less(v, hi)), dy, tf.zerosLike(dy))],
  });
}
