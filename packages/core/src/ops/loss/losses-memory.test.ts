import { describe, it } from 'vitest';
import * as dl from '../../index';
import { fromFlat, rand, randn } from '../../../test/support/functional-cases';
import { expectNoLeak } from '../../../test/support/no-leak';

describe('losses memory', () => {
  const x = dl.keep(randn([4, 3, 5], 1, { requiresGrad: true }));
  const p = dl.keep(rand([4, 3, 5], 2, 0.05, 0.95, { requiresGrad: true }));
  const v = dl.keep(randn([4, 3], 3, { requiresGrad: true }));
  const idx = dl.keep(dl.tensor([[0, 1, 2, 0, 1], [0, 1, 2, 0, 1], [0, 1, 2, 0, 1], [0, 1, 2, 0, -100]], { dtype: 'int32' }));
  const cw = dl.keep(rand([3], 4, 0.5, 1.5));
  const signs = dl.keep(fromFlat([1, -1, 1, -1], [4]));
  const leaves = [x, p, v];
  const ops: [string, () => dl.Tensor][] = [
    ['mseLoss', () => dl.mseLoss(x, p)],
    ['l1Loss', () => dl.l1Loss(x, p, { reduction: 'none' })],
    ['smoothL1Loss', () => dl.smoothL1Loss(x, p, { reduction: 'sum' })],
    ['huberLoss', () => dl.huberLoss(x, p)],
    ['crossEntropy (indices)', () => dl.crossEntropy(x, idx, { weight: cw, labelSmoothing: 0.1 })],
    ['crossEntropy (probabilities)', () => dl.crossEntropy(x, p, { weight: cw, reduction: 'none' })],
    ['nllLoss', () => dl.nllLoss(x, idx)],
    ['binaryCrossEntropy', () => dl.binaryCrossEntropy(p, p)],
    ['binaryCrossEntropyWithLogits', () => dl.binaryCrossEntropyWithLogits(x, p, { posWeight: fromFlat([1, 2, 3, 4, 5], [5]) })],
    ['klDiv', () => dl.klDiv(x, p, { reduction: 'batchmean' })],
    ['marginRankingLoss', () => dl.marginRankingLoss(x, p, x)],
    ['hingeEmbeddingLoss', () => dl.hingeEmbeddingLoss(x, p)],
    ['cosineEmbeddingLoss', () => dl.cosineEmbeddingLoss(v, v, signs)],
    ['softMarginLoss', () => dl.softMarginLoss(x, p.detach())],
    ['multiLabelSoftMarginLoss', () => dl.multiLabelSoftMarginLoss(x, p)],
    ['poissonNllLoss', () => dl.poissonNllLoss(x, p, { full: true })],
    ['gaussianNllLoss', () => dl.gaussianNllLoss(x, p, 0.5)],
    ['tripletMarginLoss', () => dl.tripletMarginLoss(v, v, v, { swap: true })],
  ];
  for (const [name, op] of ops) {
    it(`${name} leaves no tensor behind`, () => expectNoLeak(op, leaves));
  }
});
