import type { KernelConfig } from '@tensorflow/tfjs-core';
import { floatValues, type KernelArgs, type KernelContext, withFallback } from './kernel-context';
import { outputArray } from './output-pool';

/** `Softmax` over the last axis (the only one tfjs's op passes through the kernel). */
export function softmaxKernels(ctx: KernelContext): KernelConfig[] {
  return [
    withFallback(ctx, 'Softmax', ({ inputs, backend, attrs }: KernelArgs) => {
      const x = inputs.logits;
      const xv = floatValues(backend, x);
      const rank = x.shape.length;
      const dims = ([] as number[]).concat((attrs?.dim as number | number[]) ?? -1).map((d) => (d < 0 ? d + rank : d));
      if (!xv || rank === 0 || dims.length !== 1 || dims[0] !== rank - 1) return null;
      const cols = x.shape[rank - 1];
      if (cols === 0) return null;
      const out = outputArray(xv.length);
      ctx.addon.softmax(xv, out, xv.length / cols, cols, false);
      return backend.makeTensorInfo(x.shape.slice(), 'float32', out);
    }),
  ];
}
