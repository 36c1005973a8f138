import type { Tensor } from '../../tensor/tensor';
import { reshape } from '../shape/reshape';
import { alongDimCoords, checkAlongDim, checkIndexDType, checkIndexRange, gatherNdOp } from './index-utils';
import { assertTensor } from '../arg-checks';

/**
 * Gathers values along `dim`: `out[i][j][k] = input[i][index[i][j][k]][k]` for `dim = 1`
 * (PyTorch's `torch.gather`). The gradient scatter-adds back into the input's shape.
 *
 * @example
 * ```ts
 * const x = dl.tensor([[1, 2], [3, 4]]);
 * dl.gather(x, 1, dl.tensor([[0, 0], [1, 0]], { dtype: 'int32' })).tolist(); // [[1, 1], [4, 3]]
 * ```
 */
export function gather(input: Tensor, dim: number, index: Tensor): Tensor {
  assertTensor(input, 'gather');
  checkIndexDType(index, 'gather');
  if (input.dim() === 0 || index.dim() === 0) {
    // PyTorch treats 0-d and 1-d alike here.
    input._normDim(dim, 'gather');
    return reshape(gather(reshape(input, [-1]), 0, reshape(index, [-1])), index.shape);
  }
  const axis = input._normDim(dim, 'gather');
  checkAlongDim(input, index, axis, 'gather');
  checkIndexRange(index._value, input.shape[axis], 'gather', `dimension ${axis}`, false);
  const coords = alongDimCoords(index._value, axis);
  try {
    return gatherNdOp(input, coords, 'Gather');
  } finally {
    coords.dispose();
  }
}
