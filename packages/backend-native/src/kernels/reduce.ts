import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { floatValues, type KernelArgs, type KernelContext, sizeOf, withFallback } from './kernel-context';
import { outputArray } from './output-pool';

const REDUCE: Record<string, number> = { Sum: 0, Mean: 1, Max: 2, Min: 3, Prod: 4 };

/** @internal `[outer, size, inner]` when the reduced axes are one block once size-1 axes are ignored. */
export function foldAxes(shape: readonly number[], axes: readonly number[]): [number, number, number] | null {
  const reduced = new Set(axes);
  const real = shape.map((d, i) => ({ d, i })).filter(({ d }) => d !== 1);
  const flags = real.map(({ i }) => reduced.has(i));
  const first = flags.indexOf(true);
  if (first < 0) return [sizeOf(shape), 1, 1];
  const last = flags.lastIndexOf(true);
  for (let j = first; j <= last; j++) if (!flags[j]) return null;
  const prod = (from: number, to: number) => real.slice(from, to).reduce((p, { d }) => p * d, 1);
  return [prod(0, first), prod(first, last + 1), prod(last + 1, real.length)];
}

/**
 * Reduces any set of axes in steps, each over one run of neighbouring reduced axes (the last run
 * first): `[outer, size, inner]` every time, no transpose. Sum, mean, max, min and product all
 * compose that way (the runs' sizes are fixed, so a mean of means is the mean).
 */
function reduceInSteps(ctx: KernelContext, op: number, xv: Float32Array, shape: readonly number[], axes: readonly number[]): Float32Array {
  const cur = shape.slice();
  const pending = new Set(axes.filter((a) => shape[a] > 1));
  let values = xv;
  while (pending.size > 0) {
    const hi = Math.max(...pending);
    let lo = hi;
    while (lo > 0 && (pending.has(lo - 1) || cur[lo - 1] === 1)) lo--;
    const outer = sizeOf(cur.slice(0, lo));
    const size = sizeOf(cur.slice(lo, hi + 1));
    const inner = sizeOf(cur.slice(hi + 1));
    const out = outputArray(outer * inner);
    ctx.addon.reduce(op, values, out, outer, size, inner);
    for (let a = lo; a <= hi; a++) {
      cur[a] = 1;
      pending.delete(a);
    }
    values = out;
  }
  return values === xv ? xv.slice() : values;
}

function reducedShape(shape: readonly number[], axes: readonly number[], keepDims: boolean): number[] {
  return keepDims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : shape.filter((_, i) => !axes.includes(i));
}

/** Sum, Mean, Max, Min, Prod of float32 over any axes; ArgMax/ArgMin over one. */
export function reduceKernels(ctx: KernelContext): KernelConfig[] {
  const { util } = ctx.runtime.tf;
  const input = (backend: MathBackendCPU, x: TensorInfo, axis: unknown): [Float32Array, number[]] | null => {
    const xv = floatValues(backend, x);
    if (!xv || xv.length === 0) return null;
    const axes = util.parseAxisParam(axis as number | number[], x.shape);
    if (axes.some((a) => x.shape[a] === 0)) return null;
    return [xv, axes];
  };
  const reductions = Object.entries(REDUCE).map(([name, op]) =>
    withFallback(ctx, name, ({ inputs, backend, attrs }: KernelArgs) => {
      const x = inputs.x;
      // Max and Min name their axes `reductionIndices`, the others `axis`.
      const p = input(backend, x, attrs?.reductionIndices ?? attrs?.axis);
      if (!p) return null;
      const [xv, axes] = p;
      const out = reduceInSteps(ctx, op, xv, x.shape, axes);
      return backend.makeTensorInfo(reducedShape(x.shape, axes, Boolean(attrs?.keepDims)), 'float32', out);
    }),
  );
  const arg = (name: 'ArgMax' | 'ArgMin') =>
    withFallback(ctx, name, ({ inputs, backend, attrs }: KernelArgs) => {
      const x = inputs.x;
      const axes = util.parseAxisParam(attrs?.axis as number | number[], x.shape);
      if (axes.length !== 1) return null;
      const p = input(backend, x, axes);
      const folded = foldAxes(x.shape, axes);
      if (!p || !folded) return null;
      const [xv] = p;
      const [outer, size, inner] = folded;
      const out = new Int32Array(outer * inner);
      ctx.addon.argReduce(name === 'ArgMin', xv, out, outer, size, inner);
      return backend.makeTensorInfo(reducedShape(x.shape, axes, false), 'int32', out);
    });
  return [...reductions, arg('ArgMax'), arg('ArgMin')];
}
