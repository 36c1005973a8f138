import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ArgumentTypeError } from '../../errors/argument-type-error';
import { ValueError } from '../../errors/value-error';
import { describeArg } from '../../tensor/describe-arg';
import { Tensor } from '../../tensor/tensor';
import { maximum } from '../arithmetic/maximum';
import { minimum } from '../arithmetic/minimum';
import { iotaAlong, keptShape, reduceAxes } from './reduce-dims';
import type { ValuesIndices } from './values-indices';
import { assertTensor } from '../arg-checks';

/** @internal Which extreme a reduction picks. */
export type Extreme = 'max' | 'min';

function asNumeric(v: TfTensor): TfTensor {
  return v.dtype === 'bool' ? tf.cast(v, 'int32') : v;
}

function restore(v: TfTensor, dtype: string): TfTensor {
  return dtype === 'bool' ? tf.cast(v, 'bool') : v;
}

/**
 * @internal The index of the max/min along `axis` (first among ties); a NaN wins over every
 * number, as in PyTorch (tfjs's ArgMax skips NaN).
 */
export function argExtremeRaw(v: TfTensor, axis: number, kind: Extreme): TfTensor {
  return tf.tidy(() => {
    const x = asNumeric(v);
    const pick = kind === 'max' ? tf.argMax(x, axis) : tf.argMin(x, axis);
    if (x.dtype !== 'float32') return pick;
    const nan = tf.isNaN(x);
    return tf.where(tf.any(nan, axis), tf.argMax(tf.cast(nan, 'int32'), axis), pick);
  });
}

/**
 * @internal The max/min over `axes` whose gradient is shared evenly between tied elements
 * (PyTorch's `amax`/`amin` and the all-element `max()`/`min()`).
 */
export function evenExtreme(input: Tensor, dim: number | readonly number[] | undefined, keepdim: boolean, kind: Extreme, op: string): Tensor {
  const axes = reduceAxes(input, dim, op);
  const shape = input.shape;
  for (const a of axes) {
    if (shape[a] === 0) {
      throw new ValueError(`${op}: expected reduction dim ${a} to have non-zero size (input shape [${shape.join(', ')}])`);
    }
  }
  const kept = keptShape(shape, axes);
  const name = kind === 'max' ? 'Amax' : 'Amin';
  return runOp({
    name,
    inputs: [input],
    save: { inputs: [0], output: true },
    forward: () =>
      tf.tidy(() => {
        if (axes.length === 0) return tf.clone(input._value);
        const v = asNumeric(input._value);
        const r = kind === 'max' ? tf.max(v, axes, keepdim) : tf.min(v, axes, keepdim);
        return restore(r, input.dtype);
      }),
    backward: (dy, [x, out]) => {
      const mask = tf.cast(tf.equal(x, tf.reshape(out, kept)), 'float32');
      const count = tf.sum(mask, axes, true);
      return [tf.div(tf.mul(tf.reshape(dy, kept), mask), count)];
    },
  });
}

/**
 * @internal The max/min along one dimension with the index of the pick (the first one among
 * ties); the gradient flows to that index only, as in PyTorch.
 */
export function extremeAlong(input: Tensor, dim: number, keepdim: boolean, kind: Extreme, op: string): ValuesIndices {
  const axis = input._normDim(dim, op);
  const shape = input.shape;
  const rank = shape.length;
  if (rank > 0 && shape[axis] === 0) {
    throw new ValueError(`${op}: expected reduction dim ${axis} to have non-zero size (input shape [${shape.join(', ')}])`);
  }
  const kept = rank === 0 ? [] : keptShape(shape, [axis]);
  const outShape = keepdim ? kept : kept.filter((_, i) => i !== axis);
  const idxKept: TfTensor =
    rank === 0
      ? tf.scalar(0, 'int32')
      : tf.tidy(() => tf.reshape(argExtremeRaw(input._value, axis, kind), kept));
  const indices = tf.reshape(idxKept, outShape);
  const values = runOp({
    name: kind === 'max' ? 'Max' : 'Min',
    inputs: [input],
    forward: () => {
      const vals = tf.tidy(() => {
        if (rank === 0) return tf.clone(input._value);
        const v = asNumeric(input._value);
        return restore(tf.reshape(kind === 'max' ? tf.max(v, axis, true) : tf.min(v, axis, true), outShape), input.dtype);
      });
      return [vals, tf.clone(idxKept)];
    },
    backward: (dy, [idx]) => {
      if (rank === 0) return [dy];
      const mask = tf.equal(iotaAlong(shape[axis], axis, rank), idx);
      return [tf.where(mask, tf.broadcastTo(tf.reshape(dy, kept), shape), tf.zeros(shape))];
    },
  });
  idxKept.dispose();
  return { values, indices: Tensor._owned(indices) };
}

/** Options of {@link max} and {@link min} along a dimension. */
export interface ExtremeOptions {
  /** The dimension to reduce. */
  dim: number;
  /** Keep the reduced dimension with size 1. @default false */
  keepdim?: boolean;
}

/** @internal Shared argument handling of max/min. */
export function extremeDispatch(input: Tensor, arg: number | ExtremeOptions | Tensor | undefined, options: { keepdim?: boolean }, kind: Extreme): Tensor | ValuesIndices {
  assertTensor(input, kind);
  if (arg === undefined) {
    if (input.numel() === 0) {
      throw new ValueError(`${kind}: expected reduction dim to be specified for input.numel() == 0 (input shape [${input.shape.join(', ')}]); specify the reduction dim with the 'dim' argument`);
    }
    return evenExtreme(input, undefined, false, kind, kind);
  }
  if (arg instanceof Tensor) return kind === 'max' ? maximum(input, arg) : minimum(input, arg);
  if (typeof arg === 'number') return extremeAlong(input, arg, options.keepdim ?? false, kind, kind);
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) {
    throw new ArgumentTypeError(`${kind}: expected a dim, an options object { dim, keepdim } or a Tensor, got ${describeArg(arg)}`);
  }
  return extremeAlong(input, arg.dim, arg.keepdim ?? false, kind, kind);
}

