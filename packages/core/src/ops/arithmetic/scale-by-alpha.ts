import { kernelOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { scalarTensor } from '../operands';
import { describeArg } from '../../tensor/describe-arg';
import { ArgumentTypeError } from '../../errors/argument-type-error';

/** @internal `alpha * t` for the `alpha` option of add/sub, with PyTorch's checks. */
export function scaleByAlpha(t: Tensor, alpha: number | undefined, op: string): Tensor {
  if (alpha === undefined || alpha === 1) return t;
  if (typeof alpha !== 'number') throw new ArgumentTypeError(`${op}: alpha must be a number, got ${describeArg(alpha)}`);
  if (Number.isNaN(alpha)) throw new ValueError(`${op}: alpha must be a number, got NaN`);
  if (t.dtype !== 'float32' && !Number.isInteger(alpha)) {
    throw new DTypeError(`${op}: for integral input tensors, argument alpha must not be a floating point number (got ${alpha} with dtype ${t.dtype})`);
  }
  return kernelOp('Multiply', { a: t, b: scalarTensor(alpha, t.dtype) }, {}, 'Mul');
}
