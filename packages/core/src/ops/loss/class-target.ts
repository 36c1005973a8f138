// Shared by crossEntropy and nllLoss: the class layout of the input, target checks, and the
// coefficients that PyTorch's weighting, ignoreIndex, label smoothing and reduction rules give,
// so that the loss is -sum(q * logProbabilities) in one fused op. The coefficients depend on the
// target (and class weight) only, whose values the checks read anyway: they are worked out here
// in JavaScript, not in a dozen tfjs kernels per call.
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

/** @internal Checks class-index targets: dtype, shape and every value in range (or ignored); returns the values. */
export function checkIndexTarget(input: Tensor, target: Tensor, layout: ClassLayout, ignoreIndex: number, op: string, probabilitiesAllowed: boolean): ArrayLike<number> {
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
  return values;
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
 * @internal PyTorch's coefficients for class-index targets, per position p:
 * q[p, c] = a[p] * (c == target[p]) + b[p] * w[c] (w = 1 without a class weight), so the loss is
 * `-sum_c q[p, c] * logp[p, c]`, summed over positions ('sum'/'mean', normalisers folded in) or
 * per position ('none').
 */
export interface IndexCoefficients {
  /** The target class of each position (an ignored one keeps ignoreIndex). */
  target: Int32Array;
  /** a for each position, then b. */
  coef: Float32Array;
  /** The class weight's values, or null. */
  weight: Float32Array | null;
  /**
   * A 'mean' over no counted target (every target ignored, or zero weights): PyTorch gives NaN
   * and zero gradients, so the coefficients are 0 and the forward value becomes NaN.
   */
  undefinedMean: boolean;
}

/**
 * @internal The coefficients for class-index targets (see `IndexCoefficients`). PyTorch's rules:
 * a counted position weighs w[target] (1 without a weight); 'mean' divides both the nll part
 * (1 - smoothing) and the label-smoothing part (smoothing / C, times w[c]) by the summed weights
 * of the counted targets; 'sum' and 'none' divide by nothing.
 */
export function indexCoefficients(
  targetValues: ArrayLike<number>,
  weightValues: Float32Array | null,
  layout: ClassLayout,
  ignoreIndex: number,
  reduction: Reduction,
  smoothing: number,
): IndexCoefficients {
  const p = layout.positions;
  const c = layout.classes;
  const target = Int32Array.from(targetValues);
  const coef = new Float32Array(2 * p);
  let weightSum = 0;
  for (let i = 0; i < p; i++) {
    const t = target[i];
    if (t !== ignoreIndex) weightSum += weightValues ? weightValues[t] : 1;
  }
  const mean = reduction === 'mean';
  const undefinedMean = mean && weightSum === 0;
  const norm = mean ? weightSum : 1;
  if (!undefinedMean) {
    for (let i = 0; i < p; i++) {
      const t = target[i];
      if (t === ignoreIndex) continue;
      if (smoothing < 1) coef[i] = ((weightValues ? weightValues[t] : 1) * (1 - smoothing)) / norm;
      if (smoothing > 0) coef[p + i] = smoothing / c / norm;
    }
  }
  return { target, coef, weight: weightValues, undefinedMean };
}

/** @internal The dense q of `indexCoefficients`, class last: `[...layout.outShape, C]`. */
export function denseCoefficients(k: IndexCoefficients, layout: ClassLayout): TfTensor {
  const p = layout.positions;
  const c = layout.classes;
  const q = new Float32Array(p * c);
  const w = k.weight;
  for (let i = 0; i < p; i++) {
    const a = k.coef[i];
    const b = k.coef[p + i];
    const row = i * c;
    if (b !== 0) for (let j = 0; j < c; j++) q[row + j] = b * (w ? w[j] : 1);
    if (a !== 0) q[row + k.target[i]] += a;
  }
  return tf.tensor(q, [...layout.outShape, c], 'float32');
}

/**
 * @internal Per-position losses `-(a[p] * logp[p, target[p]] + b[p] * sum_c w[c] * logp[p, c])` of
 * class-last log-probabilities `[...outShape, C]`, shaped `outShape`. The target term reads logp
 * at the target class only, as PyTorch's nll_loss gathers, and a position with no coefficient
 * (ignored) is exactly 0: a -inf log-probability elsewhere never turns into 0 * -inf = NaN.
 */
export function positionLosses(logp: TfTensor, k: IndexCoefficients, layout: ClassLayout): TfTensor {
  const p = layout.positions;
  const c = layout.classes;
  if (p === 0 || c === 0) return tf.zeros(layout.outShape);
  const index = new Int32Array(p);
  const hasTarget = new Uint8Array(p);
  const hasSmooth = new Uint8Array(p);
  let smoothing = false;
  for (let i = 0; i < p; i++) {
    if (k.coef[i] !== 0) {
      index[i] = i * c + k.target[i];
      hasTarget[i] = 1;
    }
    if (k.coef[p + i] !== 0) {
      hasSmooth[i] = 1;
      smoothing = true;
    }
  }
  const zero = tf.zeros([p]);
  const picked = tf.gather(tf.reshape(logp, [p * c]), tf.tensor1d(index, 'int32'));
  // Negated coefficients: the loss comes out with its sign, and an ignored position is +0, as PyTorch's.
  let loss = tf.where(tf.tensor1d(hasTarget, 'bool'), tf.mul(picked, tf.tensor1d(k.coef.slice(0, p).map((v) => -v))), zero);
  if (smoothing) {
    const rows = tf.reshape(logp, [p, c]);
    const summed = tf.sum(k.weight ? tf.mul(rows, tf.tensor1d(k.weight)) : rows, -1);
    loss = tf.add(loss, tf.where(tf.tensor1d(hasSmooth, 'bool'), tf.mul(summed, tf.tensor1d(k.coef.slice(p).map((v) => -v))), zero));
  }
  return tf.reshape(loss, layout.outShape);
}

/** @internal Reduces per-position losses; an undefined mean is NaN, as in PyTorch. */
export function reducePositions(perPosition: TfTensor, reduction: Reduction, undefinedMean: boolean): TfTensor {
  if (reduction === 'none') return perPosition;
  return undefinedMean ? tf.scalar(Number.NaN) : tf.sum(perPosition);
}
