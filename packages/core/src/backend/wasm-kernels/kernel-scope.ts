import { getKernel, type DataType, type KernelBackend, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs-core';

/**
 * @internal Runs other kernels of one backend from inside a kernel (the way tfjs's own composite
 * kernels do: straight through the registry, not through the engine) and frees every
 * intermediate it made, except the result, when the kernel finishes.
 */
export class KernelScope {
  private readonly temps: TensorInfo[] = [];

  constructor(
    private readonly backend: KernelBackend,
    private readonly backendName: string,
  ) {}

  /** Runs `kernelName` on this backend; the output is freed with the scope unless returned. */
  run(kernelName: string, inputs: Record<string, TensorInfo>, attrs: object = {}): TensorInfo {
    const kernel = getKernel(kernelName, this.backendName);
    if (!kernel) throw new Error(`Kernel '${kernelName}' not registered for backend '${this.backendName}'`);
    const out = kernel.kernelFunc({ inputs, backend: this.backend, attrs: attrs as NamedAttrMap }) as TensorInfo;
    this.temps.push(out);
    return out;
  }

  /** A constant tensor on this backend, freed with the scope. */
  constant(values: Float32Array | Int32Array, shape: number[], dtype: DataType): TensorInfo {
    const info: TensorInfo = { dataId: this.backend.write(values, shape, dtype), shape, dtype };
    this.temps.push(info);
    return info;
  }

  /** `Reshape` (shares the data on backends that support it). */
  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run('Reshape', { x }, { shape });
  }

  /** `Transpose` by `perm`. */
  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    return this.run('Transpose', { x }, { perm });
  }

  /**
   * Pads (positive amounts) or crops (negative amounts) each dimension by `[before, after]`,
   * returning the input itself when nothing changes.
   */
  padOrCrop(x: TensorInfo, amounts: [number, number][], value = 0): TensorInfo {
    let t = x;
    if (amounts.some(([a, b]) => a < 0 || b < 0)) {
      const begin = amounts.map(([a]) => Math.max(0, -a));
      const size = amounts.map(([a, b], i) => t.shape[i] - Math.max(0, -a) - Math.max(0, -b));
      t = this.run('Slice', { x: t }, { begin, size });
    }
    if (amounts.some(([a, b]) => a > 0 || b > 0)) {
      t = this.run('PadV2', { x: t }, { paddings: amounts.map(([a, b]) => [Math.max(0, a), Math.max(0, b)]), constantValue: value });
    }
    return t;
  }

  /** Frees every intermediate except `result`, which the caller hands to the engine. */
  finish(result: TensorInfo): TensorInfo {
    for (const t of this.temps) if (t !== result && t.dataId !== result.dataId) this.backend.disposeData(t.dataId);
    // Reshape shares data and counts references: drop the extra references it took on the result.
    for (const t of this.temps) if (t !== result && t.dataId === result.dataId) this.backend.disposeData(t.dataId);
    return result;
  }

  /** Frees every intermediate (after a failure). */
  abort(): void {
    for (const t of this.temps) this.backend.disposeData(t.dataId);
  }
}
