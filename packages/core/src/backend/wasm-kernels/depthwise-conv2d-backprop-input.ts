import { backend_util, type DepthwiseConv2dNativeBackpropInputAttrs, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelRunner } from './kernel-runner';
import { compositeKernel } from './kernel-scope';

/**
 * @internal The input gradient of a depthwise convolution, as a depthwise convolution: the
 * output gradient spread by the stride (zeros between rows and columns), padded so every input
 * position sees the whole flipped filter, correlated with the flipped filter channel by channel
 * (`C * M` channels, dilation kept), then summed over the multiplier `M`.
 */
export function depthwiseBackpropInputVia(scope: KernelRunner, dy: TensorInfo, filter: TensorInfo, attrs: DepthwiseConv2dNativeBackpropInputAttrs): TensorInfo {
  const { strides, dilations, pad, dimRoundingMode, inputShape } = attrs;
  const [kh, kw, c, m] = filter.shape;
  const info = backend_util.computeConv2DInfo(inputShape, filter.shape as [number, number, number, number], strides, dilations, pad, dimRoundingMode, true);
  const { batchSize: n, inHeight, inWidth, strideHeight: sh, strideWidth: sw, padInfo } = info;
  const { dilationHeight, dilationWidth, effectiveFilterHeight: effH, effectiveFilterWidth: effW } = info;
  const spread = scope.spread(dy, sh, sw);
  const top = effH - 1 - padInfo.top;
  const left = effW - 1 - padInfo.left;
  const padded = scope.padOrCrop(spread, [
    [0, 0],
    [top, inHeight + effH - 1 - top - spread.shape[1]],
    [left, inWidth + effW - 1 - left - spread.shape[2]],
    [0, 0],
  ]);
  const flipped = scope.reshape(scope.run('Reverse', { x: filter }, { dims: [0, 1] }), [kh, kw, c * m, 1]);
  const corr = scope.run('DepthwiseConv2dNative', { x: padded, filter: flipped }, { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [dilationHeight, dilationWidth] });
  if (m === 1) return corr;
  return scope.run('Sum', { x: scope.reshape(corr, [n, inHeight, inWidth, c, m]) }, { axis: [4], keepDims: false });
}

/** @internal A `DepthwiseConv2dNativeBackpropInput` kernel built from the named backend's other kernels. */
export function depthwiseBackpropInputKernel(backendName: string): KernelFunc {
  return compositeKernel<DepthwiseConv2dNativeBackpropInputAttrs>(backendName, ['dy', 'filter'], (s, [dy, filter], attrs) => depthwiseBackpropInputVia(s, dy, filter, attrs));
}
