import { engine, tensor, type DataType, type NamedAttrMap, type Tensor, type TensorInfo } from '@tensorflow/tfjs-core';
import { KernelRunner } from './kernel-runner';

/**
 * @internal Runs composite kernels through the tfjs engine on the active backend, for use inside
 * `tf.tidy` (which frees the intermediates). @dl/core's ops use it where a composite beats the
 * backend's own kernel.
 */
export class EngineRunner extends KernelRunner {
  run(kernelName: string, inputs: Record<string, TensorInfo>, attrs: object = {}): TensorInfo {
    return engine().runKernel(kernelName, inputs as Record<string, Tensor>, attrs as NamedAttrMap) as Tensor;
  }

  constant(values: Float32Array | Int32Array, shape: number[], dtype: DataType): TensorInfo {
    return tensor(values, shape, dtype);
  }
}

/** @internal The shared engine-level runner. */
export const engineRunner = new EngineRunner();
