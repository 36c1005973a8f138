import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { diagCoords } from './diag-coords';
import { gatherNdOp, gatherNdRaw, scatterNdRaw } from './index-utils';
import { assertTensor } from '../arg-checks';

/**
 * A 1-D input becomes a square matrix with it on diagonal `diagonal`; a 2-D input gives that
 * diagonal as a 1-D tensor (PyTorch's `torch.diag`).
 *
 * @param diagonal 0 is the main diagonal, positive above it, negative below. @default 0
 * @example
 * ```ts
 * dl.diag(dl.tensor([1, 2])).tolist(); // [[1, 0], [0, 2]]
 * dl.diag(dl.tensor([[1, 2], [3, 4]]), 1).tolist(); // [2]
 * ```
 */
export function diag(input: Tensor, diagonal = 0): Tensor {
  assertTensor(input, 'diag');
  if (!Number.isInteger(diagonal)) throw new ShapeError(`diag: diagonal must be an integer (got ${diagonal})`);
  const shape = input.shape;
  if (shape.length === 2) {
    const { coords } = diagCoords(shape[0], shape[1], diagonal);
    try {
      return gatherNdOp(input, coords, 'Diag');
    } finally {
      coords.dispose();
    }
  }
  if (shape.length !== 1) throw new ShapeError(`diag: expected a 1-D or 2-D tensor (got shape [${shape.join(', ')}])`);
  const n = shape[0];
  const m = n + Math.abs(diagonal);
  return runOp({
    name: 'Diag',
    inputs: [input],
    forward: () => {
      const { coords } = diagCoords(m, m, diagonal);
      const x = input.dtype === 'bool' ? tf.cast(input._value, 'int32') : input._value;
      const out = tf.tidy(() => {
        const o = scatterNdRaw(coords, x, [m, m]);
        return input.dtype === 'bool' ? tf.cast(o, 'bool') : o;
      });
      if (x !== input._value) x.dispose();
      return [out, coords];
    },
    backward: (dy, [coords]) => [gatherNdRaw(dy, coords)],
  });
}
