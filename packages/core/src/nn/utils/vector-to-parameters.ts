import { tf } from '../../backend/tfjs';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { paramList } from './grads-of';

/**
 * Copies consecutive slices of `vec` into the parameters in place (PyTorch's
 * `nn.utils.vector_to_parameters`), the inverse of `parametersToVector`.
 *
 * @example
 * ```ts
 * nn.utils.vectorToParameters(flat, model.parameters());
 * ```
 */
export function vectorToParameters(vec: Tensor, parameters: Iterable<Tensor>): void {
  const params = paramList(parameters, 'vectorToParameters');
  const total = params.reduce((n, p) => n + p.numel(), 0);
  if (vec.dim() !== 1 || vec.numel() !== total) {
    throw new ShapeError(`vectorToParameters: expected a vector of ${total} elements (the parameters' total), got shape [${vec.shape.join(', ')}]`);
  }
  let offset = 0;
  for (const p of params) {
    const n = p.numel();
    const start = offset;
    p._replaceValue(tf.keep(tf.tidy(() => tf.reshape(tf.cast(tf.slice(vec._value, [start], [n]), p.dtype), p.shape))));
    offset += n;
  }
}
