import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { narrow } from './narrow';
import { split } from './split';
import { assertTensor } from '../arg-checks';

/**
 * Splits into `chunks` pieces along `dim`, each of size `ceil(size / chunks)` except maybe the
 * last (so there may be fewer than `chunks` pieces, as in PyTorch).
 *
 * @param dim the dimension to split. @default 0
 * @example
 * ```ts
 * dl.chunk(dl.arange(5), 3).map((p) => p.tolist()); // [[0, 1], [2, 3], [4]]
 * ```
 */
export function chunk(input: Tensor, chunks: number, dim = 0): Tensor[] {
  assertTensor(input, 'chunk');
  if (!Number.isInteger(chunks) || chunks <= 0) throw new ValueError(`chunk: chunks must be a positive integer (got ${chunks})`);
  if (input.dim() === 0) throw new ShapeError('chunk: expected at least a 1-dimensional tensor');
  const d = input._normDim(dim, 'chunk');
  const n = input.shape[d];
  // PyTorch gives `chunks` empty pieces for an empty dimension.
  if (n === 0) return Array.from({ length: chunks }, () => narrow(input, d, 0, 0));
  return split(input, Math.ceil(n / chunks), d);
}
