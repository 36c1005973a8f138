import { describe, expect, it } from 'vitest';
import { checkFunctionalCase, distinct, uniform } from '../../../test/support/functional-fixtures';
import { gradcheck } from '../../autograd/gradcheck';
import { ShapeError } from '../../errors/shape-error';
import { adaptiveMaxPool1d, adaptiveMaxPool2d } from './adaptive-max-pool';

describe('adaptiveMaxPool2d', () => {
  it('matches PyTorch forward, indices and backward', () => {
    checkFunctionalCase('adaptive_max_pool2d', ({ x }) => adaptiveMaxPool2d(x, [2, 3], { returnIndices: true }));
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => adaptiveMaxPool2d(a, [2, 3]), [distinct([1, 2, 5, 7], 1)])).toBe(true);
  });

  it('refuses a 2-D input', () => {
    expect(() => adaptiveMaxPool2d(uniform([4, 4], 1), 2)).toThrow(ShapeError);
    expect(() => adaptiveMaxPool2d(uniform([4, 4], 1), 2)).toThrow('adaptiveMaxPool2d: expected 3D (unbatched [C, H, W]) or 4D (batched [N, C, H, W]) input, but got input of size [4, 4]');
  });
});

describe('adaptiveMaxPool1d', () => {
  it('matches PyTorch forward, indices and backward', () => {
    checkFunctionalCase('adaptive_max_pool1d', ({ x }) => adaptiveMaxPool1d(x, 3, { returnIndices: true }));
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => adaptiveMaxPool1d(a, 4), [distinct([2, 2, 9], 2)])).toBe(true);
  });
});
