import { tf } from '../../backend/tfjs';
import { DTypeError } from '../../errors/dtype-error';
import type { Tensor } from '../../tensor/tensor';
import { broadcastShapes } from '../operands';
import { broadcastTo } from '../shape/expand';
import { gatherNdOp } from './index-utils';
import { nonzeroRaw } from './nonzero-raw';
import { assertTensor } from '../arg-checks';

/**
 * The elements of `input` where `mask` (bool, broadcastable) is true, as a 1-D tensor in
 * row-major order.
 *
 * @example
 * ```ts
 * dl.maskedSelect(dl.tensor([[1, 2], [3, 4]]), dl.tensor([false, true])).tolist(); // [2, 4]
 * ```
 */
export function maskedSelect(input: Tensor, mask: Tensor): Tensor {
  assertTensor(input, 'maskedSelect');
  assertTensor(mask, 'maskedSelect', 'mask');
  if (mask.dtype !== 'bool') throw new DTypeError(`maskedSelect: expected mask to have dtype bool (got ${mask.dtype})`);
  const shape = broadcastShapes(input.shape, mask.shape, 'maskedSelect');
  const x = shape.length === input.dim() && shape.every((s, i) => s === input.shape[i]) ? input : broadcastTo(input, shape);
  const m = tf.broadcastTo(mask._value, shape);
  const coords = nonzeroRaw(m);
  m.dispose();
  try {
    return gatherNdOp(x, coords, 'MaskedSelect');
  } finally {
    coords.dispose();
  }
}
