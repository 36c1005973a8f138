import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { reshapeTo } from './shape-utils';
import { assertTensor } from '../arg-checks';

/**
 * Merges dimensions `startDim..endDim` into one (a 0-d tensor becomes 1-d).
 *
 * @param startDim first dimension to merge. @default 0
 * @param endDim last dimension to merge. @default -1
 * @example
 * ```ts
 * dl.flatten(dl.zeros([2, 3, 4]), 1).shape; // [2, 12]
 * ```
 */
export function flatten(input: Tensor, startDim = 0, endDim = -1): Tensor {
  assertTensor(input, 'flatten');
  if (input.dim() === 0) return reshapeTo(input, [1], 'Flatten');
  const s = input._normDim(startDim, 'flatten');
  const e = input._normDim(endDim, 'flatten');
  if (s > e) throw new ValueError(`flatten: startDim (${startDim}) cannot come after endDim (${endDim})`);
  const shape = input.shape;
  const merged = shape.slice(s, e + 1).reduce((a, b) => a * b, 1);
  return reshapeTo(input, [...shape.slice(0, s), merged, ...shape.slice(e + 1)], 'Flatten');
}
