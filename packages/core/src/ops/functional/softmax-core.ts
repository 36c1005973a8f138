// Shared by softmax, softmin and logSoftmax: argument checks and the fused forward/backward.
import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { normalizeDType, type DType } from '../../tensor/dtype';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../arg-checks';
import { castTo } from '../operands';

/** Options of `softmax`, `softmin` and `logSoftmax`. */
export interface SoftmaxOptions {
  /** Cast the input to this dtype first (PyTorch's `dtype` argument; needed for integer input). */
  dtype?: DType;
}

/** @internal Checks the dtype, casts, and resolves the dim. Returns the input and its axis. */
export function softmaxInput(input: Tensor, dim: number, op: string, options: SoftmaxOptions): [Tensor, number] {
  assertTensor(input, op);
  const x = options.dtype != null ? castTo(input, normalizeDType(options.dtype, op)) : input;
  if (x.dtype !== 'float32') {
    throw new DTypeError(`${op}: expected a float32 input, got ${x.dtype} (pass { dtype: 'float32' } to cast)`);
  }
  return [x, x._normDim(dim, op)];
}

function softmaxRaw(x: TfTensor, axis: number, negate: boolean): TfTensor {
  return tf.tidy(() => {
    const z = negate ? tf.neg(x) : x;
    if (axis === z.rank - 1) return tf.softmax(z, axis);
    const e = tf.exp(tf.sub(z, tf.max(z, axis, true)));
    return tf.div(e, tf.sum(e, axis, true));
  });
}

/** @internal Fused softmax over one axis (of `-x` for softmin), with its backward. */
export function softmaxOp(name: string, x: Tensor, axis: number, negate: boolean): Tensor {
  const scalar = x.dim() === 0;
  return runOp({
    name,
    inputs: [x],
    save: { output: true },
    forward: () => {
      if (x.numel() === 0) return tf.clone(x._value);
      if (scalar) return tf.tidy(() => tf.reshape(softmaxRaw(tf.reshape(x._value, [1]), 0, negate), []));
      return softmaxRaw(x._value, axis, negate);
    },
    backward: (dy, [y]) => {
      const ax = scalar ? 0 : axis;
      const inner = tf.sum(tf.mul(dy, y), scalar ? undefined : ax, !scalar);
      const g = tf.mul(y, tf.sub(dy, inner));
      return [negate ? tf.neg(g) : g];
    },
  });
}

/** @internal Fused log-softmax over one axis, with its backward. */
export function logSoftmaxOp(x: Tensor, axis: number): Tensor {
  const scalar = x.dim() === 0;
  return runOp({
    name: 'LogSoftmax',
    inputs: [x],
    save: { output: true },
    forward: () => {
      if (x.numel() === 0) return tf.clone(x._value);
      return tf.tidy(() => {
        const v = scalar ? tf.reshape(x._value, [1]) : x._value;
        const ax = scalar ? 0 : axis;
        const shifted = tf.sub(v, tf.max(v, ax, true));
        const out = tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), ax, true)));
        return scalar ? tf.reshape(out, []) : out;
      });
    },
    backward: (dy, [y]) => {
      const total = tf.sum(dy, scalar ? undefined : axis, !scalar);
      return [tf.sub(dy, tf.mul(tf.exp(y), total))];
    },
  });
}
