import { cat } from '../../ops/shape/cat';
import { reshape } from '../../ops/shape/reshape';
import type { Tensor } from '../../tensor/tensor';
import { paramList } from './grads-of';

/**
 * The parameters flattened and concatenated into one vector (PyTorch's
 * `nn.utils.parameters_to_vector`); differentiable.
 *
 * @example
 * ```ts
 * const flat = nn.utils.parametersToVector(model.parameters());
 * ```
 */
export function parametersToVector(parameters: Iterable<Tensor>): Tensor {
  return cat(paramList(parameters, 'parametersToVector').map((p) => reshape(p, [-1])), 0);
}
