import type { Tensor } from '../../tensor/tensor';
import { channelMaskShape, channelRank, dropoutCore, type DropoutOptions } from './dropout-core';
import { assertTensor } from '../arg-checks';

/**
 * Randomly zeroes whole channels of (N, C, H, W) or (C, H, W) input with probability `p` and scales
 * the rest by `1 / (1 - p)` (PyTorch's `F.dropout2d`).
 *
 * @param options `p` (default 0.5), `training` (default true), `generator` (default the global one),
 *   `inplace` (default false).
 * @example
 * ```ts
 * const y = dl.dropout2d(dl.randn([8, 16, 28, 28]), { p: 0.2 });
 * ```
 */
export function dropout2d(input: Tensor, options: DropoutOptions = {}): Tensor {
  assertTensor(input, 'dropout2d');
  const batched = channelRank(input, 'dropout2d', 2);
  return dropoutCore('Dropout2d', 'dropout2d', input, options, channelMaskShape(input.shape, batched), false);
}
