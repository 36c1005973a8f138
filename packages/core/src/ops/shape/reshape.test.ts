import { describe, expect, it } from 'vitest';
import { ShapeError, gradcheck, reshape, reshapeAs, tensor, view, viewAs } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('reshape / view', () => {
  it('reshapes with an inferred size, as function and method', () => {
    const x = tensor([1, 2, 3, 4, 5, 6]);
    expect(reshape(x, [2, -1]).tolist()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(x.reshape(3, 2).shape).toEqual([3, 2]);
    expect(x.view([-1, 3]).shape).toEqual([2, 3]);
    expect(view(x, [6, 1]).shape).toEqual([6, 1]);
    expect(reshape(tensor([5]), []).shape).toEqual([]);
    expect(reshapeAs(x, tensor([[0, 0, 0], [0, 0, 0]])).shape).toEqual([2, 3]);
    expect(x.viewAs(tensor([[0, 0], [0, 0], [0, 0]])).shape).toEqual([3, 2]);
    expect(viewAs(x, x).shape).toEqual([6]);
  });

  it('passes gradcheck', () => {
    const x = testTensor([2, 3], { requiresGrad: true });
    expect(gradcheck((a) => a.reshape(3, 2), [x])).toBe(true);
    expect(gradcheck((a) => a.view(-1), [x])).toBe(true);
  });

  it('refuses sizes that do not match, two -1 and ambiguous -1', () => {
    const x = tensor([1, 2, 3, 4, 5, 6]);
    expect(() => reshape(x, [4, 2])).toThrow(ShapeError);
    expect(() => reshape(x, [4, 2])).toThrow('reshape: shape [4, 2] is invalid for input of size 6 (input shape [6])');
    expect(() => x.view(4, -1)).toThrow('view: shape [4, -1] is invalid for input of size 6 (input shape [6])');
    expect(() => reshape(x, [-1, -1])).toThrow('reshape: only one dimension can be inferred (got shape [-1, -1])');
    expect(() => reshape(x, [-2, 3])).toThrow('reshape: invalid shape dimension -2 in shape [-2, 3]');
    expect(() => reshape(tensor([]), [0, -1])).toThrow(/cannot reshape tensor of 0 elements into shape \[0, -1\]/);
  });
});
