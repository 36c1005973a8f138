import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';

/**
 * @internal A bool test of float values; integer and bool tensors give `whenInt` everywhere
 * (tfjs's IsNan misreads int32 on wasm).
 */
export function floatPredicate(name: string, op: string, input: Tensor, test: (x: TfTensor) => TfTensor, whenInt: boolean): Tensor {
  assertTensor(input, op);
  return runOp({
    name,
    inputs: [input],
    forward: () =>
      input.dtype === 'float32'
        ? test(input._value)
        : tf.tidy(() => tf.notEqual(tf.fill(input.shape, whenInt ? 1 : 0, 'int32'), tf.scalar(0, 'int32'))),
  });
}
