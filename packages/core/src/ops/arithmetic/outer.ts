import { kernelOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import { mul } from './mul';

/**
 * Outer product of two 1-D tensors, `[n] x [m] -> [n, m]` (PyTorch's `torch.outer`, alias `ger`).
 *
 * @example
 * ```ts
 * dl.outer(dl.tensor([1, 2]), dl.tensor([1, 10, 100])).tolist(); // [[1, 10, 100], [2, 20, 200]]
 * ```
 */
export function outer(input: Tensor, vec2: Tensor): Tensor {
  assertTensor(input, 'outer');
  assertTensor(vec2, 'outer', 'vec2');
  if (input.dim() !== 1 || vec2.dim() !== 1) {
    throw new ShapeError(`outer: expected two 1-D tensors, got shapes [${input.shape.join(', ')}] and [${vec2.shape.join(', ')}]`);
  }
  const col = kernelOp('Reshape', { x: input }, { shape: [input.shape[0], 1] }, 'Reshape');
  return mul(col, vec2);
}

/**
 * Alias of {@link outer} (PyTorch's `torch.ger`).
 *
 * @example
 * ```ts
 * dl.ger(dl.tensor([1, 2]), dl.tensor([3])).tolist(); // [[3], [6]]
 * ```
 */
export const ger = outer;
