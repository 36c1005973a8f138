import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { floatValues, type KernelArgs, type KernelContext, sizeOf, withFallback } from './kernel-context';
import { outputArray } from './output-pool';

/** @internal tfjs's `activation` attribute as the addon's code (null: not fused natively). */
export function activationCode(activation: unknown): number | null {
  switch (activation ?? 'linear') {
    case 'linear': return 0;
    case 'relu': return 1;
    case 'relu6': return 2;
    case 'elu': return 3;
    case 'leakyrelu': return 4;
    case 'sigmoid': return 5;
    default: return null;
  }
}

/**
 * `BatchMatMul` and `_FusedMatMul` (the Linear path: bias over the last axis and an activation,
 * fused into the product's epilogue). Operands are `[batch, m, k]` x `[batch, k, n]` (transposes
 * by attribute); a batch of 1 broadcasts, as in tfjs's cpu kernel.
 */
export function matmulKernels(ctx: KernelContext): KernelConfig[] {
  const run = ({ inputs, backend, attrs }: KernelArgs, fused: boolean): TensorInfo | null => {
    const { a, b } = inputs;
    const av = floatValues(backend, a);
    const bv = floatValues(backend, b);
    if (!av || !bv || a.shape.length < 2 || b.shape.length < 2) return null;
    const ta = Boolean(attrs?.transposeA);
    const tb = Boolean(attrs?.transposeB);
    const ra = a.shape.length;
    const rb = b.shape.length;
    const m = ta ? a.shape[ra - 1] : a.shape[ra - 2];
    const k = ta ? a.shape[ra - 2] : a.shape[ra - 1];
    const k2 = tb ? b.shape[rb - 1] : b.shape[rb - 2];
    const n = tb ? b.shape[rb - 2] : b.shape[rb - 1];
    if (k !== k2) return null;
    const outerA = a.shape.slice(0, -2);
    const outerB = b.shape.slice(0, -2);
    const batchA = sizeOf(outerA);
    const batchB = sizeOf(outerB);
    // The output batch shape: tfjs broadcasts the outer dimensions.
    const outer = ctx.runtime.tf.backend_util.assertAndGetBroadcastShape(outerA, outerB);
    const batch = sizeOf(outer);
    // tfjs pairs output batch i with batch i % batchA of a and i % batchB of b: the same thing
    // only when one operand has a single batch or both have the same number.
    if ((batchA !== 1 && batchB !== 1 && batchA !== batchB) || batch !== Math.max(batchA, batchB) || batch === 0) return null;
    let bias: Float32Array | null = null;
    let act = 0;
    let alpha = 0;
    if (fused) {
      const code = activationCode(attrs?.activation);
      if (code === null || inputs.preluActivationWeights) return null;
      act = code;
      alpha = Number(attrs?.leakyreluAlpha ?? 0.2);
      if (inputs.bias) {
        // Bias along the last axis ([n] or [1, ..., n]); other shapes go to the cpu kernel.
        const bs = inputs.bias.shape;
        if (sizeOf(bs) !== n || (bs.length > 0 && bs[bs.length - 1] !== n)) return null;
        bias = floatValues(backend, inputs.bias);
        if (!bias) return null;
      }
    }
    const out = outputArray(batch * m * n);
    if (m > 0 && n > 0) ctx.addon.matmul(av, bv, out, batchA, batchB, batch, m, n, k, ta, tb, bias, act, alpha, false);
    return backend.makeTensorInfo([...outer, m, n], 'float32', out);
  };
  return [withFallback(ctx, 'BatchMatMul', (args) => run(args, false)), withFallback(ctx, '_FusedMatMul', (args) => run(args, true))];
}
