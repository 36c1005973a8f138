import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { argExtremeRaw } from './extreme';
import { assertDimOrOptions } from './reduce-dims';
import { assertTensor } from '../arg-checks';

/** Options of {@link argmax} and {@link argmin}. */
export interface ArgExtremeOptions {
  /** The dimension to reduce; the flattened input when omitted. */
  dim?: number;
  /** Keep the reduced dimension(s) with size 1. @default false */
  keepdim?: boolean;
}

function argExtreme(input: Tensor, dimOrOptions: number | ArgExtremeOptions | undefined, maybe: { keepdim?: boolean }, kind: 'argmax' | 'argmin'): Tensor {
  assertTensor(input, kind);
  assertDimOrOptions(dimOrOptions, kind);
  const o: ArgExtremeOptions = typeof dimOrOptions === 'number' ? { ...maybe, dim: dimOrOptions } : (dimOrOptions ?? {});
  const shape = input.shape;
  const keepdim = o.keepdim ?? false;
  const pick = (v: TfTensor, axis: number) => argExtremeRaw(v, axis, kind === 'argmax' ? 'max' : 'min');
  const name = kind === 'argmax' ? 'ArgMax' : 'ArgMin';
  if (o.dim === undefined) {
    if (input.numel() === 0) throw new ValueError(`${kind}: expected reduction dim to be specified for input.numel() == 0 (input shape [${shape.join(', ')}])`);
    const outShape = keepdim ? shape.map(() => 1) : [];
    return runOp({
      name,
      inputs: [input],
      forward: () => tf.tidy(() => tf.reshape(pick(tf.reshape(input._value, [-1]), 0), outShape)),
    });
  }
  const axis = input._normDim(o.dim, kind);
  if (shape.length === 0) return runOp({ name, inputs: [input], forward: () => tf.scalar(0, 'int32') });
  if (shape[axis] === 0) throw new ValueError(`${kind}: expected reduction dim ${axis} to have non-zero size (input shape [${shape.join(', ')}])`);
  const outShape = keepdim ? shape.map((s, i) => (i === axis ? 1 : s)) : shape.filter((_, i) => i !== axis);
  return runOp({
    name,
    inputs: [input],
    forward: () => tf.tidy(() => tf.reshape(pick(input._value, axis), outShape)),
  });
}

/**
 * The index (int32) of the largest value, over the flattened input or along `dim`; the first
 * one among ties.
 *
 * @example
 * ```ts
 * dl.argmax(dl.tensor([[1, 5], [7, 2]])).item(); // 2
 * dl.argmax(dl.tensor([[1, 5], [7, 2]]), 1).tolist(); // [1, 0]
 * ```
 */
export function argmax(input: Tensor, options?: ArgExtremeOptions): Tensor;
export function argmax(input: Tensor, dim: number, options?: { keepdim?: boolean }): Tensor;
export function argmax(input: Tensor, dimOrOptions?: number | ArgExtremeOptions, maybe: { keepdim?: boolean } = {}): Tensor {
  return argExtreme(input, dimOrOptions, maybe, 'argmax');
}

/**
 * The index (int32) of the smallest value, over the flattened input or along `dim`.
 *
 * @example
 * ```ts
 * dl.argmin(dl.tensor([[1, 5], [7, 2]]), { dim: 0 }).tolist(); // [0, 1]
 * ```
 */
export function argmin(input: Tensor, options?: ArgExtremeOptions): Tensor;
export function argmin(input: Tensor, dim: number, options?: { keepdim?: boolean }): Tensor;
export function argmin(input: Tensor, dimOrOptions?: number | ArgExtremeOptions, maybe: { keepdim?: boolean } = {}): Tensor {
  return argExtreme(input, dimOrOptions, maybe, 'argmin');
}
