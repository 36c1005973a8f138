import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { Tensor } from '../../tensor/tensor';
import { broadcastShapes, castTo, scalarTensor } from '../operands';
import { assertTensor, assertNumber } from '../arg-checks';

/**
 * A copy of `input` with `value` where `mask` (bool, broadcastable) is true. A 0-d tensor
 * `value` receives the gradient of the filled positions.
 *
 * @example
 * ```ts
 * const x = dl.tensor([1, 2, 3]);
 * dl.maskedFill(x, dl.tensor([true, false, true]), -1).tolist(); // [-1, 2, -1]
 * ```
 */
export function maskedFill(input: Tensor, mask: Tensor, value: number | boolean | Tensor): Tensor {
  assertTensor(input, 'maskedFill');
  assertTensor(mask, 'maskedFill', 'mask');
  if (!(value instanceof Tensor) && typeof value !== 'boolean') assertNumber(value, 'maskedFill', 'value');
  if (mask.dtype !== 'bool') throw new DTypeError(`maskedFill: expected mask to have dtype bool (got ${mask.dtype})`);
  if (value instanceof Tensor && value.dim() !== 0) {
    throw new ShapeError(`maskedFill: only supports a 0-dimensional value tensor, but got tensor with ${value.dim()} dimension(s) (shape [${value.shape.join(', ')}])`);
  }
  const shape = broadcastShapes(input.shape, mask.shape, 'maskedFill');
  const v = value instanceof Tensor ? castTo(value, input.dtype) : scalarTensor(value, input.dtype);
  return runOp({
    name: 'MaskedFill',
    inputs: [input, v],
    forward: () => tf.tidy(() => tf.where(tf.broadcastTo(mask._value, shape), tf.broadcastTo(v._value, shape), tf.broadcastTo(input._value, shape))),
    backward: (dy, _s, needs) => {
      const m = tf.broadcastTo(mask._value, shape);
      const zero = tf.zerosLike(dy);
      return [needs[0] ? tf.where(m, zero, dy) : null, needs[1] ? tf.sum(tf.where(m, dy, zero)) : null];
    },
  });
}
