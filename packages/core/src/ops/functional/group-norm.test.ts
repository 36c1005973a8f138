import { describe, expect, it } from 'vitest';
import { DTypeError, ShapeError, ValueError, gradcheck, groupNorm, tensor } from '../../index';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('functional');

describe('groupNorm', () => {
  it('matches PyTorch on images with a per-channel affine', () => {
    checkCase(cases.group_norm_affine, (t) => groupNorm(t.x, 3, t.weight, t.bias));
  });

  it('matches PyTorch on (N, C) input without affine', () => {
    checkCase(cases.group_norm_2d, (t) => groupNorm(t.x, 2));
  });

  it('passes gradcheck', () => {
    const x = randn([2, 4, 3], 21, { requiresGrad: true });
    const w = randn([4], 22, { requiresGrad: true });
    const b = randn([4], 23, { requiresGrad: true });
    expect(gradcheck((a, ww, bb) => groupNorm(a, 2, ww, bb), [x, w, b])).toBe(true);
  });

  it('refuses a number of groups that does not divide the channels', () => {
    expect(() => groupNorm(randn([2, 6, 3], 1), 4)).toThrow(ValueError);
    expect(() => groupNorm(randn([2, 6, 3], 1), 4)).toThrow(
      'groupNorm: expected the number of channels in input to be divisible by numGroups, but got input of shape [2, 6, 3] and numGroups=4',
    );
    expect(() => groupNorm(randn([2, 6, 3], 1), 0)).toThrow(ValueError);
  });

  it('refuses bad shapes and dtypes', () => {
    expect(() => groupNorm(randn([6], 1), 2)).toThrow(ShapeError);
    expect(() => groupNorm(randn([6], 1), 2)).toThrow('groupNorm: expected input of shape (N, C, *), got [6]');
    expect(() => groupNorm(randn([2, 6], 1), 2, randn([3], 1))).toThrow('groupNorm: expected weight of shape [6], got [3]');
    expect(() => groupNorm(tensor([[1, 2]], { dtype: 'int32' }), 1)).toThrow(DTypeError);
    expect(() => groupNorm(randn([2, 6], 1), 2, null, null, { eps: -1 })).toThrow('groupNorm: eps must be non-negative, got -1');
  });
});
