import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { Tensor } from '../../tensor/tensor';
import { reshape } from '../shape/reshape';
import { alongDimCoords, checkAlongDim, checkIndexDType, checkIndexRange } from './index-utils';
import { scatterBackward, scatterForward, srcCorner, type ScatterMode, type ScatterPlan } from './scatter-core';
import { assertTensor, assertNumber } from '../arg-checks';

/** @internal Validates and runs one scatter variant as a recorded op. */
export function runScatter(input: Tensor, dim: number, index: Tensor, src: Tensor | number, mode: ScatterMode, includeSelf: boolean, op: string, name: string): Tensor {
  assertTensor(input, op);
  checkIndexDType(index, op);
  if (!(src instanceof Tensor)) assertNumber(src, op, 'src');
  if (input.dim() === 0 || index.dim() === 0) {
    input._normDim(dim, op);
    const s = src instanceof Tensor ? reshape(src, [-1]) : src;
    return reshape(runScatter(reshape(input, [-1]), 0, reshape(index, [-1]), s, mode, includeSelf, op, name), input.shape);
  }
  const axis = input._normDim(dim, op);
  if (src instanceof Tensor) {
    if (src.dtype !== input.dtype) throw new DTypeError(`${op}: expected self.dtype to be equal to src.dtype (got ${input.dtype} and ${src.dtype})`);
    if (src.dim() !== input.dim()) {
      throw new ShapeError(`${op}: index, src and input must have the same number of dimensions (got src shape [${src.shape.join(', ')}] and input shape [${input.shape.join(', ')}])`);
    }
  }
  checkAlongDim(input, index, axis, op, src instanceof Tensor ? src : undefined);
  checkIndexRange(index._value, input.shape[axis], op, `dimension ${axis}`, false);
  const plan: ScatterPlan = {
    axis,
    mode,
    includeSelf,
    xShape: input.shape,
    srcShape: src instanceof Tensor ? src.shape : index.shape,
    indexShape: index.shape,
  };
  const inputs = src instanceof Tensor ? [input, src] : [input];
  const srcValue = (): TfTensor => (src instanceof Tensor ? srcCorner(src._value, plan.indexShape) : tf.fill(plan.indexShape, src, input.dtype));
  return runOp({
    name,
    inputs,
    save: { inputs: 'all', output: true },
    forward: () => {
      const coords = alongDimCoords(index._value, axis);
      const out = tf.tidy(() => scatterForward(input._value, index._value, coords, srcValue(), plan));
      return [out, tf.clone(index._value), coords];
    },
    backward: (dy, saved, needs) => {
      const [x, s, out, idx, coords] = src instanceof Tensor ? saved : [saved[0], null, saved[1], saved[2], saved[3]];
      const sv = s ? srcCorner(s, plan.indexShape) : tf.fill(plan.indexShape, src as number, x.dtype);
      const [gx, gs] = scatterBackward(dy, x, idx, coords, sv, out, plan);
      return src instanceof Tensor ? [needs[0] ? gx : null, needs[1] ? gs : null] : [gx];
    },
  });
}
