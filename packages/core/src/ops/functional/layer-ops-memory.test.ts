import { describe, it } from 'vitest';
import * as dl from '../../index';
import { fromFlat, rand, randn } from '../../../test/support/functional-cases';
import { expectNoLeak } from '../../../test/support/no-leak';

describe('functional layer ops memory', () => {
  const x = dl.keep(randn([4, 3, 5], 1, { requiresGrad: true }));
  const w = dl.keep(randn([3], 2, { requiresGrad: true }));
  const b = dl.keep(randn([3], 3, { requiresGrad: true }));
  const rm = dl.keep(fromFlat([0, 0, 0], [3]));
  const rv = dl.keep(fromFlat([1, 1, 1], [3]));
  const idx = dl.keep(dl.tensor([[0, 1], [2, 1]], { dtype: 'int32' }));
  const table = dl.keep(randn([5, 3], 4, { requiresGrad: true }));
  const psw = dl.keep(rand([2, 2], 5, 0, 1, { requiresGrad: true }));
  const leaves = [x, w, b, table, psw];
  const ops: [string, () => dl.Tensor][] = [
    ['softmax', () => dl.softmax(x, 1)],
    ['softmin', () => dl.softmin(x, 2)],
    ['logSoftmax', () => dl.logSoftmax(x, 0)],
    ['batchNorm (training)', () => dl.batchNorm(x, rm, rv, w, b, { training: true })],
    ['batchNorm (evaluation)', () => dl.batchNorm(x, rm, rv, w, b)],
    ['layerNorm', () => dl.layerNorm(x, [5])],
    ['groupNorm', () => dl.groupNorm(x, 3, w, b)],
    ['instanceNorm', () => dl.instanceNorm(x, { runningMean: rm, runningVar: rv, weight: w })],
    ['dropout', () => dl.dropout(x)],
    ['dropout1d', () => dl.dropout1d(x)],
    ['alphaDropout', () => dl.alphaDropout(x)],
    ['dropout with p=1', () => dl.dropout(x, { p: 1 })],
    ['embedding', () => dl.embedding(idx, table, { paddingIdx: 0, maxNorm: 1, scaleGradByFreq: true })],
    ['embeddingBag (max)', () => dl.embeddingBag(idx, table, { mode: 'max' })],
    ['embeddingBag (sum, perSampleWeights)', () => dl.embeddingBag(idx, table, { mode: 'sum', perSampleWeights: psw })],
    ['normalize', () => dl.normalize(x, { p: 3 })],
    ['cosineSimilarity', () => dl.cosineSimilarity(x, x)],
    ['pairwiseDistance', () => dl.pairwiseDistance(x, x, { p: Infinity })],
    ['oneHot', () => dl.oneHot(idx, 4)],
  ];
  for (const [name, op] of ops) {
    it(`${name} leaves no tensor behind`, () => expectNoLeak(op, leaves));
  }
});
