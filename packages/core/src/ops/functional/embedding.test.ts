import { describe, expect, it } from 'vitest';
import { DTypeError, IndexError, ShapeError, ValueError, embedding, gradcheck, tensor, type NestedArray } from '../../index';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import { checkCase, fromFlat, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('functional');
const ints = (v: NestedArray<number>) => tensor(v, { dtype: 'int32' });

describe('embedding', () => {
  it('matches nn.Embedding forward and weight gradient (nn_embedding)', () => {
    const ref = loadReference('nn_embedding');
    const w = refTensor(ref.inputs['param.weight'], { requiresGrad: true });
    const y = embedding(refTensor(ref.inputs.indices), w);
    expectClose(y, ref.expected.y);
    y.backward(refTensor(ref.inputs.grad_output));
    expectClose(w.grad!, ref.expected['grad.weight']);
    expect(y.gradFn!.name).toBe('EmbeddingBackward');
  });

  it('matches PyTorch with paddingIdx and scaleGradByFreq', () => {
    checkCase(cases.embedding_padding_freq, (t) => embedding(t.indices, t.weight, { paddingIdx: 2, scaleGradByFreq: true }));
  });

  it('matches PyTorch with a negative paddingIdx', () => {
    checkCase(cases.embedding_negative_padding, (t) => embedding(t.indices, t.weight, { paddingIdx: -1 }));
  });

  it('renormalises the rows it looks up in place with maxNorm (PyTorch parity)', () => {
    const c = cases.embedding_max_norm;
    const w = refTensor(c.inputs.weight);
    const y = embedding(refTensor(c.inputs.indices), w, { maxNorm: 1.5, normType: 3 });
    expectClose(y, c.expected.y);
    expectClose(w, c.expected.weight_after);
    expect(w._version).toBe(1);
  });

  it('renormalises a leaf that requires grad without complaint, and still gives its gradient', () => {
    const w = randn([5, 2], 3, { requiresGrad: true, scale: 4 });
    const y = embedding(ints([0, 1]), w, { maxNorm: 1 });
    y.backward(fromFlat([1, 1, 1, 1], [2, 2]));
    expect(w.grad!.shape).toEqual([5, 2]);
  });

  it('keeps the index shape and handles 0-d indices', () => {
    const w = randn([4, 3], 1);
    expect(embedding(ints([[[1]], [[2]]]), w).shape).toEqual([2, 1, 1, 3]);
    expect(embedding(tensor(2, { dtype: 'int32' }), w).shape).toEqual([3]);
  });

  it('passes gradcheck', () => {
    const w = randn([6, 3], 2, { requiresGrad: true });
    const idx = ints([[0, 5, 0], [2, 2, 1]]);
    expect(gradcheck((ww) => embedding(idx, ww), [w])).toBe(true);
  });

  it('sums repeated lookups into their row and gives the padding row no gradient', () => {
    const w = randn([6, 3], 2, { requiresGrad: true });
    const y = embedding(ints([[0, 5, 0], [2, 2, 1]]), w, { paddingIdx: 0 });
    y.backward(fromFlat(new Array(18).fill(1), [2, 3, 3]));
    expect(w.grad!.tolist()).toEqual([[0, 0, 0], [1, 1, 1], [2, 2, 2], [0, 0, 0], [0, 0, 0], [1, 1, 1]]);
  });

  it('refuses indices out of range and a bad paddingIdx', () => {
    const w = randn([10, 4], 1);
    expect(() => embedding(ints([1, 10]), w)).toThrow(IndexError);
    expect(() => embedding(ints([1, 10]), w)).toThrow('embedding: index 10 (at flat position 1) is out of range for an embedding table of 10 rows');
    expect(() => embedding(ints([-1]), w)).toThrow('embedding: index -1 (at flat position 0) is out of range for an embedding table of 10 rows');
    expect(() => embedding(ints([1]), w, { paddingIdx: 10 })).toThrow(IndexError);
    expect(() => embedding(ints([1]), w, { paddingIdx: 10 })).toThrow(
      'embedding: paddingIdx 10 is out of range for an embedding table of 10 rows (expected in [-10, 9])',
    );
  });

  it('refuses float indices, an integer table, a table that is not 2-D and a negative maxNorm', () => {
    const w = randn([10, 4], 1);
    expect(() => embedding(tensor([1]), w)).toThrow(DTypeError);
    expect(() => embedding(tensor([1]), w)).toThrow('embedding: expected indices of dtype int32 (int64), got float32');
    expect(() => embedding(ints([1]), ints([[1, 2]]))).toThrow('embedding: expected weight of dtype float32, got int32');
    expect(() => embedding(ints([1]), randn([10], 1))).toThrow(ShapeError);
    expect(() => embedding(ints([1]), randn([10], 1))).toThrow('embedding: expected a 2-D weight (numEmbeddings, embeddingDim), got shape [10]');
    expect(() => embedding(ints([1]), w, { maxNorm: -1 })).toThrow(ValueError);
    expect(() => embedding(ints([1]), w, { maxNorm: -1 })).toThrow('embedding: maxNorm must be a non-negative number, got -1');
    expect(() => embedding(ints([1]), w, { maxNorm: 1, normType: 0 })).toThrow('embedding: normType must be positive, got 0');
  });
});
