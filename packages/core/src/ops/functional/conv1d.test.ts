import { describe, expect, it } from 'vitest';
import { checkFunctionalCase, uniform } from '../../../test/support/functional-fixtures';
import { gradcheck } from '../../autograd/gradcheck';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { conv1d } from './conv1d';

describe('conv1d', () => {
  const cases: [string, Parameters<typeof conv1d>[3]][] = [
    ['conv1d_basic', { stride: 2, padding: 1 }],
    ['conv1d_groups_dil', { padding: 2, dilation: 2, groups: 2 }],
    ['conv1d_same', { padding: 'same' }],
    ['conv1d_depthwise_unbatched', { stride: 3, groups: 3 }],
  ];
  for (const [name, options] of cases) {
    it(`matches PyTorch forward and backward (${name})`, () => {
      checkFunctionalCase(name, ({ x, weight, bias }) => conv1d(x, weight, bias ?? null, options));
    });
  }

  it('passes gradcheck with stride, padding, dilation, groups and bias', () => {
    const x = uniform([2, 4, 9], 1);
    expect(gradcheck((a, w, b) => conv1d(a, w, b, { stride: 2, padding: 1, dilation: 2, groups: 2 }), [x, uniform([4, 2, 3], 2), uniform([4], 3)])).toBe(true);
    expect(gradcheck((a, w) => conv1d(a, w, null, { padding: 'same' }), [uniform([1, 2, 6], 4), uniform([3, 2, 4], 5)])).toBe(true);
  });

  it('refuses wrong ranks and channel counts, naming the shapes', () => {
    expect(() => conv1d(uniform([2, 3, 4, 5], 1), uniform([2, 3, 3], 2))).toThrow(ShapeError);
    expect(() => conv1d(uniform([2, 3, 4, 5], 1), uniform([2, 3, 3], 2))).toThrow('conv1d: expected 2D (unbatched) or 3D (batched) input, but got input of size [2, 3, 4, 5]');
    expect(() => conv1d(uniform([2, 3, 8], 1), uniform([2, 3, 3, 3], 2))).toThrow('conv1d: expected 3D weight [out_channels, in_channels / groups, kW], but got weight of size [2, 3, 3, 3]');
    expect(() => conv1d(uniform([2, 4, 8], 1), uniform([2, 3, 3], 2))).toThrow(
      'conv1d: given groups=1, weight of size [2, 3, 3], expected input [2, 4, 8] to have 3 channels, but got 4 channels instead',
    );
    expect(() => conv1d(uniform([2, 3, 8], 1), uniform([2, 3, 3], 2), null, { stride: [1, 1] })).toThrow(ValueError);
    expect(() => conv1d(uniform([1, 3, 2], 1), uniform([2, 3, 3], 2))).toThrow(
      "conv1d: calculated padded input size per channel: (2); kernel size (dilated): (3); the kernel size can't be greater than the actual input size (input [1, 3, 2])",
    );
  });
});
