// Which arrays a fused optimizer step may overwrite (`inPlace`): only storage an earlier step
// made as its own output, while no other tensor can see it. Other tensors see a storage array by
// sharing its dataId (Reshape, Identity, Cast: counted by the backend's refCount, which the step
// checks) or through a view: the cpu kernels that slice contiguous memory (Slice, StridedSlice,
// Unpack, SplitV) return `subarray` views under a new dataId, which no count records. Those
// kernels are wrapped here (`withViewsTracked`) to drop their input from the set first, so a step
// never writes into an array a view shares (the parameter gets a new array instead, as before),
// and to pin it, so the output pool never hands it out again (output-pool.ts).
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { pinStorage } from './output-pool';

const stepStorage = new WeakSet<object>();

/** @internal Records an array a fused step made (and may later update in place). */
export function addStepStorage(values: Float32Array): void {
  stepStorage.add(values);
}

/** @internal Forgets `values` (its tensor was freed: the array may become another tensor's). */
export function forgetStepStorage(values: Float32Array): void {
  stepStorage.delete(values);
}

/** @internal Whether a fused step may write into `values` (it made it, and no view of it was taken). */
export function isStepStorage(values: Float32Array): boolean {
  return stepStorage.has(values);
}

/** @internal The cpu kernels whose outputs may be views of their input's storage. */
export const VIEW_KERNELS: ReadonlySet<string> = new Set(['Slice', 'StridedSlice', 'Unpack', 'SplitV']);

/** @internal `config` with its inputs' storage taken out of the step set and pinned before it runs. */
export function withViewsTracked(config: KernelConfig): KernelConfig {
  const inner = config.kernelFunc as unknown as (args: { inputs: Record<string, TensorInfo>; backend: MathBackendCPU }) => unknown;
  const kernelFunc = ((args: { inputs: Record<string, TensorInfo>; backend: MathBackendCPU }) => {
    for (const key in args.inputs) {
      const t = args.inputs[key];
      const values = t && args.backend.data.has(t.dataId) ? args.backend.data.get(t.dataId).values : undefined;
      if (values) {
        stepStorage.delete(values as object);
        pinStorage(values);
      }
    }
    return inner(args);
  }) as unknown as KernelFunc;
  return { ...config, kernelFunc };
}
