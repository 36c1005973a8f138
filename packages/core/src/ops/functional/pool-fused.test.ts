// The fused channels-first kernels a backend may register (@dl/backend-native's `Dl*`) against
// @dl/core's portable paths, on the same backend: outputs, indices and gradients of pooling,
// convolution and training-mode batch norm. On backends without them both runs take the
// portable path (and the kernels must be reported missing).
import { describe, expect, it } from 'vitest';
import { uniform } from '../../../test/support/functional-fixtures';
import { hasOptionalKernel, OPTIONAL_KERNELS, setOptionalKernelsEnabled } from '../../backend/optional-kernels';
import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { adaptiveAvgPool2d } from './adaptive-avg-pool';
import { adaptiveMaxPool1d, adaptiveMaxPool2d } from './adaptive-max-pool';
import { avgPool1d, avgPool2d } from './avg-pool';
import { batchNorm } from './batch-norm';
import { conv1d } from './conv1d';
import { conv2d } from './conv2d';
import { maxPool1d, maxPool2d } from './max-pool';

interface Run {
  outputs: { shape: number[]; dtype: string; values: number[] }[];
}

/** Runs `fn` on fresh inputs (seeded), backpropagates a fixed upstream gradient, and returns outputs and input gradients. */
function runCase(fused: boolean, shapes: number[][], fn: (...xs: Tensor[]) => Tensor | [Tensor, Tensor]): Run {
  const prev = setOptionalKernelsEnabled(fused);
  try {
    const xs = shapes.map((s, i) => uniform(s, 11 + i));
    const out = fn(...xs);
    const [y, extra] = Array.isArray(out) ? out : [out, null];
    const dy = uniform(y.shape, 99, false);
    y.backward(dy);
    const snap = (t: Tensor) => ({ shape: t.shape, dtype: t.dtype, values: Array.from(t._value.dataSync() as ArrayLike<number>) });
    return { outputs: [snap(y), ...(extra ? [snap(extra)] : []), ...xs.map((x) => snap(x.grad!))] };
  } finally {
    setOptionalKernelsEnabled(prev);
  }
}

function expectSame(shapes: number[][], fn: (...xs: Tensor[]) => Tensor | [Tensor, Tensor], tol = 2e-5): void {
  const want = runCase(false, shapes, fn);
  const got = runCase(true, shapes, fn);
  expect(got.outputs.length).toBe(want.outputs.length);
  want.outputs.forEach((w, i) => {
    const g = got.outputs[i];
    expect(g.shape, `output ${i} shape`).toEqual(w.shape);
    expect(g.dtype, `output ${i} dtype`).toBe(w.dtype);
    const scale = Math.max(1, ...w.values.map((v) => Math.abs(v)));
    for (let j = 0; j < w.values.length; j++) {
      if (!(Math.abs(g.values[j] - w.values[j]) <= tol * scale)) expect.fail(`output ${i} element ${j}: fused ${g.values[j]}, portable ${w.values[j]}`);
    }
  });
}

