import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { checkTarget, writeValues } from './write-values';

/**
 * Fills a 2-D `tensor` in place with the identity matrix (ones on the diagonal; PyTorch's
 * `nn.init.eye_`), preserving the identity of the inputs in Linear layers. Returns `tensor`.
 *
 * @example
 * ```ts
 * nn.init.eye_(linear.weight);
 * ```
 */
export function eye_(tensor: Tensor): Tensor {
  checkTarget(tensor, 'eye_');
  const shape = tensor.shape;
  if (shape.length !== 2) throw new ValueError(`eye_: Only tensors with 2 dimensions are supported (got shape [${shape.join(', ')}])`);
  const [rows, cols] = shape;
  const v = new Float32Array(rows * cols);
  for (let i = 0; i < Math.min(rows, cols); i++) v[i * cols + i] = 1;
  return writeValues(tensor, v);
}
