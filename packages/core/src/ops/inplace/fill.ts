import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import { Tensor } from '../../tensor/tensor';
import { rawFull } from '../creation/raw-fill';
import { rawCast } from '../unary/unary-helpers';
import { inplace } from './inplace';
import { describeArg } from '../../tensor/describe-arg';
import { ArgumentTypeError } from '../../errors/argument-type-error';

/**
 * Fills `self` with one value in place (PyTorch's `Tensor.fill_`): a number, a boolean, or a 0-d
 * tensor (whose gradient then receives the sum of the incoming gradient). The value is cast to
 * `self`'s dtype. Returns `self`.
 *
 * @example
 * ```ts
 * dl.noGrad(() => bias.fill_(0.1));
 * ```
 */
export function fill_(self: Tensor, value: number | boolean | Tensor): Tensor {
  if (value instanceof Tensor) {
    if (value.dim() !== 0) {
      throw new ShapeError(`fill_: only supports 0-dimension value tensor but got tensor with ${value.dim()} dimensions (shape [${value.shape.join(', ')}])`);
    }
    return inplace(
      self,
      'fill_',
      (s) =>
        runOp({
          name: 'Fill',
          inputs: [s, value],
          forward: () => tf.tidy(() => tf.broadcastTo(rawCast(value._value, s.dtype), s.shape)),
          backward: (dy, _saved, needs) => [null, needs[1] ? dy : null],
        }),
      { castAny: true },
    );
  }
  if (typeof value !== 'number' && typeof value !== 'boolean') throw new ArgumentTypeError(`fill_: value must be a number, a boolean or a 0-d Tensor, got ${describeArg(value)}`);
  return inplace(
    self,
    'fill_',
    (s) => runOp({ name: 'Fill', inputs: [s], forward: () => tf.tidy(() => rawFull(s.shape, value, s.dtype, 'fill_')), backward: () => [null] }),
    { castAny: true },
  );
}

/**
 * Fills `self` with zeros in place (PyTorch's `Tensor.zero_`). Returns `self`.
 *
 * @example
 * ```ts
 * param.grad?.zero_();
 * ```
 */
export function zero_(self: Tensor): Tensor {
  return fill_(self, 0);
}
