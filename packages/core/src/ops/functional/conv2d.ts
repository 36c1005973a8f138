import type { Tensor } from '../../tensor/tensor';
import { convNd, type ConvOptions } from './conv-nd';
import { assertOptionalTensor, assertTensor } from '../arg-checks';

/**
 * 2-D convolution over an NCHW input (PyTorch's `F.conv2d`): `input [N, C, H, W]` (or unbatched
 * `[C, H, W]`) with `weight [out, C / groups, kH, kW]` and an optional `bias [out]`, giving
 * `[N, out, OH, OW]`. Covers strides, zero padding (numbers, `'valid'`, `'same'`), dilation and
 * groups (depthwise when `groups` equals the input channels). Differentiable in all three inputs.
 *
 * @param options `stride` (default 1), `padding` (default 0), `dilation` (default 1), `groups` (default 1).
 * @example
 * ```ts
 * const x = dl.randn([8, 3, 32, 32]);
 * const w = dl.randn([16, 3, 3, 3], { requiresGrad: true });
 * const y = dl.conv2d(x, w, null, { padding: 1 }); // [8, 16, 32, 32]
 * ```
 */
export function conv2d(input: Tensor, weight: Tensor, bias?: Tensor | null, options: ConvOptions = {}): Tensor {
  assertTensor(input, 'conv2d');
  assertTensor(weight, 'conv2d', 'weight');
  assertOptionalTensor(bias, 'conv2d', 'bias');
  return convNd('conv2d', 2, input, weight, bias, options);
}
