import { backend_util, type Conv2DBackpropInputAttrs, type TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelRunner } from './kernel-runner';

/** `Conv2DBackpropInput`'s attributes (NHWC), plus the forward dilation. */
export type Conv2dBackpropInputAttrs = Conv2DBackpropInputAttrs & { dilations?: number | [number, number] };

/**
 * @internal The input gradient of a convolution as a forward convolution: the output gradient
 * spread by the stride, padded so every input position sees the whole filter, correlated with
 * the filter flipped in space and with in/out channels swapped (dilation kept). On the wasm
 * backend this runs on XNNPACK's convolution, several times faster than its own
 * `Conv2DBackpropInput`.
 */
export function conv2dBackpropInputVia(r: KernelRunner, dy: TensorInfo, filter: TensorInfo, attrs: Conv2dBackpropInputAttrs): TensorInfo {
  const { strides, pad, dimRoundingMode, inputShape } = attrs;
  const info = backend_util.computeConv2DInfo(inputShape, filter.shape as [number, number, number, number], strides, attrs.dilations ?? 1, pad, dimRoundingMode);
  const { inHeight, inWidth, strideHeight, strideWidth, padInfo, dilationHeight, dilationWidth } = info;
  const { effectiveFilterHeight: effH, effectiveFilterWidth: effW } = info;
  const spread = r.spread(dy, strideHeight, strideWidth);
  const top = effH - 1 - padInfo.top;
  const left = effW - 1 - padInfo.left;
  const padded = r.padOrCrop(spread, [
    [0, 0],
    [top, inHeight + effH - 1 - top - spread.shape[1]],
    [left, inWidth + effW - 1 - left - spread.shape[2]],
    [0, 0],
  ]);
  const flipped = r.transpose(r.run('Reverse', { x: filter }, { dims: [0, 1] }), [0, 1, 3, 2]);
  return r.run('Conv2D', { x: padded, filter: flipped }, { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [dilationHeight, dilationWidth] });
}
