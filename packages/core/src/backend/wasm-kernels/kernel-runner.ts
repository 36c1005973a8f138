import type { DataType, TensorInfo } from '@tensorflow/tfjs-core';

/**
 * @internal Runs kernels by name for a composite kernel, so one composite serves both as a
 * registered backend kernel (`KernelScope`) and inside @dl/core's ops (`EngineRunner`).
 */
export abstract class KernelRunner {
  /** Runs `kernelName` with tfjs's input names and attributes. */
  abstract run(kernelName: string, inputs: Record<string, TensorInfo>, attrs?: object): TensorInfo;

  /** A constant tensor. */
  abstract constant(values: Float32Array | Int32Array, shape: number[], dtype: DataType): TensorInfo;

  /** `Reshape`. */
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

  /** Every `step`-th element of each dimension, starting at 0. */
  subsample(x: TensorInfo, steps: number[]): TensorInfo {
    if (steps.every((s) => s === 1)) return x;
    return this.run('StridedSlice', { x }, {
      begin: x.shape.map(() => 0),
      end: x.shape,
      strides: steps,
      beginMask: 0,
      endMask: 0,
      ellipsisMask: 0,
      newAxisMask: 0,
      shrinkAxisMask: 0,
    });
  }

  /**
   * Spreads an NHWC value by `[sh, sw]`: `s - 1` zero rows (columns) between neighbours, giving
   * `(H - 1) * sh + 1` rows, the input-space layout of a strided output.
   */
  spread(x: TensorInfo, sh: number, sw: number): TensorInfo {
    if (sh === 1 && sw === 1) return x;
    const [n, h, w, c] = x.shape;
    const holes = this.run('PadV2', { x: this.reshape(x, [n, h, 1, w, 1, c]) }, {
      paddings: [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]],
      constantValue: 0,
    });
    const full = this.reshape(holes, [n, h * sh, w * sw, c]);
    return this.run('Slice', { x: full }, { begin: [0, 0, 0, 0], size: [n, (h - 1) * sh + 1, (w - 1) * sw + 1, c] });
  }
}
