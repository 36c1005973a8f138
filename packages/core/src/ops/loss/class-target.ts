// Shared by crossEntropy and nllLoss: the class layout of the input, target checks, and the
// per-class coefficients q that PyTorch's weighting, ignoreIndex, label smoothing and reduction
// rules give, so that the loss is -sum(q * logProbabilities) in one fused op.
import { tf, type TfTensor } from '../../backend/tfjs';
import { DTypeError } from '../../errors/dtype-error';
import { IndexError } from '../../errors/index-error';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import type { Reduction } from './reduction';

const fmt = (s: readonly number[]) => `[${s.join(', ')}]`;

/** @internal Where the classes are in the input and how to move them last. */
export interface ClassLayout {
  /** Number of classes. */
  classes: number;
  /** The input's shape without the class dimension (the shape of index targets). */
  outShape: number[];
  /** Permutation moving the class dimension last (null when it already is). */
  perm: number[] | null;
  /** Its inverse. */
  inverse: number[] | null;
  /** Number of target positions (product of outShape). */
  positions: number;
}

/** @internal The class layout of (C), (N, C) or (N, C, d1, ...) input. */
export function classLayout(input: Tensor, op: string): ClassLayout {
  const shape = input.shape;
  if (shape.length === 0) throw new ShapeError(`${op}: expected input of shape (C), (N, C) or (N, C, d1, ...), got []`);
  const classDim = shape.length === 1 ? 0 : 1;
  const outShape = shape.filter((_, i) => i !== classDim);
  let perm: number[] | null = null;
  let inverse: number[] | null = null;
  if (shape.length > 2) {
    perm = [0, ...shape.map((_, i) => i).slice(2), 1];
    inverse = perm.map((_, i) => perm!.indexOf(i));
  }
  return { classes: shape[classDim], outShape, perm, inverse, positions: outShape.reduce((a, b) => a * b, 1) };
}

/** @internal Checks class-index targets: dtype, shape and every value in range (or ignored). */
export function checkIndexTarget(input: Tensor, target: Tensor, layout: ClassLayout, ignoreIndex: number, op: string, probabilitiesAllowed: boolean): void {
  const expected = fmt(layout.outShape);
  const alt = probabilitiesAllowed ? ` (class indices) or ${fmt(input.shape)} (class probabilities)` : ' (class indices)';
  const s = target.shape;
  if (s.length !== layout.outShape.length || s.some((d, i) => d !== layout.outShape[i])) {
    throw new ShapeError(`${op}: expected target of shape ${expected}${alt} for input of shape ${fmt(input.shape)}, got ${fmt(s)}`);
  }
  if (target.dtype !== 'int32') {
    throw new DTypeError(
      `${op}: class-index targets must be int32 (int64), got ${target.dtype} target of shape ${fmt(s)} for input of shape ${fmt(input.shape)}`,
    );
  }
  const values = target.dataSync();
  const c = layout.classes;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== ignoreIndex && (v < 0 || v >= c)) {
      throw new IndexError(`${op}: target ${v} is out of bounds for ${c} classes (at flat position ${i}; valid targets are 0 to ${c - 1} or ignoreIndex ${ignoreIndex})`);
    }
  }
}

/** @internal Checks a class-weight tensor: float32 of shape [C]. */
export function checkClassWeight(weight: Tensor, layout: ClassLayout, op: string): void {
  if (weight.dtype !== 'float32') throw new DTypeError(`${op}: expected weight of dtype float32, got ${weight.dtype}`);
  if (weight.dim() !== 1 || weight.shape[0] !== layout.classes) {
    throw new ShapeError(`${op}: expected weight of shape [${layout.classes}] (one per class), got ${fmt(weight.shape)}`);
  }
}

/** @internal Moves the class dimension last. */
export function classLast(x: TfTensor, layout: ClassLayout): TfTensor {
  return layout.perm ? tf.transpose(x, layout.perm) : x;
}

/** @internal Moves the class dimension back from last. */
export function classBack(x: TfTensor, layout: ClassLayout): TfTensor {
  return layout.inverse ? tf.transpose(x, layout.inverse) : x;
}

/** @internal log-softmax over the last axis, stably. */
export function logSoftmaxLast(x: TfTensor): TfTensor {
  const shifted = tf.sub(x, tf.max(x, -1, true));
  return tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), -1, true)));
}

/**
 * @internal The coefficients q (class last) for class-index targets, so the loss is
 * `-sum(q * logp)` summed over positions (reduction 'sum'/'mean', normalisers folded in) or
 * per position ('none'). PyTorch's rules: 'mean' divides both the nll part and the
 * label-smoothing part by the summed weights of the non-ignored targets (their number without a
 * weight). When that sum is 0 (every target ignored) the mean is undefined: PyTorch gives NaN
 * and zero gradients, so q is 0 there and `undefinedMean` flags the forward value to turn into
 * NaN.
 */
export function indexCoefficients(
  target: TfTensor,
  layout: ClassLayout,
  weight: TfTensor | null,
  ignoreIndex: number,
  reduction: Reduction,
  smoothing: number,
): { q: TfTensor; undefinedMean: TfTensor | null } {
  const c = layout.classes;
  const valid = tf.notEqual(target, ignoreIndex);
  const safe = tf.where(valid, target, tf.zerosLike(target));
  const validF = tf.cast(valid, 'float32');
  const targetWeight = weight ? tf.mul(tf.gather(weight, safe), validF) : validF;
  const mean = reduction === 'mean';
  const weightSum = mean ? tf.sum(targetWeight) : null;
  let q: TfTensor | null = null;
  if (smoothing < 1) {
    const oneHot = tf.reshape(tf.cast(tf.oneHot(tf.reshape(safe, [-1]), c), 'float32'), [...layout.outShape, c]);
    let scale = tf.mul(tf.expandDims(targetWeight, -1), 1 - smoothing);
    if (weightSum) scale = tf.divNoNan(scale, weightSum);
    q = tf.mul(oneHot, scale);
  }
  if (smoothing > 0) {
    let smooth = tf.mul(tf.expandDims(validF, -1), smoothing / c);
    if (weight) smooth = tf.mul(smooth, weight);
    if (weightSum) smooth = tf.divNoNan(smooth, weightSum);
    q = q ? tf.add(q, smooth) : tf.broadcastTo(smooth, [...layout.outShape, c]);
  }
  const undefinedMean = weightSum ? tf.equal(weightSum, 0) : null;
  return { q: q!, undefinedMean };
}

/** @internal Reduces per-position losses; an undefined mean becomes NaN as in PyTorch. */
export function reducePositions(perPosition: TfTensor, reduction: Reduction, undefinedMean: TfTensor | null): TfTensor {
  if (reduction === 'none') return perPosition;
  const total = tf.sum(perPosition);
  return undefinedMean ? tf.where(undefinedMean, tf.scalar(Number.NaN), total) : total;
}
