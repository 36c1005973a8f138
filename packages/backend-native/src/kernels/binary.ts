import type { KernelConfig } from '@tensorflow/tfjs-core';
import { broadcastPlan } from './broadcast';
import { floatValues, type KernelArgs, type KernelContext, sizeOf, withFallback } from './kernel-context';
import { outputArray } from './output-pool';

/** The addon's codes (src/native/elementwise.h), by tfjs kernel name. */
const ARITHMETIC: Record<string, number> = { Add: 0, Sub: 1, Multiply: 2, RealDiv: 3, Maximum: 4, Minimum: 5, SquaredDifference: 6 };
const COMPARISON: Record<string, number> = { Greater: 20, GreaterEqual: 21, Less: 22, LessEqual: 23, Equal: 24, NotEqual: 25 };

/**
 * Float32 binary ops with broadcasting: the arithmetic ones give float32, the comparisons bool.
 * Other dtypes (int32 indices, bools) stay on the cpu kernels.
 */
export function binaryKernels(ctx: KernelContext): KernelConfig[] {
  const { tf } = ctx.runtime;
  const make = (name: string, op: number, compare: boolean) =>
    withFallback(ctx, name, ({ inputs, backend }: KernelArgs) => {
      const { a, b } = inputs;
      const av = floatValues(backend, a);
      const bv = floatValues(backend, b);
      if (!av || !bv) return null;
      const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
      const size = sizeOf(outShape);
      const plan = broadcastPlan(outShape, [a.shape, b.shape]);
      if (!plan) return null;
      const out = compare ? new Uint8Array(size) : outputArray(size);
      if (size > 0) ctx.addon.binary(op, av, bv, out, plan.shape, plan.strides[0], plan.strides[1]);
      return backend.makeTensorInfo(outShape, compare ? 'bool' : 'float32', out);
    });
  return [
    ...Object.entries(ARITHMETIC).map(([name, op]) => make(name, op, false)),
    ...Object.entries(COMPARISON).map(([name, op]) => make(name, op, true)),
  ];
}
