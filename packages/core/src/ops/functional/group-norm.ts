import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { channelLayout, checkFloat, checkParam, normCore } from './norm-core';
import { assertOptionalTensor, assertTensor } from '../arg-checks';

/** Options of `groupNorm`. */
export interface GroupNormOptions {
  /** Added to the variance for numerical stability. @default 1e-5 */
  eps?: number;
}

/**
 * Group normalisation: the channels of (N, C, *) input are split into `numGroups` groups, each
 * group of each sample is normalised with its own mean and biased variance, then a per-channel
 * affine transform is applied (PyTorch's `F.group_norm`).
 *
 * @param numGroups number of groups; must divide the number of channels.
 * @param weight per-channel scale of shape [C] (or null).
 * @param bias per-channel shift of shape [C] (or null).
 * @param options `eps` (default 1e-5).
 * @example
 * ```ts
 * const y = dl.groupNorm(dl.randn([2, 6, 8, 8]), 3);
 * ```
 */
export function groupNorm(
  input: Tensor,
  numGroups: number,
  weight: Tensor | null = null,
  bias: Tensor | null = null,
  options: GroupNormOptions = {},
): Tensor {
  assertTensor(input, 'groupNorm');
  assertOptionalTensor(weight, 'groupNorm', 'weight');
  assertOptionalTensor(bias, 'groupNorm', 'bias');
  const op = 'groupNorm';
  const eps = options.eps ?? 1e-5;
  checkFloat(input, op, 'input');
  const shape = input.shape;
  if (shape.length < 2) {
    throw new ShapeError(`${op}: expected input of shape (N, C, *), got [${shape.join(', ')}]`);
  }
  const c = shape[1];
  if (!Number.isInteger(numGroups) || numGroups <= 0 || c % numGroups !== 0) {
    throw new ValueError(
      `${op}: expected the number of channels in input to be divisible by numGroups, but got input of shape [${shape.join(', ')}] and numGroups=${numGroups}`,
    );
  }
  if (!(eps >= 0)) throw new ValueError(`${op}: eps must be non-negative, got ${eps}`);
  checkParam(weight, [c], op, 'weight');
  checkParam(bias, [c], op, 'bias');
  const n = shape[0];
  const perGroup = n * numGroups === 0 ? 0 : input.numel() / (n * numGroups);
  const { affineShape } = channelLayout(shape);
  return normCore({ name: 'GroupNorm', input, weight, bias, affineShape, eps, viewShape: [n, numGroups, perGroup], axes: [2] });
}
