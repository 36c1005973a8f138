import type { Tensor } from '../../tensor/tensor';
import { convTransposeNd, type ConvTransposeOptions } from './conv-transpose-nd';
import { assertOptionalTensor, assertTensor } from '../arg-checks';

/**
 * 1-D transposed convolution (PyTorch's `F.conv_transpose1d`): `input [N, Cin, L]` (or
 * `[Cin, L]`) with `weight [Cin, Cout / groups, k]` and an optional `bias [Cout]`, giving
 * `[N, Cout, (L - 1) * stride - 2 * padding + dilation * (k - 1) + outputPadding + 1]`.
 *
 * @param options `stride` (default 1), `padding` (default 0), `outputPadding` (default 0), `groups` (default 1), `dilation` (default 1).
 * @example
 * ```ts
 * const x = dl.randn([2, 4, 10]);
 * dl.convTranspose1d(x, dl.randn([4, 2, 3]), null, { stride: 2 }).shape; // [2, 2, 21]
 * ```
 */
export function convTranspose1d(input: Tensor, weight: Tensor, bias?: Tensor | null, options: ConvTransposeOptions = {}): Tensor {
  assertTensor(input, 'convTranspose1d');
  assertTensor(weight, 'convTranspose1d', 'weight');
  assertOptionalTensor(bias, 'convTranspose1d', 'bias');
  return convTransposeNd('convTranspose1d', 1, input, weight, bias, options);
}
