import { ValueError } from '../../errors/value-error';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { movedim } from '../shape/movedim';
import { permute } from '../shape/permute';
import { diagCoords } from './diag-coords';
import { gatherNdOp } from './index-utils';
import { assertTensor, assertOptions } from '../arg-checks';

/** Options of {@link diagonal}. */
export interface DiagonalOptions {
  /** Which diagonal: 0 main, positive above, negative below. @default 0 */
  offset?: number;
  /** First dimension of the matrices. @default 0 */
  dim1?: number;
  /** Second dimension of the matrices. @default 1 */
  dim2?: number;
}

/**
 * The diagonal of the matrices spanned by `dim1` and `dim2`, appended as the last dimension
 * (PyTorch's `torch.diagonal`).
 *
 * @example
 * ```ts
 * dl.diagonal(dl.tensor([[1, 2], [3, 4]])).tolist(); // [1, 4]
 * dl.diagonal(dl.zeros([5, 3, 3]), { dim1: 1, dim2: 2 }).shape; // [5, 3]
 * ```
 */
export function diagonal(input: Tensor, options: DiagonalOptions = {}): Tensor {
  assertTensor(input, 'diagonal');
  assertOptions(options, 'diagonal', '{ offset: 1, dim1: 0, dim2: 1 }');
  const offset = options.offset ?? 0;
  if (!Number.isInteger(offset)) throw new ValueError(`diagonal: offset must be an integer (got ${offset})`);
  if (input.dim() < 2) throw new ShapeError(`diagonal: expected a tensor with at least 2 dimensions (got shape [${input.shape.join(', ')}])`);
  const d1 = input._normDim(options.dim1 ?? 0, 'diagonal');
  const d2 = input._normDim(options.dim2 ?? 1, 'diagonal');
  if (d1 === d2) throw new ValueError(`diagonal: diagonal dimensions cannot be identical ${options.dim1 ?? 0}, ${options.dim2 ?? 1}`);
  const rest = input.shape.map((_, i) => i).filter((i) => i !== d1 && i !== d2);
  const front = permute(input, [d1, d2, ...rest]);
  const { coords } = diagCoords(input.shape[d1], input.shape[d2], offset);
  try {
    return movedim(gatherNdOp(front, coords, 'Diagonal'), 0, -1);
  } finally {
    coords.dispose();
  }
}
