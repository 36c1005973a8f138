import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { checkFloat, checkNoGrad } from './checks';
import { checkClassWeight, checkIndexTarget, classBack, classLast, classLayout, denseCoefficients, indexCoefficients, positionLosses, reducePositions } from './class-target';
import { checkReduction, type Reduction } from './reduction';
import { assertTensor } from '../arg-checks';

/** Options of `nllLoss`. */
export interface NllLossOptions {
  /** Per-class rescaling weight of shape [C] (not differentiable, as in PyTorch). @default null */
  weight?: Tensor | null;
  /** Targets equal to this are ignored. @default -100 */
  ignoreIndex?: number;
  /** 'mean' (divides by the summed weights of the counted targets) | 'sum' | 'none'. @default 'mean' */
  reduction?: Reduction;
}

/**
 * Negative log likelihood of log-probabilities at the target classes, `-w[t] input[t]`
 * (PyTorch's `F.nll_loss`). Input is (C), (N, C) or (N, C, d1, ...) log-probabilities; target
 * holds int32 class indices of the input's shape without C.
 *
 * @param options `weight` (default null), `ignoreIndex` (default -100), `reduction` (default 'mean').
 * @example
 * ```ts
 * const logp = dl.logSoftmax(dl.tensor([[2, 0, 0], [0, 3, 0]]), 1);
 * dl.nllLoss(logp, dl.tensor([0, 1], { dtype: 'int32' })).item(); // 0.1672
 * ```
 */
export function nllLoss(input: Tensor, target: Tensor, options: NllLossOptions = {}): Tensor {
  assertTensor(input, 'nllLoss');
  assertTensor(target, 'nllLoss', 'target');
  const op = 'nllLoss';
  const reduction = checkReduction(options.reduction ?? 'mean', op);
  checkFloat(input, op, 'input');
  const layout = classLayout(input, op);
  const weight = options.weight ?? null;
  if (weight) checkClassWeight(weight, layout, op);
  const ignoreIndex = options.ignoreIndex ?? -100;
  const targetValues = checkIndexTarget(input, target, layout, ignoreIndex, op, false);
  checkNoGrad(weight, op, 'weight');
  const k = indexCoefficients(targetValues, weight ? (weight.dataSync() as Float32Array) : null, layout, ignoreIndex, reduction, 0);
  return runOp({
    name: 'NllLoss',
    inputs: [input],
    forward: () =>
      tf.tidy(() => {
        const perPosition = positionLosses(classLast(input._value, layout), k, layout);
        return [reducePositions(perPosition, reduction, k.undefinedMean), denseCoefficients(k, layout)];
      }),
    backward: (dy, [q]) => {
      const g = reduction === 'none' ? tf.expandDims(dy, -1) : dy;
      return [classBack(tf.neg(tf.mul(g, q)), layout)];
    },
  });
}
