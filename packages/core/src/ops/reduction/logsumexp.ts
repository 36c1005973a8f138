import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { castTo } from '../operands';
import { keptShape, reduceArgs, reduceAxes, reducedShape, type Dims, type ReduceOptions } from './reduce-dims';
import { assertTensor } from '../arg-checks';

/**
 * `log(sum(exp(x)))` over `dim` (all dimensions when omitted), computed stably by shifting by
 * the maximum. Integer inputs are promoted to float32, as in PyTorch.
 *
 * @example
 * ```ts
 * dl.logsumexp(dl.tensor([[0, 0], [1000, 1000]]), 1).tolist(); // [0.6931, 1000.6931]
 * ```
 */
export function logsumexp(input: Tensor, options?: ReduceOptions): Tensor;
export function logsumexp(input: Tensor, dim: Dims, options?: { keepdim?: boolean }): Tensor;
export function logsumexp(input: Tensor, dimOrOptions?: Dims | ReduceOptions, maybe?: { keepdim?: boolean }): Tensor {
  assertTensor(input, 'logsumexp');
  const o = reduceArgs<ReduceOptions>(dimOrOptions, maybe, 'logsumexp');
  const x = castTo(input, 'float32');
  const axes = reduceAxes(x, o.dim, 'logsumexp');
  const keepdim = o.keepdim ?? false;
  const kept = keptShape(x.shape, axes);
  const out = reducedShape(x.shape, axes, keepdim);
  return runOp({
    name: 'Logsumexp',
    inputs: [x],
    save: { inputs: [0], output: true },
    forward: () =>
      tf.tidy(() => {
        const v = x._value;
        if (v.size === 0) return tf.fill(out, -Infinity);
        if (axes.length === 0) return tf.clone(v);
        const m = tf.max(v, axes, true);
        // An all -inf (or inf) slice must not turn into inf - inf = NaN.
        const shift = tf.where(tf.isFinite(m), m, tf.zerosLike(m));
        const s = tf.add(tf.log(tf.sum(tf.exp(tf.sub(v, shift)), axes, true)), shift);
        return tf.reshape(s, out);
      }),
    backward: (dy, [xv, y]) => [tf.mul(tf.reshape(dy, kept), tf.exp(tf.sub(xv, tf.reshape(y, kept))))],
  });
}
