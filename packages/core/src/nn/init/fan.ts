import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';

/** Which fan Kaiming initialisation preserves: inputs (forward pass) or outputs (backward pass). */
export type FanMode = 'fanIn' | 'fanOut' | 'fan_in' | 'fan_out';

/**
 * The fan-in and fan-out of a weight (PyTorch's `_calculate_fan_in_and_fan_out`): dim 1 and dim
 * 0 sizes times the receptive field (the product of the remaining dims).
 *
 * @example
 * ```ts
 * nn.init.calculateFanInAndFanOut(dl.empty([64, 3, 7, 7])); // [147, 3136]
 * ```
 */
export function calculateFanInAndFanOut(tensor: Tensor, fn = 'calculateFanInAndFanOut'): [number, number] {
  const shape = tensor.shape;
  if (shape.length < 2) {
    throw new ValueError(`${fn}: Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (got shape [${shape.join(', ')}])`);
  }
  let receptive = 1;
  for (let i = 2; i < shape.length; i++) receptive *= shape[i];
  return [shape[1] * receptive, shape[0] * receptive];
}
