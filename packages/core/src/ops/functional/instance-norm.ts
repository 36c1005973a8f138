import { tf, type TfTensor } from '../../backend/tfjs';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { channelLayout, checkFloat, checkParam, normCore, updateRunning } from './norm-core';
import { assertTensor } from '../arg-checks';

/** Options of `instanceNorm`. */
export interface InstanceNormOptions {
  /** Running mean of shape [C], updated when input statistics are used (or null). */
  runningMean?: Tensor | null;
  /** Running variance of shape [C], updated when input statistics are used (or null). */
  runningVar?: Tensor | null;
  /** Per-channel scale of shape [C] (or null). */
  weight?: Tensor | null;
  /** Per-channel shift of shape [C] (or null). */
  bias?: Tensor | null;
  /** Normalise with each instance's statistics (else with the running ones). @default true */
  useInputStats?: boolean;
  /** Weight of the new statistic in the running update. @default 0.1 */
  momentum?: number;
  /** Added to the variance for numerical stability. @default 1e-5 */
  eps?: number;
}

/**
 * Instance normalisation: each channel of each sample of (N, C, *) input is normalised over its
 * spatial dimensions (PyTorch's `F.instance_norm`). With running statistics and
 * `useInputStats`, they are updated in place with the batch average of the instances' mean and
 * unbiased variance.
 *
 * @param options `runningMean`, `runningVar`, `weight`, `bias` (default null), `useInputStats`
 *   (default true), `momentum` (default 0.1), `eps` (default 1e-5).
 * @example
 * ```ts
 * const y = dl.instanceNorm(dl.randn([2, 3, 8, 8]));
 * ```
 */
export function instanceNorm(input: Tensor, options: InstanceNormOptions = {}): Tensor {
  assertTensor(input, 'instanceNorm');
  const op = 'instanceNorm';
  const { runningMean = null, runningVar = null, weight = null, bias = null } = options;
  const useInputStats = options.useInputStats ?? true;
  const momentum = options.momentum ?? 0.1;
  const eps = options.eps ?? 1e-5;
  checkFloat(input, op, 'input');
  const shape = input.shape;
  if (shape.length < 3) {
    throw new ShapeError(`${op}: expected input of shape (N, C, *) with at least one spatial dimension, got [${shape.join(', ')}]`);
  }
  const [n, c] = shape;
  checkParam(runningMean, [c], op, 'runningMean');
  checkParam(runningVar, [c], op, 'runningVar');
  checkParam(weight, [c], op, 'weight');
  checkParam(bias, [c], op, 'bias');
  if (!(eps >= 0)) throw new ValueError(`${op}: eps must be non-negative, got ${eps}`);
  const { affineShape } = channelLayout(shape);
  const axes: number[] = [];
  for (let i = 2; i < shape.length; i++) axes.push(i);
  if (!useInputStats) {
    if (!runningMean || !runningVar) {
      throw new ValueError(`${op}: runningMean and runningVar are required when useInputStats is false`);
    }
    return normCore({
      name: 'InstanceNorm',
      input,
      weight,
      bias,
      affineShape,
      eps,
      axes,
      fixed: { mean: runningMean._value, variance: runningVar._value, shape: affineShape },
    });
  }
  const count = n * c === 0 ? 0 : input.numel() / (n * c);
  if (count <= 1) {
    throw new ValueError(`${op}: expected more than 1 spatial element when training, got input of shape [${shape.join(', ')}]`);
  }
  return normCore({
    name: 'InstanceNorm',
    input,
    weight,
    bias,
    affineShape,
    eps,
    axes,
    onStats: (mean, variance) => {
      // Running statistics take the batch average of the per-instance statistics.
      const average = (t: TfTensor) => tf.tidy(() => tf.mean(tf.reshape(t, [n, c]), 0));
      if (runningMean) {
        const m = average(mean);
        updateRunning(runningMean, m, momentum);
        m.dispose();
      }
      if (runningVar) {
        const v = average(variance);
        updateRunning(runningVar, v, momentum, count / (count - 1));
        v.dispose();
      }
    },
  });
}
