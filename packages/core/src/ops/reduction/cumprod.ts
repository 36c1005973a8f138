import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { normalizeDType, type DType } from '../../tensor/dtype';
import type { Tensor } from '../../tensor/tensor';
import { castTo } from '../operands';
import { assertTensor } from '../arg-checks';

/**
 * The gradient of cumprod along `axis`, exact when `x` holds zeros: before the first zero of a
 * slice it is `revcumsum(dy * y) / x`; at the first zero it is `revcumsum(dy * y')` where `y'`
 * is the cumprod with that zero replaced by 1; after it, every product holds the zero.
 */
function cumprodBackward(dy: TfTensor, x: TfTensor, y: TfTensor, axis: number): TfTensor {
  const isZero = tf.cast(tf.equal(x, 0), 'int32');
  const zerosBefore = tf.cumsum(isZero, axis, true);
  const clean = tf.equal(zerosBefore, 0);
  const firstZero = tf.logicalAnd(clean, tf.equal(isZero, 1));
  const safeX = tf.where(tf.equal(isZero, 1), tf.onesLike(x), x);
  const before = tf.div(tf.cumsum(tf.mul(dy, y), axis, false, true), safeX);
  const yPrime = tf.cumprod(tf.where(firstZero, tf.onesLike(x), x), axis);
  const atZero = tf.cumsum(tf.mul(dy, yPrime), axis, false, true);
  return tf.where(firstZero, atZero, tf.where(clean, before, tf.zerosLike(x)));
}

/**
 * Cumulative product along `dim`. Integer and bool inputs give int32.
 *
 * @param dtype cast the input to this dtype first. @default int32 for bool/int32, else the input's
 * @example
 * ```ts
 * dl.cumprod(dl.tensor([1, 2, 3, 4]), 0).tolist(); // [1, 2, 6, 24]
 * ```
 */
export function cumprod(input: Tensor, dim: number, options: { dtype?: DType } = {}): Tensor {
  assertTensor(input, 'cumprod');
  const x = castTo(input, options.dtype != null ? normalizeDType(options.dtype, 'cumprod') : input.dtype === 'bool' ? 'int32' : input.dtype);
  const axis = x._normDim(dim, 'cumprod');
  const trivial = x.dim() === 0 || x.numel() === 0;
  return runOp({
    name: 'Cumprod',
    inputs: [x],
    save: { inputs: [0], output: true },
    forward: () => (trivial ? tf.clone(x._value) : tf.cumprod(x._value, axis)),
    backward: (dy, [xv, y]) => [trivial ? dy : cumprodBackward(dy, xv, y, axis)],
  });
}
