import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { reduceArgs, reduceAxes, reducedShape, type Dims, type ReduceOptions } from './reduce-dims';
import { assertTensor } from '../arg-checks';

function logical(input: Tensor, dimOrOptions: Dims | ReduceOptions | undefined, maybe: { keepdim?: boolean } | undefined, kind: 'all' | 'any'): Tensor {
  assertTensor(input, kind);
  const o = reduceArgs<ReduceOptions>(dimOrOptions, maybe, kind);
  const axes = reduceAxes(input, o.dim, kind);
  const keepdim = o.keepdim ?? false;
  const out = reducedShape(input.shape, axes, keepdim);
  return runOp({
    name: kind === 'all' ? 'All' : 'Any',
    inputs: [input],
    forward: () =>
      tf.tidy(() => {
        const v = input._value;
        const b = v.dtype === 'bool' ? v : tf.notEqual(v, tf.scalar(0, v.dtype));
        if (v.size === 0) return tf.cast(tf.fill(out, kind === 'all' ? 1 : 0, 'int32'), 'bool');
        if (axes.length === 0) return tf.clone(b);
        return kind === 'all' ? tf.all(b, axes, keepdim) : tf.any(b, axes, keepdim);
      }),
  });
}

/**
 * Whether every element (over all dimensions or over `dim`) is true / non-zero; a bool tensor.
 *
 * @example
 * ```ts
 * dl.all(dl.tensor([[true, false], [true, true]]), 1).tolist(); // [false, true]
 * ```
 */
export function all(input: Tensor, options?: ReduceOptions): Tensor;
export function all(input: Tensor, dim: Dims, options?: { keepdim?: boolean }): Tensor;
export function all(input: Tensor, dimOrOptions?: Dims | ReduceOptions, maybe?: { keepdim?: boolean }): Tensor {
  return logical(input, dimOrOptions, maybe, 'all');
}

/**
 * Whether any element (over all dimensions or over `dim`) is true / non-zero; a bool tensor.
 *
 * @example
 * ```ts
 * dl.any(dl.tensor([0, 0, 3])).item(); // true
 * ```
 */
export function any(input: Tensor, options?: ReduceOptions): Tensor;
export function any(input: Tensor, dim: Dims, options?: { keepdim?: boolean }): Tensor;
export function any(input: Tensor, dimOrOptions?: Dims | ReduceOptions, maybe?: { keepdim?: boolean }): Tensor {
  return logical(input, dimOrOptions, maybe, 'any');
}
