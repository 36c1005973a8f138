import { describe, expect, it } from 'vitest';
import { checkFunctionalCase, distinct, uniform } from '../../../test/support/functional-fixtures';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import { gradcheck } from '../../autograd/gradcheck';
import { noGrad } from '../../autograd/grad-mode';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { tensor } from '../creation/tensor';
import { maxPool1d, maxPool2d } from './max-pool';

describe('maxPool2d', () => {
  it('matches PyTorch forward and backward (nn_maxpool2d: kernel 2, stride 2)', () => {
    const ref = loadReference('nn_maxpool2d');
    const x = refTensor(ref.inputs.x, { requiresGrad: true });
    const y = maxPool2d(x, 2, { stride: 2 });
    expectClose(y, ref.expected.y, 1e-4, 1e-5, 'y');
    y.backward(refTensor(ref.inputs.grad_output));
    expectClose(x.grad!, ref.expected.grad_x, 1e-4, 1e-5, 'grad_x');
  });

  it('matches PyTorch with padding, dilation, ceil mode and indices', () => {
    checkFunctionalCase('max_pool2d_pad_dil_ceil', ({ x }) => maxPool2d(x, 3, { stride: 2, padding: 1, dilation: 2, ceilMode: true, returnIndices: true }));
  });

  it('matches PyTorch with a rectangular window and stride', () => {
    checkFunctionalCase('max_pool2d_rect', ({ x }) => maxPool2d(x, [2, 3], { stride: [1, 2], padding: [1, 1], returnIndices: true }));
  });

  it('matches PyTorch in ceil mode with the default stride', () => {
    checkFunctionalCase('max_pool2d_ceil', ({ x }) => maxPool2d(x, 2, { ceilMode: true }));
  });

  it('matches PyTorch on an unbatched input', () => {
    checkFunctionalCase('max_pool2d_unbatched', ({ x }) => maxPool2d(x, 3, { stride: 1, returnIndices: true }));
  });

  it('sends the gradient of a tied window to its first maximum, as PyTorch does', () => {
    const x = tensor([[[[0, 0, 1], [0, 0, 1], [2, 2, 2]]]], { requiresGrad: true });
    const y = maxPool2d(x, 2, { stride: 1 });
    expect(y.tolist()).toEqual([[[[0, 1], [2, 2]]]]);
    y.backward(tensor([[[[1, 1], [1, 1]]]]));
    expect(x.grad!.tolist()).toEqual([[[[1, 0, 1], [0, 0, 0], [1, 1, 0]]]]);
  });

  it('gives the same values without autograd (where it skips the argmax)', () => {
    const x = uniform([2, 3, 7, 6], 5);
    const withGrad = maxPool2d(x, 3, { stride: 2, padding: 1 });
    const without = noGrad(() => maxPool2d(x, 3, { stride: 2, padding: 1 }));
    expect(without.requiresGrad).toBe(false);
    expect(Array.from(without.dataSync())).toEqual(Array.from(withGrad.dataSync()));
  });

  it('passes gradcheck with padding, stride, dilation and ceil mode', () => {
    expect(gradcheck((a) => maxPool2d(a, 2), [distinct([2, 2, 4, 4], 1)])).toBe(true);
    expect(gradcheck((a) => maxPool2d(a, [3, 2], { stride: [2, 1], padding: [1, 0], dilation: [1, 2], ceilMode: true }), [distinct([1, 2, 6, 5], 2)])).toBe(true);
  });

  it('refuses bad ranks, dtypes, paddings and empty outputs', () => {
    expect(() => maxPool2d(uniform([4, 4], 1), 2)).toThrow(ShapeError);
    expect(() => maxPool2d(uniform([4, 4], 1), 2)).toThrow('maxPool2d: expected 3D (unbatched [C, H, W]) or 4D (batched [N, C, H, W]) input, but got input of size [4, 4]');
    expect(() => maxPool2d(tensor([[[1, 2], [3, 4]]], { dtype: 'int32' }), 2)).toThrow(DTypeError);
    expect(() => maxPool2d(uniform([1, 1, 4, 4], 1), 3, { padding: 2 })).toThrow(ValueError);
    expect(() => maxPool2d(uniform([1, 1, 4, 4], 1), 3, { padding: 2 })).toThrow('maxPool2d: pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1');
    expect(() => maxPool2d(uniform([1, 1, 2, 2], 1), 3)).toThrow(ShapeError);
    expect(() => maxPool2d(uniform([1, 1, 2, 2], 1), 3)).toThrow('maxPool2d: given input of size [1, 1, 2, 2], the calculated output size (0 x 0) is too small');
    expect(() => maxPool2d(uniform([1, 1, 4, 4], 1), 0)).toThrow('maxPool2d: kernelSize must be positive integers (got 0)');
    expect(() => maxPool2d(uniform([1, 1, 4, 4], 1), 2, { stride: [1, 2, 3] })).toThrow(ValueError);
  });
});

describe('maxPool1d', () => {
  it('matches PyTorch with padding and indices', () => {
    checkFunctionalCase('max_pool1d_indices', ({ x }) => maxPool1d(x, 3, { stride: 2, padding: 1, returnIndices: true }));
  });

  it('matches PyTorch with dilation and ceil mode', () => {
    checkFunctionalCase('max_pool1d_dil_ceil', ({ x }) => maxPool1d(x, 2, { stride: 3, dilation: 2, ceilMode: true }));
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => maxPool1d(a, 3, { stride: 2, padding: 1 }), [distinct([2, 2, 9], 3)])).toBe(true);
  });

  it('refuses a 2-D kernel and a 4-D input', () => {
    expect(() => maxPool1d(uniform([1, 2, 8], 1), [2, 2])).toThrow(
      'maxPool1d: expected kernelSize to be a single integer or a tuple of 1 integers to match the spatial dimensions, but got kernelSize=[2,2]',
    );
    expect(() => maxPool1d(uniform([1, 2, 8, 8], 1), 2)).toThrow('maxPool1d: expected 2D (unbatched [C, L]) or 3D (batched [N, C, L]) input, but got input of size [1, 2, 8, 8]');
  });
});
