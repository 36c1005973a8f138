// Error paths of the indexing ops not covered next to their feature tests.
import { describe, expect, it } from 'vitest';
import { DTypeError, IndexError, ShapeError, ValueError, diag, diagonal, indexSelect, scatter, slice, tensor, topk, tril } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('indexing op errors', () => {
  const x = testTensor([2, 3]);

  it('refuses non-integer slice parts, diagonals, offsets and k', () => {
    expect(() => slice(0.5, 2)).toThrow(ValueError);
    expect(() => slice(0.5, 2)).toThrow('slice: start, stop and step must be integers or null (got 0.5)');
    expect(() => diag(x, 0.5)).toThrow('diag: diagonal must be an integer (got 0.5)');
    expect(() => tril(x, 0.5)).toThrow(ShapeError);
    expect(() => tril(x, 0.5)).toThrow('tril: diagonal must be an integer (got 0.5)');
    expect(() => diagonal(x, { offset: 1.5 })).toThrow('diagonal: offset must be an integer (got 1.5)');
    expect(() => topk(x, 1.5)).toThrow(IndexError);
  });

  it('refuses wrong ranks and index dtypes', () => {
    expect(() => diagonal(testTensor([3]))).toThrow('diagonal: expected a tensor with at least 2 dimensions (got shape [3])');
    expect(() => indexSelect(x, 0, tensor([0]))).toThrow(DTypeError);
    expect(() => indexSelect(x, 0, tensor([0]))).toThrow('indexSelect: expected index to have dtype int32 (PyTorch\'s int64), got float32');
    expect(() => scatter(x, 0, tensor([[0]], { dtype: 'int32' }), testTensor([3]))).toThrow(ShapeError);
    expect(() => scatter(x, 0, tensor([[0]], { dtype: 'int32' }), testTensor([3]))).toThrow('scatter: index, src and input must have the same number of dimensions (got src shape [3] and input shape [2, 3])');
    expect(() => x.index(tensor(true))).toThrow('index: a 0-d bool mask is not supported; use where() or maskedSelect()');
  });
});