describe('fused channels-first kernels (when the backend has them)', () => {
  it('are reported exactly on the native backend', () => {
    const native = tf.getBackend() === 'native';
    for (const name of Object.values(OPTIONAL_KERNELS)) expect(hasOptionalKernel(name), name).toBe(native);
    setOptionalKernelsEnabled(false);
    try {
      expect(hasOptionalKernel(OPTIONAL_KERNELS.conv2d)).toBe(false);
    } finally {
      setOptionalKernelsEnabled(true);
    }
  });

  it('max pooling: padding, stride, dilation, ceil mode, indices and gradients', () => {
    expectSame([[2, 3, 9, 8]], (x) => maxPool2d(x, 3, { stride: 2, padding: 1, ceilMode: true, returnIndices: true }));
    expectSame([[2, 3, 11, 10]], (x) => maxPool2d(x, [3, 2], { stride: [2, 3], padding: [1, 1], dilation: [2, 3], returnIndices: true }));
    expectSame([[3, 8, 8]], (x) => maxPool2d(x, 2));
    expectSame([[2, 4, 13]], (x) => maxPool1d(x, 4, { stride: 3, padding: 2, ceilMode: true, returnIndices: true }));
    expectSame([[2, 3, 10, 7]], (x) => adaptiveMaxPool2d(x, [3, 4], { returnIndices: true }));
    expectSame([[2, 3, 10]], (x) => adaptiveMaxPool1d(x, 4, { returnIndices: true }));
  });

  it('max pooling: ties go to the first maximum, as in PyTorch', () => {
    expectSame([[1, 2, 6, 6]], (x) => maxPool2d(x.mul(0).add(1), 3, { stride: 1, padding: 1, returnIndices: true }));
  });

  it('average pooling: padding with and without counting it, divisor override, ceil mode, adaptive', () => {
    expectSame([[2, 3, 9, 8]], (x) => avgPool2d(x, 3, { stride: 2, padding: 1, ceilMode: true }));
    expectSame([[2, 3, 9, 8]], (x) => avgPool2d(x, 3, { stride: 2, padding: 1, countIncludePad: false }));
    expectSame([[2, 3, 9, 8]], (x) => avgPool2d(x, [2, 3], { divisorOverride: 5 }));
    expectSame([[2, 4, 11]], (x) => avgPool1d(x, 3, { stride: 2, padding: 1 }));
    expectSame([[2, 5, 7, 6]], (x) => adaptiveAvgPool2d(x, [3, 4]));
    expectSame([[2, 5, 7, 6]], (x) => adaptiveAvgPool2d(x, 1));
  });

  it('convolution: bias, stride, asymmetric padding, dilation, groups, depthwise, 1-D, unbatched', () => {
    expectSame([[2, 4, 9, 8], [6, 4, 3, 3], [6]], (x, w, b) => conv2d(x, w, b, { stride: 2, padding: 1 }));
    expectSame([[2, 4, 9, 8], [6, 2, 3, 2]], (x, w) => conv2d(x, w, null, { stride: [1, 2], padding: [2, 0], dilation: [2, 1], groups: 2 }));
    expectSame([[2, 4, 8, 8], [4, 1, 3, 3], [4]], (x, w, b) => conv2d(x, w, b, { padding: 'same', dilation: [1, 2], groups: 4 }));
    expectSame([[2, 4, 8, 8], [8, 4, 1, 1], [8]], (x, w, b) => conv2d(x, w, b));
    expectSame([[2, 3, 7, 6], [5, 3, 2, 4]], (x, w) => conv2d(x, w, null, { padding: 'same' }));
    expectSame([[2, 3, 9, 9], [4, 3, 1, 1], [4]], (x, w, b) => conv2d(x, w, b, { stride: 2 }));
    expectSame([[4, 7, 6], [5, 4, 2, 2]], (x, w) => conv2d(x, w, null, { stride: 2 }));
    expectSame([[2, 4, 15], [6, 2, 3], [6]], (x, w, b) => conv1d(x, w, b, { stride: 2, padding: 2, dilation: 2, groups: 2 }));
  });

  it('training-mode batch norm: outputs, gradients and running statistics', () => {
    const stats = (fused: boolean) => {
      const mean = uniform([3], 5, false);
      const variance = uniform([3], 6, false).abs().add(0.5);
      runCase(fused, [[4, 3, 5, 5], [3], [3]], (x, w, b) => batchNorm(x, mean, variance, w, b, { training: true, momentum: 0.2 }));
      return [...Array.from(mean._value.dataSync()), ...Array.from(variance._value.dataSync())];
    };
    expectSame([[4, 3, 5, 5], [3], [3]], (x, w, b) => batchNorm(x.mul(3).add(1), null, null, w, b, { training: true }), 1e-4);
    expectSame([[6, 5]], (x) => batchNorm(x, null, null, null, null, { training: true, eps: 1e-3 }), 1e-4);
    expectSame([[3, 2, 7]], (x) => batchNorm(x, null, null, null, null, { training: true }), 1e-4);
    const want = stats(false);
    const got = stats(true);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
  });
});
