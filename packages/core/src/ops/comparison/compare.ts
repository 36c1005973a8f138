import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { binaryOperands, type TensorLike } from '../operands';

/** @internal Runs a tfjs comparison kernel on two promoted, broadcast operands (bool result). */
export function compare(kernel: string, op: string, input: TensorLike, other: TensorLike): Tensor {
  // Order comparisons on bool compare false < true, as integers.
  const [a, b] = binaryOperands(input, other, op, kernel === 'Equal' || kernel === 'NotEqual' ? undefined : 'int32');
  return kernelOp(kernel, { a, b });
}
