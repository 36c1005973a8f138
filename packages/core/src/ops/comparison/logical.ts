import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { asTensor, broadcastShapes, type TensorLike } from '../operands';
import { rawToBool } from '../unary/unary-helpers';

/** @internal A logical op on the truth values (`x != 0`) of two broadcast operands. */
export function logical(name: string, op: string, input: TensorLike, other: TensorLike, fn: (a: TfTensor, b: TfTensor) => TfTensor): Tensor {
  const a = asTensor(input, undefined, op, 'input');
  const b = asTensor(other, undefined, op, 'other');
  broadcastShapes(a.shape, b.shape, op);
  return runOp({ name, inputs: [a, b], forward: () => tf.tidy(() => fn(rawToBool(a._value), rawToBool(b._value))) });
}
