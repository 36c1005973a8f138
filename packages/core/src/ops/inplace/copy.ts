import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { broadcastShapes } from '../operands';
import { assertTensor, rawCast } from '../unary/unary-helpers';
import { inplace } from './inplace';

/**
 * Copies `src` into `self` in place (PyTorch's `Tensor.copy_`): `src` broadcasts to `self`'s
 * shape and is cast to `self`'s dtype; gradients flow back to `src`. Returns `self`.
 *
 * @example
 * ```ts
 * dl.noGrad(() => target.copy_(source)); // load weights
 * ```
 */
export function copy_(self: Tensor, src: Tensor): Tensor {
  assertTensor(src, 'copy_', 'src');
  assertTensor(self, 'copy_', 'self');
  const shape = broadcastShapes(self.shape, src.shape, 'copy_');
  if (shape.length !== self.dim() || shape.some((d, i) => d !== self.shape[i])) {
    throw new ShapeError(`copy_: src of shape [${src.shape.join(', ')}] cannot be broadcast to self's shape [${self.shape.join(', ')}]`);
  }
  const srcDType = src.dtype;
  return inplace(
    self,
    'copy_',
    (s) =>
      runOp({
        name: 'Copy',
        inputs: [s, src],
        forward: () => tf.tidy(() => tf.broadcastTo(rawCast(src._value, s.dtype), s.shape)),
        backward: (dy, _saved, needs) => [null, needs[1] ? rawCast(dy, srcDType) : null],
      }),
    { castAny: true },
  );
}
