import type { backend_util, KernelConfig } from '@tensorflow/tfjs-core';
import { floatValues, type KernelArgs, type KernelContext, sizeOf, withFallback } from './kernel-context';
import { activationCode } from './matmul';

/** @internal The addon's convolution geometry (src/native/conv.h) from tfjs's conv info. */
export function convGeometry(c: backend_util.Conv2DInfo): Int32Array {
  return Int32Array.of(
    c.batchSize, c.inHeight, c.inWidth, c.inChannels, c.filterHeight, c.filterWidth, c.outChannels, c.outHeight, c.outWidth,
    c.strideHeight, c.strideWidth, c.dilationHeight, c.dilationWidth, c.padInfo.top, c.padInfo.left,
  );
}

type Shape4 = [number, number, number, number];

/**
 * Conv2D, FusedConv2D (bias and activation in the GEMM epilogue) and both gradients, NHWC (the
 * layout @dl/core uses; NCHW stays on the cpu kernels).
 */
export function convKernels(ctx: KernelContext): KernelConfig[] {
  const { backend_util: bu } = ctx.runtime.tf;
  const nhwc = (attrs: Record<string, unknown> | undefined) => bu.convertConv2DDataFormat((attrs?.dataFormat as 'NHWC' | 'NCHW') ?? 'NHWC') === 'channelsLast';
  const info = (xShape: number[], filterShape: number[], attrs: Record<string, unknown> | undefined, dilations: unknown) =>
    bu.computeConv2DInfo(
      xShape as Shape4, filterShape as Shape4, attrs?.strides as [number, number], dilations as [number, number],
      attrs?.pad as 'same', attrs?.dimRoundingMode as 'floor' | undefined, false, 'channelsLast',
    );

  const forward = (fused: boolean) => ({ inputs, backend, attrs }: KernelArgs) => {
    const { x, filter } = inputs;
    const xv = floatValues(backend, x);
    const wv = floatValues(backend, filter);
    if (!xv || !wv || !nhwc(attrs) || x.shape.length !== 4) return null;
    const c = info(x.shape, filter.shape, attrs, attrs?.dilations ?? 1);
    let bias: Float32Array | null = null;
    let act = 0;
    if (fused) {
      const code = activationCode(attrs?.activation);
      if (code === null || inputs.preluActivationWeights) return null;
      act = code;
      if (inputs.bias) {
        if (sizeOf(inputs.bias.shape) !== c.outChannels) return null;
        bias = floatValues(backend, inputs.bias);
        if (!bias) return null;
      }
    }
    const out = new Float32Array(sizeOf(c.outShape));
    if (out.length > 0) ctx.addon.conv2d(xv, wv, out, convGeometry(c), bias, act, Number(attrs?.leakyreluAlpha ?? 0.2));
    return backend.makeTensorInfo(c.outShape.slice(), 'float32', out);
  };

  const backpropInput = withFallback(ctx, 'Conv2DBackpropInput', ({ inputs, backend, attrs }: KernelArgs) => {
    const { dy, filter } = inputs;
    const dyv = floatValues(backend, dy);
    const wv = floatValues(backend, filter);
    if (!dyv || !wv || !nhwc(attrs)) return null;
    const inputShape = attrs?.inputShape as number[];
    const c = info(inputShape, filter.shape, attrs, 1);
    const dx = new Float32Array(sizeOf(inputShape));
    if (dx.length > 0) ctx.addon.conv2dBackpropInput(dyv, wv, dx, convGeometry(c));
    return backend.makeTensorInfo(inputShape.slice(), 'float32', dx);
  });

  const backpropFilter = withFallback(ctx, 'Conv2DBackpropFilter', ({ inputs, backend, attrs }: KernelArgs) => {
    const { x, dy } = inputs;
    const xv = floatValues(backend, x);
    const dyv = floatValues(backend, dy);
    if (!xv || !dyv || !nhwc(attrs)) return null;
    const filterShape = attrs?.filterShape as number[];
    const c = info(x.shape, filterShape, attrs, 1);
    const dw = new Float32Array(sizeOf(filterShape));
    if (dw.length > 0) ctx.addon.conv2dBackpropFilter(xv, dyv, dw, convGeometry(c));
    return backend.makeTensorInfo(filterShape.slice(), 'float32', dw);
  });

  return [withFallback(ctx, 'Conv2D', forward(false)), withFallback(ctx, 'FusedConv2D', forward(true)), backpropInput, backpropFilter];
}
