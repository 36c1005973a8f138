import type { Tensor } from '../../tensor/tensor';
import { convNd, type ConvOptions } from './conv-nd';
import { assertOptionalTensor, assertTensor } from '../arg-checks';

/**
 * 1-D convolution over an NCL input (PyTorch's `F.conv1d`): `input [N, C, L]` (or unbatched
 * `[C, L]`) with `weight [out, C / groups, k]` and an optional `bias [out]`, giving
 * `[N, out, OL]`. Takes the same options as {@link conv2d}, each one number.
 *
 * @param options `stride` (default 1), `padding` (default 0, or `'valid'` / `'same'`), `dilation` (default 1), `groups` (default 1).
 * @example
 * ```ts
 * const signal = dl.randn([4, 2, 100]);
 * const w = dl.randn([8, 2, 5]);
 * dl.conv1d(signal, w, null, { padding: 'same' }).shape; // [4, 8, 100]
 * ```
 */
export function conv1d(input: Tensor, weight: Tensor, bias?: Tensor | null, options: ConvOptions = {}): Tensor {
  assertTensor(input, 'conv1d');
  assertTensor(weight, 'conv1d', 'weight');
  assertOptionalTensor(bias, 'conv1d', 'bias');
  return convNd('conv1d', 1, input, weight, bias, options);
}
