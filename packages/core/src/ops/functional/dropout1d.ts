import type { Tensor } from '../../tensor/tensor';
import { channelMaskShape, channelRank, dropoutCore, type DropoutOptions } from './dropout-core';
import { assertTensor } from '../arg-checks';

/**
 * Randomly zeroes whole channels of (N, C, L) or (C, L) input with probability `p` and scales
 * the rest by `1 / (1 - p)` (PyTorch's `F.dropout1d`).
 *
 * @param options `p` (default 0.5), `training` (default true), `generator` (default the global one),
 *   `inplace` (default false).
 * @example
 * ```ts
 * const y = dl.dropout1d(dl.randn([8, 16, 100]), { p: 0.2 });
 * ```
 */
export function dropout1d(input: Tensor, options: DropoutOptions = {}): Tensor {
  assertTensor(input, 'dropout1d');
  const batched = channelRank(input, 'dropout1d', 1);
  return dropoutCore('Dropout1d', 'dropout1d', input, options, channelMaskShape(input.shape, batched), false);
}
