// Empty batches and channels, which PyTorch accepts: results are empty (or the bias alone) and
// nothing reaches the wasm kernels that trap on empty tensors.
import { describe, expect, it } from 'vitest';
import { refTensor } from '../../../test/support/reference';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { adaptiveAvgPool2d } from './adaptive-avg-pool';
import { avgPool2d } from './avg-pool';
import { conv1d } from './conv1d';
import { conv2d } from './conv2d';
import { convTranspose2d } from './conv-transpose2d';
import { fold } from './fold';
import { interpolate } from './interpolate';
import { linear } from './linear';
import { maxPool1d, maxPool2d } from './max-pool';
import { maxUnpool2d } from './max-unpool';
import { unfold } from './unfold';

const full = (shape: number[], value = 1, requiresGrad = true) => {
  const t = refTensor({ shape, dtype: 'float32', data: new Array(shape.reduce((a, b) => a * b, 1)).fill(value) });
  return requiresGrad ? t.requiresGrad_(true) : t;
};

function backwardOnes(y: Tensor): void {
  y.backward(full(y.shape, 1, false));
}

describe('ops on empty inputs', () => {
  it('conv2d on an empty batch gives an empty output and zero gradients', () => {
    const x = full([0, 3, 5, 5]);
    const w = full([4, 3, 3, 3]);
    const b = full([4]);
    const y = conv2d(x, w, b, { padding: 1 });
    expect(y.shape).toEqual([0, 4, 5, 5]);
    backwardOnes(y);
    expect(x.grad!.shape).toEqual([0, 3, 5, 5]);
    expect(w.grad!.tolist()).toEqual(full([4, 3, 3, 3], 0, false).tolist());
    expect(b.grad!.tolist()).toEqual([0, 0, 0, 0]);
  });

  it('conv2d with no input channels gives the bias, whose gradient is the summed output gradient', () => {
    const b = refTensor({ shape: [2], dtype: 'float32', data: [1.5, -2] }).requiresGrad_(true);
    const y = conv2d(full([1, 0, 4, 4]), full([2, 0, 3, 3]), b);
    expect(y.shape).toEqual([1, 2, 2, 2]);
    expect(Array.from(y.dataSync())).toEqual([1.5, 1.5, 1.5, 1.5, -2, -2, -2, -2]);
    backwardOnes(y);
    expect(b.grad!.tolist()).toEqual([4, 4]);
  });

  it('conv1d, convTranspose2d and linear take empty batches', () => {
    expect(conv1d(full([0, 3, 5]), full([4, 3, 3])).shape).toEqual([0, 4, 3]);
    const t = convTranspose2d(full([0, 3, 5, 5]), full([3, 4, 3, 3]), null, { stride: 2 });
    expect(t.shape).toEqual([0, 4, 11, 11]);
    backwardOnes(t);
    expect(linear(full([0, 5]), full([3, 5])).shape).toEqual([0, 3]);
    const l = linear(full([2, 0]), full([3, 0]), full([3], 0.5));
    expect(l.tolist()).toEqual([[0.5, 0.5, 0.5], [0.5, 0.5, 0.5]]);
  });

  it('pools, unpooling, interpolate, unfold and fold take empty batches', () => {
    const x = full([0, 3, 4, 4]);
    expect(maxPool2d(x, 2).shape).toEqual([0, 3, 2, 2]);
    const [y, idx] = maxPool1d(full([0, 3, 4]), 2, { returnIndices: true });
    expect([y.shape, idx.shape, idx.dtype]).toEqual([[0, 3, 2], [0, 3, 2], 'int32']);
    expect(avgPool2d(x, 2).shape).toEqual([0, 3, 2, 2]);
    expect(adaptiveAvgPool2d(x, 3).shape).toEqual([0, 3, 3, 3]);
    expect(maxUnpool2d(full([0, 3, 2, 2]), refTensor({ shape: [0, 3, 2, 2], dtype: 'int64', data: [] }), 2).shape).toEqual([0, 3, 4, 4]);
    const up = interpolate(x, { scaleFactor: 2, mode: 'bilinear' });
    expect(up.shape).toEqual([0, 3, 8, 8]);
    backwardOnes(up);
    expect(unfold(x, 2).shape).toEqual([0, 12, 9]);
    expect(fold(full([0, 12, 9]), [4, 4], 2).shape).toEqual([0, 3, 4, 4]);
  });

  it('pools refuse empty channels or spatial sizes, naming the shape', () => {
    expect(() => maxPool2d(full([1, 3, 0, 4]), 2)).toThrow(ShapeError);
    expect(() => maxPool2d(full([1, 3, 0, 4]), 2)).toThrow(
      'maxPool2d: expected input with non-zero channels and spatial sizes (an empty batch is fine), but got input of size [1, 3, 0, 4]',
    );
  });
});
