import { describe, expect, it } from 'vitest';
import { checkFunctionalCase, uniform } from '../../../test/support/functional-fixtures';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import { gradcheck } from '../../autograd/gradcheck';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { tensor } from '../creation/tensor';
import { conv2d } from './conv2d';
import { setConvBackpropMode, type BackpropMode } from './conv-kernels';

function nnParity(name: string, options: Parameters<typeof conv2d>[3]) {
  const ref = loadReference(name);
  const x = refTensor(ref.inputs.x, { requiresGrad: true });
  const w = refTensor(ref.inputs['param.weight'], { requiresGrad: true });
  const b = ref.inputs['param.bias'] ? refTensor(ref.inputs['param.bias'], { requiresGrad: true }) : null;
  const y = conv2d(x, w, b, options);
  expectClose(y, ref.expected.y, 1e-4, 1e-5, 'y');
  y.backward(refTensor(ref.inputs.grad_output));
  expectClose(x.grad!, ref.expected.grad_x, 1e-4, 1e-5, 'grad_x');
  expectClose(w.grad!, ref.expected['grad.weight'], 1e-4, 1e-5, 'grad.weight');
  if (b) expectClose(b.grad!, ref.expected['grad.bias'], 1e-4, 1e-5, 'grad.bias');
}

describe('conv2d', () => {
  it('matches PyTorch forward and backward (nn_conv2d: stride 2, padding 1, bias)', () => {
    nnParity('nn_conv2d', { stride: 2, padding: 1 });
  });

  it('matches PyTorch with a rectangular dilated kernel and no bias (nn_conv2d_nobias_dil)', () => {
    nnParity('nn_conv2d_nobias_dil', { padding: [2, 1], dilation: 2 });
  });

  const cases: [string, Parameters<typeof conv2d>[3]][] = [
    ['conv2d_groups2', { padding: 1, groups: 2 }],
    ['conv2d_depthwise_stride2', { stride: 2, padding: 1, groups: 3 }],
    ['conv2d_depthwise_dil2', { padding: 2, dilation: 2, groups: 4 }],
    ['conv2d_depthwise_stride_dil', { stride: 2, padding: [1, 2], dilation: [2, 3], groups: 2 }],
    ['conv2d_stride_dil', { stride: [2, 3], padding: [1, 0], dilation: [2, 1] }],
    ['conv2d_same_even', { padding: 'same', dilation: [1, 3] }],
    ['conv2d_valid_rect', { stride: [3, 2], padding: 'valid' }],
    ['conv2d_unbatched', { padding: 1 }],
    ['conv2d_groups3_stride_dil', { stride: 2, padding: 1, dilation: 2, groups: 3 }],
  ];
  for (const [name, options] of cases) {
    it(`matches PyTorch forward and backward (${name})`, () => {
      checkFunctionalCase(name, ({ x, weight, bias }) => conv2d(x, weight, bias ?? null, options));
    });
  }

  // The gradients have two implementations (the backend's kernels, or composites of forward
  // convolutions); 'auto' picks one per backend, so check both everywhere.
  for (const mode of ['native', 'composite'] as BackpropMode[]) {
    it(`matches PyTorch with ${mode} gradient kernels in every fixture`, () => {
      const prev = setConvBackpropMode(mode);
      try {
        nnParity('nn_conv2d', { stride: 2, padding: 1 });
        nnParity('nn_conv2d_nobias_dil', { padding: [2, 1], dilation: 2 });
        for (const [name, options] of cases) checkFunctionalCase(name, ({ x, weight, bias }) => conv2d(x, weight, bias ?? null, options));
      } finally {
        setConvBackpropMode(prev);
      }
    });
  }

  it('passes gradcheck for a plain convolution with bias', () => {
    const x = uniform([2, 2, 5, 4], 1);
    const w = uniform([3, 2, 3, 2], 2);
    const b = uniform([3], 3);
    expect(gradcheck((a, c, d) => conv2d(a, c, d, { padding: [1, 0] }), [x, w, b])).toBe(true);
  });

  it('passes gradcheck with stride, dilation and asymmetric same-style padding', () => {
    const x = uniform([1, 2, 7, 6], 4);
    const w = uniform([2, 2, 2, 3], 5);
    expect(gradcheck((a, c) => conv2d(a, c, null, { stride: [2, 1], dilation: [2, 1], padding: [1, 2] }), [x, w])).toBe(true);
    expect(gradcheck((a, c) => conv2d(a, c, null, { padding: 'same', dilation: 2 }), [uniform([1, 2, 5, 5], 6), uniform([2, 2, 2, 2], 7)])).toBe(true);
  });

  it('passes gradcheck for grouped and depthwise convolutions', () => {
    const x = uniform([1, 4, 5, 5], 8);
    expect(gradcheck((a, c, d) => conv2d(a, c, d, { groups: 2, padding: 1 }), [x, uniform([4, 2, 3, 3], 9), uniform([4], 10)])).toBe(true);
    expect(gradcheck((a, c) => conv2d(a, c, null, { groups: 4, stride: 2 }), [x, uniform([8, 1, 2, 2], 11)])).toBe(true);
    expect(gradcheck((a, c) => conv2d(a, c, null, { groups: 4, stride: 2, dilation: 2, padding: 1 }), [x, uniform([4, 1, 2, 2], 12)])).toBe(true);
  });

  it('gives gradients only to the inputs that require them', () => {
    const x = uniform([1, 1, 4, 4], 13, false);
    const w = uniform([2, 1, 3, 3], 14);
    const y = conv2d(x, w);
    y.backward(refTensor({ shape: y.shape, dtype: 'float32', data: new Array(y.numel()).fill(1) }));
    expect(x.grad).toBeNull();
    expect(w.grad!.shape).toEqual([2, 1, 3, 3]);
  });

  it('refuses inputs of the wrong rank', () => {
    expect(() => conv2d(uniform([2, 3], 1), uniform([4, 3, 1, 1], 2))).toThrow(ShapeError);
    expect(() => conv2d(uniform([2, 3], 1), uniform([4, 3, 1, 1], 2))).toThrow('conv2d: expected 3D (unbatched) or 4D (batched) input, but got input of size [2, 3]');
    expect(() => conv2d(uniform([1, 3, 5, 5], 1), uniform([4, 3, 3], 2))).toThrow(
      'conv2d: expected 4D weight [out_channels, in_channels / groups, kH, kW], but got weight of size [4, 3, 3]',
    );
  });

  it('names both shapes when channels do not match the weight', () => {
    expect(() => conv2d(uniform([2, 5, 9, 9], 1), uniform([4, 3, 3, 3], 2))).toThrow(ShapeError);
    expect(() => conv2d(uniform([2, 5, 9, 9], 1), uniform([4, 3, 3, 3], 2))).toThrow(
      'conv2d: given groups=1, weight of size [4, 3, 3, 3], expected input [2, 5, 9, 9] to have 3 channels, but got 5 channels instead',
    );
  });

  it('checks groups against the weight and the input', () => {
    expect(() => conv2d(uniform([1, 4, 5, 5], 1), uniform([3, 2, 3, 3], 2), null, { groups: 2 })).toThrow(
      'conv2d: given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [3, 2, 3, 3]',
    );
    expect(() => conv2d(uniform([1, 4, 5, 5], 1), uniform([4, 2, 3, 3], 2), null, { groups: 0 })).toThrow(ValueError);
    expect(() => conv2d(uniform([1, 4, 5, 5], 1), uniform([4, 2, 3, 3], 2), null, { groups: 1.5 })).toThrow('conv2d: groups must be a positive integer (got 1.5)');
  });

  it('checks the bias shape and dtypes', () => {
    expect(() => conv2d(uniform([1, 3, 5, 5], 1), uniform([4, 3, 3, 3], 2), uniform([5], 3))).toThrow(
      'conv2d: expected bias of size [4] (one per output channel), but got bias of size [5]',
    );
    const ints = tensor([[[[1, 2], [3, 4]]]], { dtype: 'int32' });
    expect(() => conv2d(ints, uniform([1, 1, 1, 1], 2))).toThrow(DTypeError);
    expect(() => conv2d(ints, uniform([1, 1, 1, 1], 2))).toThrow('conv2d: expected input of dtype float32, but got int32');
  });

  it('refuses kernels larger than the padded input, bad options, and strided same padding', () => {
    expect(() => conv2d(uniform([1, 1, 2, 2], 1), uniform([1, 1, 3, 3], 2))).toThrow(ShapeError);
    expect(() => conv2d(uniform([1, 1, 2, 2], 1), uniform([1, 1, 3, 3], 2))).toThrow(
      "conv2d: calculated padded input size per channel: (2 x 2); kernel size (dilated): (3 x 3); the kernel size can't be greater than the actual input size (input [1, 1, 2, 2])",
    );
    expect(() => conv2d(uniform([1, 1, 5, 5], 1), uniform([1, 1, 3, 3], 2), null, { padding: 'same', stride: 2 })).toThrow(
      "conv2d: padding='same' is not supported for strided convolutions (got stride [2, 2])",
    );
    expect(() => conv2d(uniform([1, 1, 5, 5], 1), uniform([1, 1, 3, 3], 2), null, { stride: 0 })).toThrow('conv2d: stride must be positive integers (got 0)');
    expect(() => conv2d(uniform([1, 1, 5, 5], 1), uniform([1, 1, 3, 3], 2), null, { padding: -1 })).toThrow(ValueError);
    expect(() => conv2d(uniform([1, 1, 5, 5], 1), uniform([1, 1, 3, 3], 2), null, { stride: [1, 2, 3] })).toThrow(
      'conv2d: expected stride to be a single integer or a tuple of 2 integers to match the spatial dimensions, but got stride=[1,2,3]',
    );
    expect(() => conv2d(uniform([1, 1, 5, 5], 1), uniform([1, 1, 3, 3], 2), null, { padding: 'full' as 'same' })).toThrow(
      "conv2d: invalid padding string 'full' (expected 'valid' or 'same')",
    );
  });
});
