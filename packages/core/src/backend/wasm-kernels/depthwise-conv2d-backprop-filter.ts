import { backend_util, type DepthwiseConv2dNativeBackpropFilterAttrs, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelRunner } from './kernel-runner';
import { compositeKernel } from './kernel-scope';

/**
 * @internal The filter gradient of a depthwise convolution, as a depthwise convolution: the input
 * laid out as one image with `C * N` channels (`[1, H, W, C * N]`) correlated with the output
 * gradient as a `[OH, OW, C * N, M]` filter (dilated by the forward stride), summed over the
 * batch. Dilated forward filters are handled as their dense `effective` size, then subsampled.
 */
export function depthwiseBackpropFilterVia(scope: KernelRunner, x: TensorInfo, dy: TensorInfo, attrs: DepthwiseConv2dNativeBackpropFilterAttrs): TensorInfo {
  const { strides, dilations, pad, dimRoundingMode, filterShape } = attrs;
  const info = backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, dilations, pad, dimRoundingMode, true);
  const { batchSize: n, inHeight, inWidth, inChannels: c, outHeight, outWidth, strideHeight, strideWidth, padInfo } = info;
  const { dilationHeight, dilationWidth, effectiveFilterHeight: effH, effectiveFilterWidth: effW } = info;
  const m = filterShape[3];
  const bottom = effH + (outHeight - 1) * strideHeight - inHeight - padInfo.top;
  const right = effW + (outWidth - 1) * strideWidth - inWidth - padInfo.left;
  const image = scope.reshape(scope.transpose(x, [1, 2, 3, 0]), [1, inHeight, inWidth, c * n]);
  const padded = scope.padOrCrop(image, [
    [0, 0],
    [padInfo.top, bottom],
    [padInfo.left, right],
    [0, 0],
  ]);
  const dy5 = scope.reshape(dy, [n, outHeight, outWidth, c, m]);
  const filter = scope.reshape(scope.transpose(dy5, [1, 2, 3, 0, 4]), [outHeight, outWidth, c * n, m]);
  const corr = scope.run('DepthwiseConv2dNative', { x: padded, filter }, { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [strideHeight, strideWidth] });
  const grad = scope.run('Sum', { x: scope.reshape(corr, [effH, effW, c, n, m]) }, { axis: [3], keepDims: false });
  return scope.subsample(grad, [dilationHeight, dilationWidth, 1, 1]);
}

/** @internal A `DepthwiseConv2dNativeBackpropFilter` kernel built from the named backend's other kernels. */
export function depthwiseBackpropFilterKernel(backendName: string): KernelFunc {
  return compositeKernel<DepthwiseConv2dNativeBackpropFilterAttrs>(backendName, ['x', 'dy'], (s, [x, dy], attrs) => depthwiseBackpropFilterVia(s, x, dy, attrs));
}
