import type { backend_util, KernelConfig } from '@tensorflow/tfjs-core';
import { floatValues, type KernelArgs, type KernelContext, sizeOf, withFallback } from './kernel-context';

/** @internal The addon's pooling geometry (src/native/pool.h). */
export function poolGeometry(c: backend_util.Conv2DInfo): Int32Array {
  return Int32Array.of(
    c.batchSize, c.inHeight, c.inWidth, c.inChannels, c.outHeight, c.outWidth, c.filterHeight, c.filterWidth,
    c.strideHeight, c.strideWidth, c.dilationHeight, c.dilationWidth, c.padInfo.top, c.padInfo.left,
  );
}

type Shape4 = [number, number, number, number];

/** MaxPool, AvgPool and their gradients (NHWC, no dilation: tfjs's pooling kernels take none). */
export function poolKernels(ctx: KernelContext): KernelConfig[] {
  const { backend_util: bu } = ctx.runtime.tf;
  const info = (shape: number[], attrs: Record<string, unknown> | undefined) =>
    bu.computePool2DInfo(shape as Shape4, attrs?.filterSize as [number, number], attrs?.strides as [number, number], 1, attrs?.pad as 'same', attrs?.dimRoundingMode as 'floor' | undefined);

  const forward = (max: boolean) => ({ inputs, backend, attrs }: KernelArgs) => {
    const x = inputs.x;
    const xv = floatValues(backend, x);
    if (!xv || x.shape.length !== 4) return null;
    const c = info(x.shape, attrs);
    const out = new Float32Array(sizeOf(c.outShape));
    if (out.length > 0) ctx.addon.pool2d(max, xv, out, poolGeometry(c));
    return backend.makeTensorInfo(c.outShape.slice(), 'float32', out);
  };

  const maxGrad = withFallback(ctx, 'MaxPoolGrad', ({ inputs, backend, attrs }: KernelArgs) => {
    const { dy, input } = inputs;
    const dyv = floatValues(backend, dy);
    const xv = floatValues(backend, input);
    if (!dyv || !xv) return null;
    const c = info(input.shape, attrs);
    const dx = new Float32Array(xv.length);
    if (dx.length > 0) ctx.addon.maxPool2dGrad(xv, dyv, dx, poolGeometry(c));
    return backend.makeTensorInfo(input.shape.slice(), 'float32', dx);
  });

  const avgGrad = withFallback(ctx, 'AvgPoolGrad', ({ inputs, backend, attrs }: KernelArgs) => {
    const { dy, input } = inputs;
    const dyv = floatValues(backend, dy);
    if (!dyv) return null;
    const c = info(input.shape, attrs);
    const dx = new Float32Array(sizeOf(input.shape));
    if (dx.length > 0) ctx.addon.avgPool2dGrad(dyv, dx, poolGeometry(c));
    return backend.makeTensorInfo(input.shape.slice(), 'float32', dx);
  });

  return [withFallback(ctx, 'MaxPool', forward(true)), withFallback(ctx, 'AvgPool', forward(false)), maxGrad, avgGrad];
}
