import { hasOptionalKernel, OPTIONAL_KERNELS, runOptionalKernel } from '../../backend/optional-kernels';
import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { checkFloat, checkNoGrad, checkNumber } from './checks';
import {
  checkClassWeight,
  checkIndexTarget,
  classBack,
  classLast,
  classLayout,
  denseCoefficients,
  indexCoefficients,
  type IndexCoefficients,
  logSoftmaxLast,
  positionLosses,
  reducePositions,
  type ClassLayout,
} from './class-target';
import { checkReduction, type Reduction } from './reduction';
import { assertTensor } from '../arg-checks';

/** Options of `crossEntropy`. */
export interface CrossEntropyOptions {
  /** Per-class rescaling weight of shape [C]. @default null */
  weight?: Tensor | null;
  /** Targets equal to this are ignored (class-index targets only). @default -100 */
  ignoreIndex?: number;
  /** 'mean' | 'sum' | 'none'. @default 'mean' */
  reduction?: Reduction;
  /** Mixes the target with the uniform distribution: `(1 - s) target + s / C`. @default 0 */
  labelSmoothing?: number;
}

/**
 * Cross entropy between logits and targets, `logSoftmax` and the negative log likelihood fused
 * in one op (PyTorch's `F.cross_entropy`). Input is (C), (N, C) or (N, C, d1, ...); targets are
 * int32 class indices of the input's shape without C, or float class probabilities of the
 * input's shape. Weighting, `ignoreIndex`, label smoothing and the 'mean' normalisation follow
 * PyTorch exactly (weighted mean divides by the summed weights of the counted targets).
 *
 * @param options `weight` (default null), `ignoreIndex` (default -100), `reduction` (default
 *   'mean'), `labelSmoothing` (default 0).
 * @example
 * ```ts
 * const logits = dl.tensor([[2, 0, 0], [0, 3, 0]]);
 * dl.crossEntropy(logits, dl.tensor([0, 1], { dtype: 'int32' })).item(); // 0.1672
 * ```
 */
export function crossEntropy(input: Tensor, target: Tensor, options: CrossEntropyOptions = {}): Tensor {
  assertTensor(input, 'crossEntropy');
  assertTensor(target, 'crossEntropy', 'target');
  const op = 'crossEntropy';
  const reduction = checkReduction(options.reduction ?? 'mean', op);
  const smoothing = options.labelSmoothing ?? 0;
  checkNumber(smoothing, op, 'labelSmoothing', (v) => v >= 0 && v <= 1, 'between 0 and 1');
  checkFloat(input, op, 'input');
  const layout = classLayout(input, op);
  const weight = options.weight ?? null;
  if (weight) checkClassWeight(weight, layout, op);
  if (target.dtype === 'float32') {
    const a = target.shape;
    const b = input.shape;
    if (a.length === b.length && a.every((d, i) => d === b[i])) {
      if (options.ignoreIndex !== undefined && options.ignoreIndex !== -100) {
        throw new ValueError(`${op}: ignoreIndex is not supported for class-probability (float) targets`);
      }
      return probabilityLoss(input, target, weight, layout, reduction, smoothing);
    }
    if (a.length !== layout.outShape.length || a.some((d, i) => d !== layout.outShape[i])) {
      throw new ShapeError(
        `${op}: expected target of shape [${layout.outShape.join(', ')}] (class indices) or [${b.join(', ')}] (class probabilities) for input of shape [${b.join(', ')}], got [${a.join(', ')}]`,
      );
    }
  } else if (target.dtype === 'bool') {
    throw new DTypeError(`${op}: expected int32 class indices or float32 class probabilities as target, got bool`);
  }
  const ignoreIndex = options.ignoreIndex ?? -100;
  const targetValues = checkIndexTarget(input, target, layout, ignoreIndex, op, true);
  checkNoGrad(weight, op, 'weight (with class-index targets)');
  const k = indexCoefficients(targetValues, weight ? (weight.dataSync() as Float32Array) : null, layout, ignoreIndex, reduction, smoothing);
  if (hasOptionalKernel(OPTIONAL_KERNELS.softmaxCrossEntropy)) return fusedIndexLoss(input, k, reduction);
  return runOp({
    name: 'CrossEntropyLoss',
    inputs: [input],
    forward: () => {
      return tf.tidy(() => {
        const logp = logSoftmaxLast(classLast(input._value, layout));
        const perPosition = positionLosses(logp, k, layout);
        return [reducePositions(perPosition, reduction, k.undefinedMean), logp, denseCoefficients(k, layout)];
      });
    },
    backward: (dy, [logp, q]) => {
      const g = reduction === 'none' ? tf.expandDims(dy, -1) : dy;
      const total = tf.sum(q, -1, true);
      return [classBack(tf.mul(g, tf.sub(tf.mul(total, tf.exp(logp)), q)), layout)];
    },
  });
}

