import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { Values } from '../backend/runtime';
import { mergeDims } from './broadcast';
import { type KernelArgs, type KernelContext, sizeOf, stridesOf, withFallback } from './kernel-context';

/** Storage the addon can copy: numeric typed arrays (not strings, not complex tensors). */
function copyable(backend: MathBackendCPU, t: TensorInfo): Values | null {
  if (t.dtype === 'string' || t.dtype === 'complex64') return null;
  const v = backend.data.get(t.dataId).values;
  return v instanceof Float32Array || v instanceof Int32Array || v instanceof Uint8Array ? v : null;
}

function like(v: Values, n: number): Values {
  return v instanceof Float32Array ? new Float32Array(n) : v instanceof Int32Array ? new Int32Array(n) : new Uint8Array(n);
}

/** Transpose, Slice (strided cases), PadV2 and Concat as strided copies; GatherV2 along one axis. */
export function copyKernels(ctx: KernelContext): KernelConfig[] {
  const { tf } = ctx.runtime;
  const copy = (src: Values, dst: Values, shape: number[], ss: number[], ds: number[], so = 0, dof = 0): boolean => {
    const plan = mergeDims(shape, [ss, ds]);
    if (!plan) return false;
    ctx.addon.copy(src, dst, plan.shape, plan.strides[0], plan.strides[1], so, dof);
    return true;
  };

  const transpose = withFallback(ctx, 'Transpose', ({ inputs, backend, attrs }: KernelArgs) => {
    const x = inputs.x;
    const xv = copyable(backend, x);
    const perm = attrs?.perm as number[];
    if (!xv || !perm) return null;
    const outShape = perm.map((p) => x.shape[p]);
    const st = stridesOf(x.shape);
    const out = like(xv, xv.length);
    if (xv.length > 0 && !copy(xv, out, outShape, perm.map((p) => st[p]), stridesOf(outShape))) return null;
    return backend.makeTensorInfo(outShape, x.dtype, out);
  });

  const slice = withFallback(ctx, 'Slice', ({ inputs, backend, attrs }: KernelArgs) => {
    const x = inputs.x;
    const xv = copyable(backend, x);
    if (!xv) return null;
    const [begin, size] = tf.slice_util.parseSliceParams(x as never, attrs?.begin as number[], attrs?.size as number[]);
    tf.slice_util.assertParamsValid(x as never, begin, size);
    // A contiguous slice is a view in the cpu kernel: nothing to gain.
    if (tf.slice_util.isSliceContinous(x.shape, begin, size) || sizeOf(size) === 0) return null;
    const st = stridesOf(x.shape);
    const offset = begin.reduce((o, b, i) => o + b * st[i], 0);
    const out = like(xv, sizeOf(size));
    if (!copy(xv, out, size, st, stridesOf(size), offset, 0)) return null;
    return backend.makeTensorInfo(size, x.dtype, out);
  });

  const pad = withFallback(ctx, 'PadV2', ({ inputs, backend, attrs }: KernelArgs) => {
    const x = inputs.x;
    const xv = copyable(backend, x);
    const paddings = attrs?.paddings as [number, number][];
    if (!xv || !paddings || paddings.some(([a, b]) => a < 0 || b < 0)) return null;
    const outShape = x.shape.map((d, i) => paddings[i][0] + d + paddings[i][1]);
    const out = like(xv, sizeOf(outShape));
    const value = Number(attrs?.constantValue ?? 0);
    if (value !== 0) out.fill(value);
    const ost = stridesOf(outShape);
    const offset = paddings.reduce((o, [before], i) => o + before * ost[i], 0);
    if (xv.length > 0 && !copy(xv, out, x.shape.slice(), stridesOf(x.shape), ost, 0, offset)) return null;
    return backend.makeTensorInfo(outShape, x.dtype, out);
  });

  const concat = withFallback(ctx, 'Concat', ({ inputs, backend, attrs }: KernelArgs) => {
    const list = Object.values(inputs);
    if (list.length === 0) return null;
    const dtype = list[0].dtype;
    const values = list.map((t) => copyable(backend, t));
    if (values.some((v) => !v || v.constructor !== values[0]!.constructor) || list.some((t) => t.dtype !== dtype)) return null;
    const axis = tf.util.parseAxisParam(attrs?.axis as number, list[0].shape)[0];
    tf.backend_util.assertParamsConsistent(list.map((t) => t.shape), axis);
    const outShape = tf.backend_util.computeOutShape(list.map((t) => t.shape), axis);
    const out = like(values[0]!, sizeOf(outShape));
    const ost = stridesOf(outShape);
    let at = 0;
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      if (sizeOf(t.shape) > 0 && !copy(values[i]!, out, t.shape.slice(), stridesOf(t.shape), ost, 0, at * ost[axis])) return null;
      at += t.shape[axis];
    }
    return backend.makeTensorInfo(outShape, dtype, out);
  });

  const gather = withFallback(ctx, 'GatherV2', ({ inputs, backend, attrs }: KernelArgs) => {
    const { x, indices } = inputs;
    const xv = copyable(backend, x);
    const iv = backend.data.get(indices.dataId).values;
    if (!xv || !(iv instanceof Int32Array) || Number(attrs?.batchDims ?? 0) !== 0) return null;
    const axis = tf.util.parseAxisParam(attrs?.axis as number, x.shape)[0];
    const size = x.shape[axis];
    // Out-of-range indices: the cpu kernel throws tfjs's own error.
    for (let i = 0; i < iv.length; i++) if (iv[i] < 0 || iv[i] >= size) return null;
    const outer = sizeOf(x.shape.slice(0, axis));
    const inner = sizeOf(x.shape.slice(axis + 1));
    const outShape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
    const out = like(xv, sizeOf(outShape));
    if (out.length > 0) ctx.addon.gather(xv, out, outer, size, inner, iv);
    return backend.makeTensorInfo(outShape, x.dtype, out);
  });

  return [transpose, slice, pad, concat, gather];
}
