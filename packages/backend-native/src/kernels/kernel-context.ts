import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { NativeAddon } from '../addon/native-addon';
import type { TypedRuntime, Values } from '../backend/runtime';

/** @internal What every native kernel file works with. */
export interface KernelContext {
  runtime: TypedRuntime;
  addon: NativeAddon;
  backendName: string;
}

/** @internal The arguments tfjs passes a kernel, with the backend typed as the cpu one. */
export interface KernelArgs {
  inputs: Record<string, TensorInfo>;
  backend: MathBackendCPU;
  attrs?: Record<string, unknown>;
}

/** @internal A native kernel: returns null when it does not handle the case (the cpu kernel then runs). */
export type NativeKernel = (args: KernelArgs) => TensorInfo | TensorInfo[] | null;

/** @internal The storage of a tensor of the cpu backend (no copy). */
export function valuesOf(backend: MathBackendCPU, t: TensorInfo): Values {
  return backend.data.get(t.dataId).values as Values;
}

/**
 * @internal Float32 storage, or null (complex or string tensors keep the cpu kernels). A float32
 * tensor may share an int32 or bool tensor's storage (the cpu backend's Cast to float32 does not
 * copy): its values are converted for this read.
 */
export function floatValues(backend: MathBackendCPU, t: TensorInfo): Float32Array | null {
  if (t.dtype !== 'float32') return null;
  const v = backend.data.get(t.dataId).values;
  if (v instanceof Float32Array) return v;
  return v instanceof Int32Array || v instanceof Uint8Array ? new Float32Array(v) : null;
}

/** @internal Wraps a native kernel so the cpu backend's kernel of the same name serves what it declines. */
export function withFallback(ctx: KernelContext, kernelName: string, native: NativeKernel): KernelConfig {
  const cpu = ctx.runtime.tf.getKernel(kernelName, 'cpu');
  const kernelFunc = ((args: KernelArgs) => {
    const out = native(args);
    if (out !== null) return out;
    if (!cpu) throw new Error(`@dl/backend-native: no cpu kernel '${kernelName}' to fall back to`);
    return cpu.kernelFunc(args as never);
  }) as unknown as KernelFunc;
  return { kernelName, backendName: ctx.backendName, kernelFunc };
}

/** @internal Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** @internal The number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
