import { describe, expect, it } from 'vitest';
import { checkFunctionalCase, distinct, uniform } from '../../../test/support/functional-fixtures';
import { gradcheck } from '../../autograd/gradcheck';
import { DTypeError } from '../../errors/dtype-error';
import { IndexError } from '../../errors/index-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { tensor } from '../creation/tensor';
import { maxPool2d } from './max-pool';
import { maxUnpool1d, maxUnpool2d } from './max-unpool';

describe('maxUnpool2d', () => {
  it('matches PyTorch with repeated indices from overlapping windows and an output size', () => {
    checkFunctionalCase('max_unpool2d_overlap', ({ x, indices }) => maxUnpool2d(x, indices, 3, { stride: 2, outputSize: [7, 8] }));
  });

  it('puts the maxima of maxPool2d back in place', () => {
    const x = distinct([1, 2, 4, 6], 1, false);
    const [y, idx] = maxPool2d(x, 2, { returnIndices: true });
    const back = maxUnpool2d(y, idx, 2);
    expect(back.shape).toEqual([1, 2, 4, 6]);
    const xs = x.dataSync();
    const bs = back.dataSync();
    let kept = 0;
    for (let i = 0; i < xs.length; i++) {
      if (bs[i] !== 0) {
        expect(bs[i]).toBe(xs[i]);
        kept++;
      }
    }
    expect(kept).toBe(y.numel());
  });

  it('passes gradcheck', () => {
    const [, idx] = maxPool2d(distinct([2, 1, 4, 4], 2, false), 2, { returnIndices: true });
    expect(gradcheck((a) => maxUnpool2d(a, idx, 2), [uniform([2, 1, 2, 2], 3)])).toBe(true);
  });

  it('refuses bad indices, shapes and output sizes', () => {
    const y = uniform([1, 1, 2, 2], 1);
    expect(() => maxUnpool2d(y, tensor([[[[0, 1], [2, 16]]]], { dtype: 'int32' }), 2)).toThrow(IndexError);
    expect(() => maxUnpool2d(y, tensor([[[[0, 1], [2, 16]]]], { dtype: 'int32' }), 2)).toThrow('maxUnpool2d: found an invalid max index 16 (output planes are of size 4x4)');
    expect(() => maxUnpool2d(y, tensor([[[[0, 1], [2, -1]]]], { dtype: 'int32' }), 2)).toThrow('maxUnpool2d: found an invalid max index -1');
    expect(() => maxUnpool2d(y, tensor([[[[0, 1, 2, 3]]]], { dtype: 'int32' }), 2)).toThrow(ShapeError);
    expect(() => maxUnpool2d(y, tensor([[[[0, 1], [2, 3]]]]), 2)).toThrow(DTypeError);
    expect(() => maxUnpool2d(y, tensor([[[[0, 1], [2, 3]]]], { dtype: 'int32' }), 2, { outputSize: [6, 4] })).toThrow(ValueError);
    expect(() => maxUnpool2d(y, tensor([[[[0, 1], [2, 3]]]], { dtype: 'int32' }), 2, { outputSize: [6, 4] })).toThrow(
      'maxUnpool2d: invalid outputSize [6, 4] (dim 0 must be between 2 and 6, exclusive)',
    );
  });
});

describe('maxUnpool1d', () => {
  it('matches PyTorch', () => {
    checkFunctionalCase('max_unpool1d', ({ x, indices }) => maxUnpool1d(x, indices, 2));
  });
});
