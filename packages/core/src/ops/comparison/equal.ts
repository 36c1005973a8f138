import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import { eq } from './eq';

/**
 * Whether two tensors have the same shape and the same elements (PyTorch's `torch.equal`), as a
 * JavaScript boolean. NaN is never equal to NaN.
 *
 * @example
 * ```ts
 * dl.equal(dl.tensor([1, 2]), dl.tensor([1, 2])); // true
 * dl.equal(dl.tensor([1, 2]), dl.tensor([[1, 2]])); // false (shapes differ)
 * ```
 */
export function equal(input: Tensor, other: Tensor): boolean {
  assertTensor(input, 'equal');
  assertTensor(other, 'equal', 'other');
  const a = input.shape;
  const b = other.shape;
  if (a.length !== b.length || a.some((d, i) => d !== b[i])) return false;
  const same = eq(input, other);
  const data = same.dataSync();
  same.dispose();
  for (let i = 0; i < data.length; i++) if (data[i] === 0) return false;
  return true;
}
