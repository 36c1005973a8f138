import { describe, expect, it } from 'vitest';
import { checkFunctionalCase, uniform } from '../../../test/support/functional-fixtures';
import { gradcheck } from '../../autograd/gradcheck';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { setConvBackpropMode, type BackpropMode } from './conv-kernels';
import { convTranspose2d } from './conv-transpose2d';

describe('convTranspose2d', () => {
  const cases: [string, Parameters<typeof convTranspose2d>[3]][] = [
    ['conv_transpose2d_basic', { stride: 2, padding: 1, outputPadding: 1 }],
    ['conv_transpose2d_groups_dil', { stride: [1, 2], padding: [2, 0], dilation: 2, groups: 2 }],
    ['conv_transpose2d_outpad_gt_pad', { stride: 3, padding: 0, outputPadding: 2 }],
    ['conv_transpose2d_outpad_dil', { stride: 1, padding: 0, outputPadding: 1, dilation: 2 }],
    ['conv_transpose2d_depthwise', { stride: 2, padding: 1, groups: 3 }],
    ['conv_transpose2d_unbatched', { stride: 2 }],
  ];
  for (const [name, options] of cases) {
    it(`matches PyTorch forward and backward (${name})`, () => {
      checkFunctionalCase(name, ({ x, weight, bias }) => convTranspose2d(x, weight, bias ?? null, options));
    });
  }

  for (const mode of ['native', 'composite'] as BackpropMode[]) {
    it(`matches PyTorch with ${mode} gradient kernels in every fixture`, () => {
      const prev = setConvBackpropMode(mode);
      try {
        for (const [name, options] of cases) checkFunctionalCase(name, ({ x, weight, bias }) => convTranspose2d(x, weight, bias ?? null, options));
      } finally {
        setConvBackpropMode(prev);
      }
    });
  }

  it('passes gradcheck with stride, padding, outputPadding, groups and dilation', () => {
    const x = uniform([1, 4, 3, 3], 1);
    expect(gradcheck((a, w, b) => convTranspose2d(a, w, b, { stride: 2, padding: 1, outputPadding: 1 }), [x, uniform([4, 2, 3, 3], 2), uniform([2], 3)])).toBe(true);
    expect(gradcheck((a, w) => convTranspose2d(a, w, null, { groups: 2, dilation: [2, 1], padding: [1, 0] }), [x, uniform([4, 3, 2, 2], 4)])).toBe(true);
    expect(gradcheck((a, w) => convTranspose2d(a, w, null, { groups: 4, stride: 2 }), [x, uniform([4, 1, 2, 2], 5)])).toBe(true);
  });

  it('refuses mismatched channels and bad output padding', () => {
    expect(() => convTranspose2d(uniform([2, 4, 4, 5], 1), uniform([3, 2, 3, 3], 2))).toThrow(ShapeError);
    expect(() => convTranspose2d(uniform([2, 4, 4, 5], 1), uniform([3, 2, 3, 3], 2))).toThrow(
      'convTranspose2d: given transposed weight of size [3, 2, 3, 3], expected input [2, 4, 4, 5] to have 3 channels, but got 4 channels instead',
    );
    expect(() => convTranspose2d(uniform([1, 3, 4, 4], 1), uniform([3, 2, 3, 3], 2), null, { groups: 2 })).toThrow(
      'convTranspose2d: given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [3, 2, 3, 3]',
    );
    expect(() => convTranspose2d(uniform([1, 3, 4, 4], 1), uniform([3, 2, 3, 3], 2), null, { outputPadding: 1 })).toThrow(ValueError);
    expect(() => convTranspose2d(uniform([1, 3, 4, 4], 1), uniform([3, 2, 3, 3], 2), null, { outputPadding: 1 })).toThrow(
      'convTranspose2d: outputPadding must be smaller than either stride or dilation, but got outputPadding [1, 1], stride [1, 1], dilation [1, 1]',
    );
    expect(() => convTranspose2d(uniform([1, 3, 1, 1], 1), uniform([3, 2, 1, 1], 2), null, { padding: 1 })).toThrow(
      'convTranspose2d: calculated output size (-1 x -1) is too small for input [1, 3, 1, 1] (padding [1, 1])',
    );
    expect(() => convTranspose2d(uniform([1, 3, 4], 1), uniform([3, 2, 3], 2))).toThrow(
      'convTranspose2d: expected 4D weight [in_channels, out_channels / groups, kH, kW], but got weight of size [3, 2, 3]',
    );
  });
});
