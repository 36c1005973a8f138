import { tf } from '../../backend/tfjs';
import { kernelOp, runOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { binaryOperands, type TensorLike } from '../operands';
import { rawTrunc } from '../unary/raw';
import { assertNoIntegerZero } from './integer-division';

/** Options of {@link div}. */
export interface DivOptions {
  /**
   * `null`: true division (integers give float32); `'trunc'`: round toward zero; `'floor'`: round
   * down (Python's `//`). Rounded results keep integer dtypes. @default null
   */
  roundingMode?: 'trunc' | 'floor' | null;
}

/**
 * Elementwise division with broadcasting (PyTorch's `torch.div`, alias `divide`). Without a
 * rounding mode it is true division: `int / int` gives float32, as in PyTorch. Integer division
 * by zero with a rounding mode throws, as PyTorch's ZeroDivisionError.
 *
 * @example
 * ```ts
 * dl.div(dl.tensor([7, -7], { dtype: 'int32' }), 2).tolist(); // [3.5, -3.5]
 * dl.div(dl.tensor([7, -7]), 2, { roundingMode: 'floor' }).tolist(); // [3, -4]
 * ```
 */
export function div(input: TensorLike, other: TensorLike, options: DivOptions = {}): Tensor {
  const mode = options.roundingMode ?? null;
  if (mode === null) {
    const [a, b] = binaryOperands(input, other, 'div', 'float32');
    return kernelOp('RealDiv', { a, b }, {}, 'Div');
  }
  if (mode !== 'trunc' && mode !== 'floor') {
    throw new ValueError(`div: expected roundingMode to be one of null, 'trunc', or 'floor' but found '${String(mode)}'`);
  }
  const [a0, b0] = binaryOperands(input, other, 'div', 'int32');
  if (a0.dtype !== 'float32') {
    assertNoIntegerZero(b0, 'div');
    return runOp({
      name: 'Div',
      inputs: [a0, b0],
      forward: () =>
        tf.tidy(() => {
          const q = tf.floorDiv(a0._value, b0._value);
          if (mode === 'floor') return q;
          // Floor and trunc differ by one where the division is inexact and the signs differ.
          const r = tf.mod(a0._value, b0._value);
          const fix = tf.logicalAnd(tf.notEqual(r, 0), tf.notEqual(tf.less(a0._value, 0), tf.less(b0._value, 0)));
          return tf.add(q, tf.cast(fix, 'int32'));
        }),
    });
  }
  return runOp({
    name: 'Div',
    inputs: [a0, b0],
    forward: () =>
      tf.tidy(() => {
        const q = tf.div(a0._value, b0._value);
        return mode === 'floor' ? tf.floor(q) : rawTrunc(q);
      }),
    // Rounded quotients are piecewise constant: PyTorch gives zero gradients.
    backward: (dy) => [tf.zerosLike(dy), tf.zerosLike(dy)],
  });
}

/**
 * Alias of {@link div} (PyTorch's `torch.divide`).
 *
 * @example
 * ```ts
 * dl.divide(dl.tensor([1]), 4).tolist(); // [0.25]
 * ```
 */
export const divide = div;

/**
 * True division, `div` without a rounding mode (PyTorch's `torch.true_divide`).
 *
 * @example
 * ```ts
 * dl.trueDivide(dl.tensor([1, 2], { dtype: 'int32' }), 2).tolist(); // [0.5, 1]
 * ```
 */
export function trueDivide(input: TensorLike, other: TensorLike): Tensor {
  return div(input, other);
}
