import { getKernel, type DataType, type KernelBackend, type KernelFunc, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs-core';
import { KernelRunner } from './kernel-runner';

/**
 * @internal Runs other kernels of one backend from inside a kernel (the way tfjs's own composite
 * kernels do: straight through the registry, not through the engine) and frees every
 * intermediate it made, except the result, when the kernel finishes.
 */
export class KernelScope extends KernelRunner {
  private readonly temps: TensorInfo[] = [];

  constructor(
    private readonly backend: KernelBackend,
    private readonly backendName: string,
  ) {
    super();
  }

  run(kernelName: string, inputs: Record<string, TensorInfo>, attrs: object = {}): TensorInfo {
    const kernel = getKernel(kernelName, this.backendName);
    if (!kernel) throw new Error(`Kernel '${kernelName}' not registered for backend '${this.backendName}'`);
    const out = kernel.kernelFunc({ inputs, backend: this.backend, attrs: attrs as NamedAttrMap }) as TensorInfo;
    this.temps.push(out);
    return out;
  }

  constant(values: Float32Array | Int32Array, shape: number[], dtype: DataType): TensorInfo {
    const info: TensorInfo = { dataId: this.backend.write(values, shape, dtype), shape, dtype };
    this.temps.push(info);
    return info;
  }

  /** Frees every intermediate except `result`, which the caller hands to the engine. */
  finish(result: TensorInfo): TensorInfo {
    // Reshape shares data and counts references: an intermediate with the result's data id
    // still drops the reference it took.
    for (const t of this.temps) if (t !== result) this.backend.disposeData(t.dataId);
    return result;
  }

  /** Frees every intermediate (after a failure). */
  abort(): void {
    for (const t of this.temps) this.backend.disposeData(t.dataId);
  }
}

/** @internal Wraps a composite as a kernel function for the named backend. */
export function compositeKernel<A>(backendName: string, names: string[], body: (scope: KernelScope, inputs: TensorInfo[], attrs: A) => TensorInfo): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const scope = new KernelScope(backend as KernelBackend, backendName);
    try {
      return scope.finish(body(scope, names.map((n) => inputs[n] as TensorInfo), attrs as unknown as A));
    } catch (e) {
      scope.abort();
      throw e;
    }
  };
}
