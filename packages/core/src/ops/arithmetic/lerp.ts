import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { Tensor } from '../../tensor/tensor';
import { broadcastShapes, scalarTensor } from '../operands';
import { assertTensor } from '../unary/unary-helpers';
import { assertNumber } from '../arg-checks';

/**
 * Linear interpolation `input + weight * (end - input)` with broadcasting (PyTorch's
 * `torch.lerp`, using its two-sided formula for accuracy near `weight = 1`). `input` and `end`
 * must be float tensors; `weight` is a number or a float tensor.
 *
 * @example
 * ```ts
 * dl.lerp(dl.tensor([1]), dl.tensor([3]), 0.75).tolist(); // [2.5]
 * ```
 */
export function lerp(input: Tensor, end: Tensor, weight: number | Tensor): Tensor {
  assertTensor(input, 'lerp');
  assertTensor(end, 'lerp', 'end');
  for (const [what, t] of [['input', input], ['end', end], ['weight', weight]] as const) {
    if (t instanceof Tensor && t.dtype !== 'float32') throw new DTypeError(`lerp: expected ${what} to be a float32 tensor, got dtype ${t.dtype}`);
  }
  if (!(weight instanceof Tensor)) assertNumber(weight, 'lerp', 'weight');
  const w = weight instanceof Tensor ? weight : scalarTensor(weight, 'float32');
  broadcastShapes(broadcastShapes(input.shape, end.shape, 'lerp'), w.shape, 'lerp');
  return runOp({
    name: 'Lerp',
    inputs: [input, end, w],
    save: { inputs: 'all' },
    forward: () =>
      tf.tidy(() => {
        const s = input._value;
        const e = end._value;
        const wv = w._value;
        const diff = tf.sub(e, s);
        return tf.where(tf.less(tf.abs(wv), 0.5), tf.add(s, tf.mul(wv, diff)), tf.sub(e, tf.mul(diff, tf.sub(1, wv))));
      }),
    backward: (dy, [s, e, wv], needs) => [
      needs[0] ? tf.mul(dy, tf.sub(1, wv)) : null,
      needs[1] ? tf.mul(dy, wv) : null,
      needs[2] ? tf.mul(dy, tf.sub(e, s)) : null,
    ],
  });
}
