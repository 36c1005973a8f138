// ReLU's gradient through a backend's fused kernel (@dl/backend-native's `DlReluGrad`) against
// the portable rule on the same backend (the same values; the fused kernel's zeros are +0, as
// PyTorch's): zeros, negatives, the kink at 0, NaN and
// infinities, a tensor large enough to be split over threads, and an empty one. On backends
// without the kernel both runs take the portable path (and the kernel is reported missing).
import { describe, expect, it } from 'vitest';
import * as dl from '../../index';
import { hasOptionalKernel, OPTIONAL_KERNELS, setOptionalKernelsEnabled } from '../../backend/optional-kernels';
import { tf } from '../../backend/tfjs';

function reluGrad(fused: boolean, x: number[], dy: number[], shape: number[]): number[] {
  const prev = setOptionalKernelsEnabled(fused);
  try {
    // From a backend value (not JavaScript data), so the backward runs on the backend's kernels.
    const t = dl.tensor(x).reshape(shape).clone().requiresGrad_();
    t.relu().backward(dl.tensor(dy).reshape(shape).clone());
    // The fused kernel writes +0 where x <= 0 (PyTorch's threshold_backward); the portable
    // product gives -0 there when dy < 0. Equal as numbers, so compare them as numbers.
    return Array.from(t.grad!.dataSync(), (v) => (Object.is(v, -0) ? 0 : v));
  } finally {
    setOptionalKernelsEnabled(prev);
  }
}

describe("relu's gradient through a fused kernel", () => {
  it('is registered on native only', () => {
    expect(hasOptionalKernel(OPTIONAL_KERNELS.reluGrad)).toBe(dl.getBackend() === 'native');
  });

  it('equals the portable rule (up to the sign of zero), at the kink, NaN and infinities, split over threads or empty', () => {
    const special = [-2, -0, 0, 1e-30, 3, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    const dy = [1.5, -2, 4, 0.25, -1, 7, 2, 3];
    expect(reluGrad(true, special, dy, [2, 4])).toEqual(reluGrad(false, special, dy, [2, 4]));
    expect(reluGrad(true, special, dy, [2, 4])).toEqual([0, 0, 0, 0.25, -1, 0, 2, 0]);
    const n = 70_001;
    const x = Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) * 3);
    const g = Array.from({ length: n }, (_, i) => Math.cos(i * 0.11));
    expect(reluGrad(true, x, g, [n])).toEqual(reluGrad(false, x, g, [n]));
    expect(reluGrad(true, [], [], [0, 3])).toEqual([]);
  });

  it.runIf(dl.getBackend() === 'native')('refuses mismatched shapes and non-float inputs before the addon runs (native only: no kernel elsewhere)', () => {
    const run = (dy: tf.Tensor, x: tf.Tensor) => () => tf.engine().runKernel(OPTIONAL_KERNELS.reluGrad, { dy, x }, {});
    expect(run(tf.ones([2, 3]), tf.ones([3, 2]))).toThrow(/must have one shape/);
    expect(run(tf.ones([2], 'int32'), tf.ones([2], 'int32'))).toThrow(/must be float32/);
  });
});