/**
 * Class-index cross entropy as one kernel each way, where the backend has them
 * (@dl/backend-native's `DlSoftmaxCrossEntropy`): the same coefficients, read at the target
 * class only (as PyTorch's nll_loss gathers), with no transposes for (N, C, d1, ...) input.
 */
function fusedIndexLoss(input: Tensor, k: IndexCoefficients, reduction: Reduction): Tensor {
  const attrs = { target: k.target, coef: k.coef, weight: k.weight, reduce: reduction !== 'none' };
  return runOp({
    name: 'CrossEntropyLoss',
    inputs: [input],
    forward: () => {
      const [loss, logp] = runOptionalKernel(OPTIONAL_KERNELS.softmaxCrossEntropy, { logits: input._value }, attrs);
      if (!k.undefinedMean) return [loss, logp];
      loss.dispose();
      return [tf.scalar(Number.NaN), logp];
    },
    backward: (dy, [logp]) => [runOptionalKernel(OPTIONAL_KERNELS.softmaxCrossEntropyGrad, { logp, dy }, attrs)[0]],
  });
}

function probabilityLoss(input: Tensor, target: Tensor, weight: Tensor | null, layout: ClassLayout, reduction: Reduction, smoothing: number): Tensor {
  const c = layout.classes;
  // PyTorch divides 'mean' by the number of positions (N * d1 * ...), whatever the weights.
  const divisor = reduction === 'mean' ? layout.positions : 1;
  const inputs = weight ? [input, target, weight] : [input, target];
  const smooth = (t: TfTensor) => (smoothing > 0 ? tf.add(tf.mul(t, 1 - smoothing), smoothing / c) : t);
  return runOp({
    name: 'CrossEntropyLoss',
    inputs,
    save: { inputs: weight ? [2] : [] },
    forward: () =>
      tf.tidy(() => {
        const logp = logSoftmaxLast(classLast(input._value, layout));
        const t = smooth(classLast(target._value, layout));
        const weighted = weight ? tf.mul(t, weight._value) : t;
        const perPosition = tf.div(tf.neg(tf.sum(tf.mul(weighted, logp), -1)), divisor);
        return [reduction === 'none' ? perPosition : tf.sum(perPosition), logp, t];
      }),
    backward: (dy, saved, needs) => {
      const w = weight ? saved[0] : null;
      const [logp, t] = saved.slice(weight ? 1 : 0);
      const g = tf.div(reduction === 'none' ? tf.expandDims(dy, -1) : dy, divisor);
      const grads: (TfTensor | null)[] = [null, null, null];
      if (needs[0]) {
        const q = w ? tf.mul(t, w) : t;
        grads[0] = classBack(tf.mul(g, tf.sub(tf.mul(tf.sum(q, -1, true), tf.exp(logp)), q)), layout);
      }
      if (needs[1]) {
        const d = tf.mul(tf.neg(g), w ? tf.mul(logp, w) : logp);
        grads[1] = classBack(smoothing > 0 ? tf.mul(d, 1 - smoothing) : d, layout);
      }
      if (w && needs[2]) {
        const perClass = tf.mul(tf.neg(g), tf.mul(t, logp));
        grads[2] = tf.reshape(tf.sum(tf.reshape(perClass, [-1, c]), 0), [c]);
      }
      return grads.slice(0, inputs.length);
    },
  });
}
