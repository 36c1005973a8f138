import type { Tensor } from '../../tensor/tensor';
import { dropoutCore, type DropoutOptions } from './dropout-core';
import { assertTensor } from '../arg-checks';

export type { DropoutOptions } from './dropout-core';

/**
 * Randomly zeroes elements with probability `p` and scales the rest by `1 / (1 - p)`, so the
 * expected value is unchanged (PyTorch's `F.dropout`). Returns the input itself when
 * `training` is false or `p` is 0.
 *
 * @param options `p` (default 0.5), `training` (default true), `generator` (default the global one),
 *   `inplace` (default false).
 * @example
 * ```ts
 * const y = dl.dropout(dl.ones([4, 4]), { p: 0.25 }); // entries are 0 or 1.3333
 * ```
 */
export function dropout(input: Tensor, options: DropoutOptions = {}): Tensor {
  assertTensor(input, 'dropout');
  return dropoutCore('Dropout', 'dropout', input, options, null, false);
}
