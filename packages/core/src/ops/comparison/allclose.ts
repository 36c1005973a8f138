import type { TensorLike } from '../operands';
import { isclose, type IscloseOptions } from './isclose';

/**
 * Whether every element of `input` is close to the matching element of `other` (PyTorch's
 * `torch.allclose`), with broadcasting; see {@link isclose} for the test.
 *
 * @param options `rtol` (@default 1e-5), `atol` (@default 1e-8), `equalNan` (@default false).
 * @example
 * ```ts
 * dl.allclose(dl.tensor([1, 2]), dl.tensor([1, 2.000001])); // true
 * ```
 */
export function allclose(input: TensorLike, other: TensorLike, options: IscloseOptions = {}): boolean {
  const close = isclose(input, other, options);
  const data = close.dataSync();
  close.dispose();
  for (let i = 0; i < data.length; i++) if (data[i] === 0) return false;
  return true;
}
