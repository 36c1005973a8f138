import type { KernelConfig } from '@tensorflow/tfjs-core';
import { floatValues, type KernelArgs, type KernelContext, withFallback } from './kernel-context';
import { outputArray } from './output-pool';

/** The addon's codes (src/native/elementwise.h), by tfjs kernel name. */
const UNARY: Record<string, number> = {
  Relu: 0, Relu6: 1, Elu: 2, LeakyRelu: 3, Sigmoid: 4, Exp: 5, Log: 6, Neg: 7, Sqrt: 8, Rsqrt: 9, Square: 10, Abs: 11,
  Tanh: 12, Reciprocal: 13, Step: 14, Softplus: 15, Log1p: 16, Expm1: 17, Sin: 18, Cos: 19, Floor: 20, Ceil: 21, Sign: 22,
};

/** Float32 unary ops (other dtypes stay on the cpu kernels). */
export function unaryKernels(ctx: KernelContext): KernelConfig[] {
  return Object.entries(UNARY).map(([name, op]) =>
    withFallback(ctx, name, ({ inputs, backend, attrs }: KernelArgs) => {
      const x = inputs.x;
      const xv = floatValues(backend, x);
      if (!xv) return null;
      const out = outputArray(xv.length);
      const alpha = name === 'Step' ? Number(attrs?.alpha ?? 0) : Number(attrs?.alpha ?? 0.2);
      if (xv.length > 0) ctx.addon.unary(op, xv, out, alpha);
      return backend.makeTensorInfo(x.shape.slice(), 'float32', out);
    }),
  );
}
