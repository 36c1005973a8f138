import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { runOp } from '../../autograd/run-op';
import { hasOptionalKernel, OPTIONAL_KERNELS, runOptionalKernel } from '../../backend/optional-kernels';
import type { TfTensor } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { channelLayout, checkFloat, checkParam, normCore, updateRunning } from './norm-core';
import { assertOptionalTensor, assertTensor } from '../arg-checks';

/** Options of `batchNorm`. */
export interface BatchNormOptions {
  /** Normalise with the batch's statistics and update the running ones (else use the running ones). @default false */
  training?: boolean;
  /**
   * Weight of the batch statistic in the running update `running = (1 - momentum) * running +
   * momentum * batch`. For PyTorch's cumulative average (`momentum=None`), pass
   * `1 / numBatchesTracked`. @default 0.1
   */
  momentum?: number;
  /** Added to the variance for numerical stability. @default 1e-5 */
  eps?: number;
}

/**
 * Batch normalisation over the channel dimension of (N, C), (N, C, L) or (N, C, H, W, ...)
 * input (PyTorch's `F.batch_norm`). In training the batch's mean and biased variance normalise,
 * and the running statistics are updated in place with the unbiased variance; in evaluation the
 * running statistics normalise.
 *
 * @param runningMean running mean of shape [C], updated in training (or null to keep none).
 * @param runningVar running variance of shape [C], updated in training (or null).
 * @param weight per-channel scale of shape [C] (or null).
 * @param bias per-channel shift of shape [C] (or null).
 * @param options `training` (default false), `momentum` (default 0.1), `eps` (default 1e-5).
 * @example
 * ```ts
 * const x = dl.randn([8, 3, 4, 4]);
 * const mean = dl.zeros([3]), variance = dl.ones([3]);
 * const y = dl.batchNorm(x, mean, variance, null, null, { training: true });
 * ```
 */
export function batchNorm(
  input: Tensor,
  runningMean: Tensor | null,
  runningVar: Tensor | null,
  weight: Tensor | null = null,
  bias: Tensor | null = null,
  options: BatchNormOptions = {},
): Tensor {
  assertTensor(input, 'batchNorm');
  assertOptionalTensor(runningMean, 'batchNorm', 'runningMean');
  assertOptionalTensor(runningVar, 'batchNorm', 'runningVar');
  assertOptionalTensor(weight, 'batchNorm', 'weight');
  assertOptionalTensor(bias, 'batchNorm', 'bias');
  const op = 'batchNorm';
  const training = options.training ?? false;
  const momentum = options.momentum ?? 0.1;
  const eps = options.eps ?? 1e-5;
  checkFloat(input, op, 'input');
  const shape = input.shape;
  if (shape.length < 2) {
    throw new ShapeError(`${op}: expected input of shape (N, C) or (N, C, *), got [${shape.join(', ')}]`);
  }
  const c = shape[1];
  checkParam(runningMean, [c], op, 'runningMean');
  checkParam(runningVar, [c], op, 'runningVar');
  checkParam(weight, [c], op, 'weight');
  checkParam(bias, [c], op, 'bias');
  if (!Number.isFinite(momentum)) throw new ValueError(`${op}: momentum must be a finite number, got ${momentum}`);
  if (!(eps >= 0)) throw new ValueError(`${op}: eps must be non-negative, got ${eps}`);
  const { axes, affineShape } = channelLayout(shape);
  if (!training) {
    if (!runningMean || !runningVar) {
      throw new ValueError(`${op}: runningMean and runningVar are required when training is false`);
    }
    return normCore({
      name: 'BatchNorm',
      input,
      weight,
      bias,
      affineShape,
      eps,
      axes,
      fixed: { mean: runningMean._value, variance: runningVar._value, shape: affineShape },
    });
  }
  const count = input.numel() / c;
  if (count <= 1) {
    throw new ValueError(`${op}: expected more than 1 value per channel when training, got input of shape [${shape.join(', ')}]`);
  }
  if (hasOptionalKernel(OPTIONAL_KERNELS.batchNormTrain)) return batchNormTrainFused(input, runningMean, runningVar, weight, bias, momentum, eps, count);
  return normCore({
    name: 'BatchNorm',
    input,
    weight,
    bias,
    affineShape,
    eps,
    axes,
    onStats: (mean, variance) => {
      if (runningMean) updateRunning(runningMean, mean, momentum);
      if (runningVar) updateRunning(runningVar, variance, momentum, count / (count - 1));
    },
  });
}

/**
 * Training-mode batch normalisation on a backend with a fused kernel (@dl/backend-native's
 * `DlBatchNormTrain`: statistics and the affine transform in two passes over the input, and one
 * kernel for all three gradients), with the same results and running-statistics update as the
 * portable path.
 */
function batchNormTrainFused(
  input: Tensor,
  runningMean: Tensor | null,
  runningVar: Tensor | null,
  weight: Tensor | null,
  bias: Tensor | null,
  momentum: number,
  eps: number,
  count: number,
): Tensor {
  const inputs: Tensor[] = [input];
  const wAt = weight ? inputs.push(weight) - 1 : -1;
  const bAt = bias ? inputs.push(bias) - 1 : -1;
  return runOp({
    name: 'BatchNorm',
    inputs,
    save: { inputs: wAt >= 0 ? [0, wAt] : [0] },
    forward: () => {
      const raw: Record<string, TfTensor> = { x: input._value };
      if (weight) raw.weight = weight._value;
      if (bias) raw.bias = bias._value;
      const [y, mean, variance, invstd] = runOptionalKernel(OPTIONAL_KERNELS.batchNormTrain, raw, { eps });
      try {
        if (runningMean) updateRunning(runningMean, mean, momentum);
        if (runningVar) updateRunning(runningVar, variance, momentum, count / (count - 1));
      } finally {
        variance.dispose();
      }
      return [y, mean, invstd];
    },
    backward: (dy, saved) => {
      const x = saved[0];
      const w = wAt >= 0 ? saved[1] : null;
      const [mean, invstd] = saved.slice(saved.length - 2);
      const raw: Record<string, TfTensor> = { dy, x, mean, invstd };
      if (w) raw.weight = w;
      const [dx, dweight, dbias] = runOptionalKernel(OPTIONAL_KERNELS.batchNormTrainGrad, raw, {});
      const grads: (TfTensor | null)[] = inputs.map(() => null);
      grads[0] = dx;
      if (wAt >= 0) grads[wAt] = dweight;
      else dweight.dispose();
      if (bAt >= 0) grads[bAt] = dbias;
      else dbias.dispose();
      return grads;
    },
  });
}
