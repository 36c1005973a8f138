import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { IndexError } from '../../errors/index-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { expandInts, fmtShape, type IntOrTuple } from './conv-geometry';
import { emptyResult } from './empty-result';
import { assertTensor } from '../arg-checks';

/** Options of `maxUnpool1d` and `maxUnpool2d` (PyTorch's keyword arguments). */
export interface MaxUnpoolOptions {
  /** The pooling's stride; `null` or omitted means the kernel size. @default kernelSize */
  stride?: IntOrTuple | null;
  /** The pooling's padding. @default 0 */
  padding?: IntOrTuple;
  /** The size to restore (spatial sizes, or the full shape), when the default is ambiguous. @default null */
  outputSize?: readonly number[] | null;
}

function unpool(op: string, name: string, dims: 1 | 2, input: Tensor, indices: Tensor, kernelSize: IntOrTuple, options: MaxUnpoolOptions): Tensor {
  const r = input.dim();
  if (r !== dims + 1 && r !== dims + 2) {
    throw new ShapeError(`${op}: expected ${dims + 1}D (unbatched) or ${dims + 2}D (batched) input, but got input of size ${fmtShape(input.shape)}`);
  }
  if (input.dtype !== 'float32') throw new DTypeError(`${op}: expected input of dtype float32, but got ${input.dtype}`);
  if (indices.dtype !== 'int32') throw new DTypeError(`${op}: expected indices of an integer dtype, but got ${indices.dtype}`);
  if (indices.shape.join() !== input.shape.join()) {
    throw new ShapeError(`${op}: expected indices to have the shape of input ${fmtShape(input.shape)}, but got indices of size ${fmtShape(indices.shape)}`);
  }
  const kernel = expandInts(kernelSize, dims, 'kernelSize', op, 1);
  const stride = options.stride == null ? kernel : expandInts(options.stride, dims, 'stride', op, 1);
  const padding = expandInts(options.padding ?? 0, dims, 'padding', op, 0);
  const lead = input.shape.slice(0, r - dims);
  const spatial = input.shape.slice(r - dims);
  const defaults = spatial.map((s, i) => (s - 1) * stride[i] - 2 * padding[i] + kernel[i]);
  let out = defaults;
  if (options.outputSize != null) {
    const given = Array.from(options.outputSize);
    out = given.length === dims + lead.length ? given.slice(lead.length) : given;
    if (out.length !== dims) throw new ValueError(`${op}: outputSize should have ${dims} or ${dims + lead.length} elements (got ${fmtShape(given)})`);
    out.forEach((o, d) => {
      const lo = defaults[d] - stride[d];
      const hi = defaults[d] + stride[d];
      if (!(o > lo && o < hi)) throw new ValueError(`${op}: invalid outputSize ${fmtShape(given)} (dim ${d} must be between ${lo} and ${hi}, exclusive)`);
    });
  }
  const planes = lead.reduce((a, b) => a * b, 1);
  const area = out.reduce((a, b) => a * b, 1);
  const count = spatial.reduce((a, b) => a * b, 1);
  // A wrong index would write outside the output: check before scattering.
  if (planes * count === 0) return emptyResult(name, [input], [...lead, ...out], null, 0);
  const [lo, hi] = tf.tidy(() => [tf.min(indices._value).dataSync()[0], tf.max(indices._value).dataSync()[0]]);
  if (lo < 0 || hi >= area) {
    throw new IndexError(`${op}: found an invalid max index ${lo < 0 ? lo : hi} (output planes are of size ${out.join('x')})`);
  }
  const global = () => tf.tidy(() => tf.add(tf.reshape(indices._value, [planes, count]), tf.reshape(tf.mul(tf.range(0, planes, 1, 'int32'), tf.scalar(area, 'int32')), [planes, 1])));
  return runOp({
    name,
    inputs: [input],
    forward: () =>
      tf.tidy(() => {
        const at = tf.reshape(global(), [planes * count, 1]);
        // Assignment, not a sum: overlapping windows may name one position twice (same value).
        const y = tf.tensorScatterUpdate(tf.zeros([planes * area]), at, tf.reshape(input._value, [planes * count]));
        return tf.reshape(y, [...lead, ...out]);
      }),
    backward: (dy) => [tf.reshape(tf.gather(tf.reshape(dy, [planes * area]), global()), input.shape)],
  });
}

/**
 * The partial inverse of `maxPool2d` (PyTorch's `F.max_unpool2d`): puts each value of `input` at
 * the position `indices` (from `maxPool2d(..., { returnIndices: true })`) names in a zero image of
 * size `(H - 1) * stride - 2 * padding + kernelSize` (or `outputSize`).
 *
 * @param options `stride` (default kernelSize), `padding` (default 0), `outputSize` (default null).
 * @example
 * ```ts
 * const [y, idx] = dl.maxPool2d(x, 2, { returnIndices: true });
 * const restored = dl.maxUnpool2d(y, idx, 2); // x's maxima in place, zeros elsewhere
 * ```
 */
export function maxUnpool2d(input: Tensor, indices: Tensor, kernelSize: IntOrTuple, options: MaxUnpoolOptions = {}): Tensor {
  assertTensor(input, 'maxUnpool2d');
  assertTensor(indices, 'maxUnpool2d', 'indices');
  return unpool('maxUnpool2d', 'MaxUnpool2d', 2, input, indices, kernelSize, options);
}

/**
 * The partial inverse of `maxPool1d` (PyTorch's `F.max_unpool1d`); see {@link maxUnpool2d}.
 *
 * @param options `stride` (default kernelSize), `padding` (default 0), `outputSize` (default null).
 * @example
 * ```ts
 * const [y, idx] = dl.maxPool1d(x, 2, { returnIndices: true });
 * dl.maxUnpool1d(y, idx, 2).shape; // x.shape (for even lengths)
 * ```
 */
export function maxUnpool1d(input: Tensor, indices: Tensor, kernelSize: IntOrTuple, options: MaxUnpoolOptions = {}): Tensor {
  assertTensor(input, 'maxUnpool1d');
  assertTensor(indices, 'maxUnpool1d', 'indices');
  return unpool('maxUnpool1d', 'MaxUnpool1d', 1, input, indices, kernelSize, options);
}
