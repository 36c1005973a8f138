import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import type { Tensor } from '../../tensor/tensor';
import { binaryOperands, broadcastShapes, type TensorLike } from '../operands';
import { nonzero } from './nonzero';
import { assertTensor } from '../arg-checks';

/**
 * Picks from `input` where `condition` (bool) is true and from `other` elsewhere, with
 * broadcasting and type promotion; with only a condition, `nonzero(condition, { asTuple: true })`.
 *
 * @example
 * ```ts
 * const x = dl.tensor([-1, 2, -3]);
 * dl.where(x.gt(0), x, 0).tolist(); // [0, 2, 0]
 * ```
 */
export function where(condition: Tensor): Tensor[];
export function where(condition: Tensor, input: TensorLike, other: TensorLike): Tensor;
export function where(condition: Tensor, input?: TensorLike, other?: TensorLike): Tensor | Tensor[] {
  assertTensor(condition, 'where', 'condition');
  if (condition.dtype !== 'bool') throw new DTypeError(`where: expected condition to be a boolean tensor (got ${condition.dtype})`);
  if (input === undefined || other === undefined) return nonzero(condition, { asTuple: true });
  const [a, b, ab] = binaryOperands(input, other, 'where');
  const shape = broadcastShapes(condition.shape, ab, 'where');
  return runOp({
    name: 'Where',
    inputs: [a, b],
    forward: () => tf.tidy(() => tf.where(tf.broadcastTo(condition._value, shape), tf.broadcastTo(a._value, shape), tf.broadcastTo(b._value, shape))),
    backward: (dy, _s, needs) => {
      const c = tf.broadcastTo(condition._value, shape);
      const zero = tf.zerosLike(dy);
      return [needs[0] ? tf.where(c, dy, zero) : null, needs[1] ? tf.where(c, zero, dy) : null];
    },
  });
}
