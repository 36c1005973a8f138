import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { binaryOperands, type TensorLike } from '../operands';

/** Options of {@link isclose} and {@link allclose}. */
export interface IscloseOptions {
  /** Relative tolerance. @default 1e-5 */
  rtol?: number;
  /** Absolute tolerance. @default 1e-8 */
  atol?: number;
  /** Treat two NaNs as equal. @default false */
  equalNan?: boolean;
}

/** Checks tolerances and returns them. */
function tolerances(options: IscloseOptions, op: string): [number, number, boolean] {
  const rtol = options.rtol ?? 1e-5;
  const atol = options.atol ?? 1e-8;
  if (!(rtol >= 0)) throw new ValueError(`${op}: rtol must be greater than or equal to zero, but got ${rtol}`);
  if (!(atol >= 0)) throw new ValueError(`${op}: atol must be greater than or equal to zero, but got ${atol}`);
  return [rtol, atol, options.equalNan ?? false];
}

/**
 * Elementwise `|input - other| <= atol + rtol * |other|`, as a bool tensor (PyTorch's
 * `torch.isclose`); equal infinities are close, NaN is close to NaN only with `equalNan`.
 *
 * @param options `rtol` (@default 1e-5), `atol` (@default 1e-8), `equalNan` (@default false).
 * @example
 * ```ts
 * dl.isclose(dl.tensor([1, 2]), dl.tensor([1 + 1e-7, 2.1])).tolist(); // [true, false]
 * ```
 */
export function isclose(input: TensorLike, other: TensorLike, options: IscloseOptions = {}): Tensor {
  const [rtol, atol, equalNan] = tolerances(options, 'isclose');
  const [a, b] = binaryOperands(input, other, 'isclose');
  return runOp({
    name: 'IsClose',
    inputs: [a, b],
    forward: () =>
      tf.tidy(() => {
        const av = a._value;
        const bv = b._value;
        let close = tf.equal(av, bv);
        if (a.dtype === 'bool') return close;
        const af = tf.cast(av, 'float32');
        const bf = tf.cast(bv, 'float32');
        if (equalNan) close = tf.logicalOr(close, tf.logicalAnd(tf.isNaN(af), tf.isNaN(bf)));
        if (rtol === 0 && atol === 0) return close;
        const allowed = tf.add(tf.mul(tf.abs(bf), rtol), atol);
        const err = tf.abs(tf.sub(af, bf));
        return tf.logicalOr(close, tf.logicalAnd(tf.isFinite(err), tf.lessEqual(err, allowed)));
      }),
  });
}
