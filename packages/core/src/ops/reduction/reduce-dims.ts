import { tf, type TfTensor } from '../../backend/tfjs';
import { ArgumentTypeError } from '../../errors/argument-type-error';
import { ValueError } from '../../errors/value-error';
import { describeArg } from '../../tensor/describe-arg';
import type { Tensor } from '../../tensor/tensor';

/** A dimension or a list of dimensions to reduce over. */
export type Dims = number | readonly number[];

/** Options shared by reductions over one or more dimensions. */
export interface ReduceOptions {
  /** The dimension(s) to reduce; all when omitted. */
  dim?: Dims;
  /** Keep reduced dimensions with size 1. @default false */
  keepdim?: boolean;
}

/**
 * @internal Accepts both `f(x, { dim, keepdim })` and `f(x, dim, { keepdim })` and returns one
 * options object.
 */
export function reduceArgs<O extends { dim?: unknown }>(dimOrOptions: O['dim'] | O | undefined, options: Omit<O, 'dim'> | undefined, op = 'reduction'): O {
  if (dimOrOptions === undefined || dimOrOptions === null) return { ...(options ?? {}) } as O;
  if (typeof dimOrOptions === 'number' || Array.isArray(dimOrOptions)) return { ...(options ?? {}), dim: dimOrOptions } as O;
  if (typeof dimOrOptions !== 'object') {
    throw new ArgumentTypeError(`${op}: expected dim to be an integer, an array of integers or an options object, got ${describeArg(dimOrOptions)}`);
  }
  return dimOrOptions as O;
}

/** @internal Throws unless a single-dim reduction's argument is undefined, a number or an options object. */
export function assertDimOrOptions(x: unknown, op: string): void {
  if (x !== undefined && typeof x !== 'number' && (typeof x !== 'object' || x === null || Array.isArray(x))) {
    throw new ArgumentTypeError(`${op}: expected dim to be an integer or an options object, got ${describeArg(x)}`);
  }
}

/**
 * @internal The sorted, non-negative axes a reduction covers: all for `undefined` (and, as in
 * PyTorch, for an empty list), with a typed error for out-of-range or repeated dims.
 */
export function reduceAxes(input: Tensor, dim: Dims | undefined, op: string): number[] {
  const rank = input.dim();
  if (dim === undefined || (typeof dim !== 'number' && dim.length === 0)) return Array.from({ length: rank }, (_, i) => i);
  const dims = typeof dim === 'number' ? [dim] : dim;
  if (!Array.isArray(dims)) throw new ArgumentTypeError(`${op}: expected dim to be an integer or an array of integers, got ${describeArg(dim)}`);
  const axes: number[] = [];
  for (const d of dims) {
    const a = input._normDim(d, op);
    if (axes.includes(a)) throw new ValueError(`${op}: dim ${a} appears multiple times in the list of dims`);
    axes.push(a);
  }
  // A 0-d tensor accepts dim 0 / -1 and has nothing to reduce.
  return rank === 0 ? [] : axes.sort((a, b) => a - b);
}

/** @internal The shape a reduction keeps (reduced dims set to 1). */
export function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((s, i) => (axes.includes(i) ? 1 : s));
}

/** @internal The shape a reduction returns. */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepdim: boolean): number[] {
  return keepdim ? keptShape(shape, axes) : shape.filter((_, i) => !axes.includes(i));
}

/** @internal `[0, 1, ..., n-1]` (int32) shaped to broadcast along `axis` of a rank-`rank` tensor. */
export function iotaAlong(n: number, axis: number, rank: number): TfTensor {
  const shape = Array.from({ length: rank }, (_, i) => (i === axis ? n : 1));
  return tf.reshape(tf.range(0, n, 1, 'int32'), shape);
}

/** @internal The number of elements a reduction over `axes` combines. */
export function reducedCount(shape: readonly number[], axes: readonly number[]): number {
  let n = 1;
  for (const a of axes) n *= shape[a];
  return n;
}
