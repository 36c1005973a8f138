import type { KernelConfig } from '@tensorflow/tfjs-core';
import { type KernelArgs, type KernelContext, withFallback } from './kernel-context';

/**
 * `Cast` of int32 or bool to float32 as a real float32 copy. The cpu kernel shares the input's
 * storage instead, so every later float32 kernel would read an Int32Array or a Uint8Array (and
 * the native ones would convert it on each read).
 */
export function castKernels(ctx: KernelContext): KernelConfig[] {
  return [
    withFallback(ctx, 'Cast', ({ inputs, backend, attrs }: KernelArgs) => {
      const x = inputs.x;
      if (attrs?.dtype !== 'float32' || (x.dtype !== 'int32' && x.dtype !== 'bool')) return null;
      const v = backend.data.get(x.dataId).values;
      if (!(v instanceof Int32Array || v instanceof Uint8Array)) return null;
      return backend.makeTensorInfo(x.shape.slice(), 'float32', new Float32Array(v));
    }),
  ];
}
