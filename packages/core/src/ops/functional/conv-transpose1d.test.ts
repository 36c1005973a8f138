import { describe, expect, it } from 'vitest';
import { checkFunctionalCase, uniform } from '../../../test/support/functional-fixtures';
import { gradcheck } from '../../autograd/gradcheck';
import { ShapeError } from '../../errors/shape-error';
import { convTranspose1d } from './conv-transpose1d';

describe('convTranspose1d', () => {
  it('matches PyTorch forward and backward (stride 2, padding 1, outputPadding 1)', () => {
    checkFunctionalCase('conv_transpose1d_basic', ({ x, weight, bias }) => convTranspose1d(x, weight, bias, { stride: 2, padding: 1, outputPadding: 1 }));
  });

  it('matches PyTorch forward and backward (groups 2, dilation 2)', () => {
    checkFunctionalCase('conv_transpose1d_groups', ({ x, weight }) => convTranspose1d(x, weight, null, { padding: 1, dilation: 2, groups: 2 }));
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a, w, b) => convTranspose1d(a, w, b, { stride: 3, padding: 1, outputPadding: 2 }), [uniform([2, 2, 4], 1), uniform([2, 3, 3], 2), uniform([3], 3)])).toBe(true);
  });

  it('refuses inputs of the wrong rank', () => {
    expect(() => convTranspose1d(uniform([4], 1), uniform([4, 2, 3], 2))).toThrow(ShapeError);
    expect(() => convTranspose1d(uniform([4], 1), uniform([4, 2, 3], 2))).toThrow('convTranspose1d: expected 2D (unbatched) or 3D (batched) input, but got input of size [4]');
  });
});
