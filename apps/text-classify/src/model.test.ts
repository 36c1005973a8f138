import { manualSeed, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { QuestionClassifier } from './model';

describe('QuestionClassifier', () => {
  it('scores [seqLen, batch] questions, leaving the padding out of the mean', () => {
    manualSeed(0);
    const model = new QuestionClassifier(10, 6, { embeddingDim: 4, paddingIdx: 1 });
    // Two questions as columns: [5, 6, 7] and [5, 6] padded with 1.
    const padded = model.forward(tensor([[5, 5], [6, 6], [7, 1]], { dtype: 'int64' }));
    expect(padded.shape).toEqual([2, 6]);
    const alone = model.forward(tensor([[5], [6]], { dtype: 'int64' }));
    const [a, b] = [padded.tolist() as number[][], alone.tolist() as number[][]];
    for (let j = 0; j < 6; j++) expect(a[1][j]).toBeCloseTo(b[0][j], 6);
    expect(a[0]).not.toEqual(a[1]);
  });

  it('starts from the given vectors, whose width sets the size', () => {
    const vectors = tensor([[0, 0], [0, 0], [1, 2], [3, 4]]);
    const model = new QuestionClassifier(4, 3, { vectors, embeddingDim: 64 });
    expect(model.embedding.weight.shape).toEqual([4, 2]);
    expect(model.embedding.weight.tolist()).toEqual([[0, 0], [0, 0], [1, 2], [3, 4]]);
    expect(model.fc.weight.shape).toEqual([3, 2]);
    expect(() => new QuestionClassifier(5, 3, { vectors })).toThrow('QuestionClassifier: vectors has 4 rows, the vocabulary 5 words');
  });
});
