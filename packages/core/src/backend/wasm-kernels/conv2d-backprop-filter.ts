import { backend_util, type Conv2DBackpropFilterAttrs, type KernelBackend, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { KernelScope } from './kernel-scope';

/**
 * @internal The filter gradient of a convolution, as a convolution itself: correlating the input
 * (channels as batch, batch as channels: `[C, H, W, N]`) with the output gradient used as filter
 * (`[OH, OW, N, O]`, dilated by the forward stride) gives `[C, kH, kW, O]`, the filter gradient
 * up to a transpose. The forward padding stays; the far side is padded (or cropped) so exactly
 * `kH x kW` positions come out.
 */
export function conv2dBackpropFilterVia(scope: KernelScope, x: TensorInfo, dy: TensorInfo, attrs: Conv2DBackpropFilterAttrs): TensorInfo {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  const fmt = backend_util.convertConv2DDataFormat(dataFormat);
  const info = backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false, fmt);
  let xs = x;
  let dys = dy;
  if (fmt === 'channelsFirst') {
    xs = scope.transpose(x, [0, 2, 3, 1]);
    dys = scope.transpose(dy, [0, 2, 3, 1]);
  }
  const { inHeight, inWidth, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;
  const bottom = filterHeight + (outHeight - 1) * strideHeight - inHeight - padInfo.top;
  const right = filterWidth + (outWidth - 1) * strideWidth - inWidth - padInfo.left;
  const xT = scope.padOrCrop(scope.transpose(xs, [3, 1, 2, 0]), [
    [0, 0],
    [padInfo.top, bottom],
    [padInfo.left, right],
    [0, 0],
  ]);
  const dyT = scope.transpose(dys, [1, 2, 0, 3]);
  const out = scope.run('Conv2D', { x: xT, filter: dyT }, { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [strideHeight, strideWidth] });
  return scope.transpose(out, [1, 2, 0, 3]);
}

/** @internal A `Conv2DBackpropFilter` kernel built from the named backend's other kernels. */
export function conv2dBackpropFilterKernel(backendName: string): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const scope = new KernelScope(backend as KernelBackend, backendName);
    try {
      const out = conv2dBackpropFilterVia(scope, inputs.x as TensorInfo, inputs.dy as TensorInfo, attrs as unknown as Conv2DBackpropFilterAttrs);
      return scope.finish(out);
    } catch (e) {
      scope.abort();
      throw e;
    }
  };
}
