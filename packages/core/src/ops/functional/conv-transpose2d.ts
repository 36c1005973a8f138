import type { Tensor } from '../../tensor/tensor';
import { convTransposeNd, type ConvTransposeOptions } from './conv-transpose-nd';
import { assertOptionalTensor, assertTensor } from '../arg-checks';

/**
 * 2-D transposed convolution (PyTorch's `F.conv_transpose2d`, the gradient of `conv2d` with
 * respect to its input): `input [N, Cin, H, W]` (or `[Cin, H, W]`) with `weight
 * [Cin, Cout / groups, kH, kW]` and an optional `bias [Cout]`, giving `[N, Cout, OH, OW]` where
 * `OH = (H - 1) * stride - 2 * padding + dilation * (kH - 1) + outputPadding + 1`.
 *
 * @param options `stride` (default 1), `padding` (default 0), `outputPadding` (default 0), `groups` (default 1), `dilation` (default 1).
 * @example
 * ```ts
 * const x = dl.randn([1, 16, 8, 8]);
 * const w = dl.randn([16, 8, 4, 4]);
 * dl.convTranspose2d(x, w, null, { stride: 2, padding: 1 }).shape; // [1, 8, 16, 16]
 * ```
 */
export function convTranspose2d(input: Tensor, weight: Tensor, bias?: Tensor | null, options: ConvTransposeOptions = {}): Tensor {
  assertTensor(input, 'convTranspose2d');
  assertTensor(weight, 'convTranspose2d', 'weight');
  assertOptionalTensor(bias, 'convTranspose2d', 'bias');
  return convTransposeNd('convTranspose2d', 2, input, weight, bias, options);
}
