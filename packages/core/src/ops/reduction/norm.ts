import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { keptShape, reduceAxes, reducedShape, type Dims } from './reduce-dims';
import { assertTensor } from '../arg-checks';

/** The order of a norm: a number (including `Infinity`, `-Infinity`, 0) or `'fro'`. */
export type NormOrder = number | 'fro';

/** Options of {@link norm}. */
export interface NormOptions {
  /** The order. @default 'fro' (the 2-norm of the flattened dims) */
  p?: NormOrder;
  /** The dimension(s) to reduce; all when omitted. */
  dim?: Dims;
  /** Keep reduced dimensions with size 1. @default false */
  keepdim?: boolean;
}

function forwardNorm(v: TfTensor, p: number, axes: number[]): TfTensor {
  const a = tf.abs(v);
  if (p === 2) return tf.sqrt(tf.sum(tf.square(v), axes, true));
  if (p === 1) return tf.sum(a, axes, true);
  if (p === Infinity) return tf.max(a, axes, true);
  if (p === -Infinity) return tf.min(a, axes, true);
  if (p === 0) return tf.sum(tf.cast(tf.notEqual(v, 0), 'float32'), axes, true);
  return tf.pow(tf.sum(tf.pow(a, p), axes, true), 1 / p);
}

function backwardNorm(dy: TfTensor, x: TfTensor, n: TfTensor, p: number, axes: number[]): TfTensor {
  const zero = tf.zerosLike(x);
  if (p === 0) return zero;
  if (p === 1) return tf.mul(dy, tf.sign(x));
  if (p === Infinity || p === -Infinity) {
    const mask = tf.cast(tf.equal(tf.abs(x), n), 'float32');
    return tf.div(tf.mul(tf.mul(dy, tf.sign(x)), mask), tf.sum(mask, axes, true));
  }
  // d/dx (sum |x|^p)^(1/p) = x |x|^(p-2) / n^(p-1); zero where x (or the norm) is zero.
  const safeN = tf.where(tf.equal(n, 0), tf.onesLike(n), n);
  const g = p === 2 ? tf.div(x, safeN) : tf.div(tf.mul(x, tf.pow(tf.abs(x), p - 2)), tf.pow(safeN, p - 1));
  return tf.where(tf.logicalOr(tf.equal(x, 0), tf.equal(tf.broadcastTo(n, x.shape), 0)), zero, tf.mul(dy, g));
}

/**
 * The vector p-norm over `dim` (all elements when omitted), PyTorch's `torch.norm` for vector
 * orders: `p` is `'fro'`/2, 1, `Infinity`, `-Infinity`, 0 (the count of non-zeros) or any other
 * number. Subgradients at zero are 0, as in PyTorch.
 *
 * @example
 * ```ts
 * dl.norm(dl.tensor([3, 4])).item(); // 5
 * dl.norm(dl.tensor([[1, -2], [3, 4]]), 1, { dim: 1 }).tolist(); // [3, 7]
 * ```
 */
export function norm(input: Tensor, options?: NormOptions): Tensor;
export function norm(input: Tensor, p: NormOrder, options?: Omit<NormOptions, 'p'>): Tensor;
export function norm(input: Tensor, pOrOptions?: NormOrder | NormOptions, maybe: Omit<NormOptions, 'p'> = {}): Tensor {
  assertTensor(input, 'norm');
  const o: NormOptions = typeof pOrOptions === 'object' && pOrOptions !== null && !Array.isArray(pOrOptions) ? pOrOptions : { ...maybe, p: (pOrOptions ?? undefined) as NormOrder | undefined };
  if (input.dtype !== 'float32') throw new DTypeError(`norm: only supports floating point dtypes (got ${input.dtype})`);
  const given = o.p ?? 'fro';
  if (given !== 'fro' && (typeof given !== 'number' || Number.isNaN(given))) {
    throw new ValueError(`norm: unsupported order p=${String(given)} (expected a number, Infinity, -Infinity or 'fro')`);
  }
  const p = given === 'fro' ? 2 : given;
  const axes = reduceAxes(input, o.dim, 'norm');
  const keepdim = o.keepdim ?? false;
  const shape = input.shape;
  const kept = keptShape(shape, axes);
  const out = reducedShape(shape, axes, keepdim);
  if (input.numel() === 0 && (p === Infinity || p === -Infinity)) {
    throw new ValueError(`norm: cannot compute the ${p}-norm of an empty tensor (input shape [${shape.join(', ')}])`);
  }
  return runOp({
    name: 'Norm',
    inputs: [input],
    save: { inputs: [0], output: true },
    forward: () =>
      tf.tidy(() => {
        const v = input._value;
        if (v.size === 0) return tf.zeros(out);
        if (axes.length === 0) return p === 0 ? tf.cast(tf.notEqual(v, 0), 'float32') : tf.abs(v);
        return tf.reshape(forwardNorm(v, p, axes), out);
      }),
    backward: (dy, [x, n]) => [backwardNorm(tf.reshape(dy, kept), x, tf.reshape(n, kept), p, axes)],
  });
}
