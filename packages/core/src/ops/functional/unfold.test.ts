import { describe, expect, it } from 'vitest';
import { checkFunctionalCase, uniform } from '../../../test/support/functional-fixtures';
import { expectClose, refTensor } from '../../../test/support/reference';
import { gradcheck } from '../../autograd/gradcheck';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { fold } from './fold';
import { unfold } from './unfold';

describe('unfold', () => {
  it('matches PyTorch forward and backward', () => {
    checkFunctionalCase('unfold_basic', ({ x }) => unfold(x, [2, 3], { dilation: [1, 2], padding: 1, stride: [2, 1] }));
  });

  it('takes unbatched input, giving the batched result without its batch dimension', () => {
    const x = uniform([2, 4, 5], 1, false);
    const one = unfold(x, 2);
    expect(one.shape).toEqual([8, 12]);
    const batched = unfold(refTensor({ shape: [1, 2, 4, 5], dtype: 'float32', data: Array.from(x.dataSync()) }), 2);
    expect(Array.from(one.dataSync())).toEqual(Array.from(batched.dataSync()));
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => unfold(a, 2, { stride: 2, padding: 1 }), [uniform([1, 2, 5, 4], 2)])).toBe(true);
  });

  it('refuses kernels with no block position', () => {
    expect(() => unfold(uniform([1, 1, 2, 2], 1), 3)).toThrow(ValueError);
    expect(() => unfold(uniform([1, 1, 2, 2], 1), 3)).toThrow(
      'unfold: given spatial size (2 x 2), kernel size [3, 3], dilation [1, 1], padding [0, 0] and stride [1, 1], the calculated number of sliding blocks (0 x 0) is not positive',
    );
    expect(() => unfold(uniform([2, 2], 1), 1)).toThrow(ShapeError);
  });
});

describe('fold', () => {
  it('matches PyTorch forward and backward', () => {
    checkFunctionalCase('fold_basic', ({ x }) => fold(x, [5, 6], [2, 3], { dilation: [1, 2], padding: 1, stride: [2, 1] }));
  });

  it('is the adjoint of unfold: <unfold(x), y> = <x, fold(y)>', () => {
    const x = uniform([2, 3, 6, 5], 3, false);
    const y = uniform([2, 3 * 6, 18], 4, false);
    const opts = { padding: 1, stride: [2, 1] as [number, number] };
    const u = unfold(x, [3, 2], opts).dataSync();
    const f = fold(y, [6, 5], [3, 2], opts).dataSync();
    const yv = y.dataSync();
    const xv = x.dataSync();
    let a = 0;
    let b = 0;
    for (let i = 0; i < u.length; i++) a += u[i] * yv[i];
    for (let i = 0; i < f.length; i++) b += xv[i] * f[i];
    expectClose([a], [b], 1e-4, 1e-4, 'inner products');
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => fold(a, [4, 4], 2, { stride: 1 }), [uniform([1, 8, 9], 5)])).toBe(true);
  });

  it('refuses inputs whose sizes do not match the blocks', () => {
    expect(() => fold(uniform([2, 18, 15], 1), [5, 6], [2, 3], { dilation: [1, 2], padding: 1, stride: [2, 1] })).toThrow(
      'fold: expected size of input\'s dimension 2 to match the calculated number of sliding blocks 3 * 4 = 12, but got input of size [2, 18, 15]',
    );
    expect(() => fold(uniform([2, 17, 12], 1), [5, 6], [2, 3], { dilation: [1, 2], padding: 1, stride: [2, 1] })).toThrow(ShapeError);
    expect(() => fold(uniform([2, 17, 12], 1), [5, 6], [2, 3], { dilation: [1, 2], padding: 1, stride: [2, 1] })).toThrow(
      "fold: expected size of input's dimension 1 to be divisible by the product of kernel_size (6), but got input of size [2, 17, 12]",
    );
  });
});
