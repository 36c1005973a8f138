import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { numericInput } from './unary-helpers';

/**
 * @internal Runs a rounding function: integer inputs come back as a copy, float inputs get the
 * zero gradient PyTorch gives rounding ops.
 */
export function roundingOp(name: string, op: string, input: Tensor, fn: (x: TfTensor) => TfTensor): Tensor {
  const x = numericInput(input, op);
  if (x.dtype !== 'float32') return runOp({ name, inputs: [x], forward: () => tf.clone(x._value) });
  return runOp({
    name,
    inputs: [x],
    forward: () => tf.tidy(() => fn(x._value)),
    backward: (dy) => [tf.zerosLike(dy)],
  });
}
