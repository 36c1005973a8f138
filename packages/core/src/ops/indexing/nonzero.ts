import { tf } from '../../backend/tfjs';
import { Tensor } from '../../tensor/tensor';
import { nonzeroRaw } from './nonzero-raw';
import { assertTensor, assertOptions } from '../arg-checks';

/**
 * The indices of the non-zero (true) elements: an int32 `[count, ndim]` tensor in row-major
 * order, or with `asTuple` one 1-D index tensor per dimension (what `x.index(...)` takes).
 *
 * @example
 * ```ts
 * dl.nonzero(dl.tensor([[1, 0], [0, 2]])).tolist(); // [[0, 0], [1, 1]]
 * const [rows, cols] = dl.nonzero(dl.tensor([[1, 0], [0, 2]]), { asTuple: true });
 * ```
 */
export function nonzero(input: Tensor, options?: { asTuple?: false }): Tensor;
export function nonzero(input: Tensor, options: { asTuple: true }): Tensor[];
export function nonzero(input: Tensor, options: { asTuple?: boolean } = {}): Tensor | Tensor[] {
  assertTensor(input, 'nonzero');
  assertOptions(options, 'nonzero', '{ asTuple: true }');
  const coords = nonzeroRaw(input._value);
  if (!options.asTuple) return Tensor._owned(coords);
  const rank = input.dim();
  // PyTorch gives a 0-d input one index column of zeros.
  const cols = rank === 0 ? [tf.zeros([coords.shape[0]], 'int32')] : tf.unstack(coords, 1);
  coords.dispose();
  return cols.map((c) => Tensor._owned(c));
}
