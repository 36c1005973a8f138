import type { Tensor } from '../../tensor/tensor';
import { channelMaskShape, channelRank, dropoutCore, type DropoutOptions } from './dropout-core';
import { assertTensor } from '../arg-checks';

/**
 * Randomly zeroes whole channels of (N, C, D, H, W) or (C, D, H, W) input with probability `p` and scales
 * the rest by `1 / (1 - p)` (PyTorch's `F.dropout3d`).
 *
 * @param options `p` (default 0.5), `training` (default true), `generator` (default the global one),
 *   `inplace` (default false).
 * @example
 * ```ts
 * const y = dl.dropout3d(dl.randn([2, 4, 8, 8, 8]), { p: 0.2 });
 * ```
 */
export function dropout3d(input: Tensor, options: DropoutOptions = {}): Tensor {
  assertTensor(input, 'dropout3d');
  const batched = channelRank(input, 'dropout3d', 3);
  return dropoutCore('Dropout3d', 'dropout3d', input, options, channelMaskShape(input.shape, batched), false);
}
