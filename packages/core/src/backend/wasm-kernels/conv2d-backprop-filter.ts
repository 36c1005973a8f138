import { backend_util, type Conv2DBackpropFilterAttrs, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelRunner } from './kernel-runner';
import { compositeKernel } from './kernel-scope';

/** `Conv2DBackpropFilter`'s attributes, plus the forward dilation (tfjs's kernel has none). */
export type Conv2dBackpropFilterAttrs = Conv2DBackpropFilterAttrs & { dilations?: number | [number, number] };

/**
 * @internal The filter gradient of a convolution, as a convolution itself: correlating the input
 * (channels as batch, batch as channels: `[C, H, W, N]`) with the output gradient used as filter
 * (`[OH, OW, N, O]`, dilated by the forward stride) gives `[C, kH, kW, O]`, the filter gradient
 * up to a transpose. The forward padding stays; the far side is padded (or cropped) so exactly
 * the filter's (dilated) extent comes out; a dilated filter keeps every `dilation`-th tap.
 */
export function conv2dBackpropFilterVia(r: KernelRunner, x: TensorInfo, dy: TensorInfo, attrs: Conv2dBackpropFilterAttrs): TensorInfo {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  const fmt = backend_util.convertConv2DDataFormat(dataFormat);
  const info = backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, attrs.dilations ?? 1, pad, dimRoundingMode, false, fmt);
  const xs = fmt === 'channelsFirst' ? r.transpose(x, [0, 2, 3, 1]) : x;
  const dys = fmt === 'channelsFirst' ? r.transpose(dy, [0, 2, 3, 1]) : dy;
  const { inHeight, inWidth, outHeight, outWidth, strideHeight, strideWidth, padInfo } = info;
  const { dilationHeight, dilationWidth, effectiveFilterHeight: effH, effectiveFilterWidth: effW } = info;
  const bottom = effH + (outHeight - 1) * strideHeight - inHeight - padInfo.top;
  const right = effW + (outWidth - 1) * strideWidth - inWidth - padInfo.left;
  const xT = r.padOrCrop(r.transpose(xs, [3, 1, 2, 0]), [
    [0, 0],
    [padInfo.top, bottom],
    [padInfo.left, right],
    [0, 0],
  ]);
  const dyT = r.transpose(dys, [1, 2, 0, 3]);
  const corr = r.run('Conv2D', { x: xT, filter: dyT }, { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [strideHeight, strideWidth] });
  return r.transpose(r.subsample(corr, [1, dilationHeight, dilationWidth, 1]), [1, 2, 0, 3]);
}

/** @internal A `Conv2DBackpropFilter` kernel built from the named backend's other kernels. */
export function conv2dBackpropFilterKernel(backendName: string): KernelFunc {
  return compositeKernel<Conv2dBackpropFilterAttrs>(backendName, ['x', 'dy'], (s, [x, dy], attrs) => conv2dBackpropFilterVia(s, x, dy, attrs));
}
