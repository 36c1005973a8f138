import { it, expect } from 'vitest';
import * as dl from '../../index';
import { tf } from '../../backend/tfjs';
import { randn, rand, fromFlat } from '../functional/__fixtures__/cases';

it('probe', () => {
  const x = randn([4, 3, 5], 1, { requiresGrad: true });
  const w = randn([3], 2, { requiresGrad: true });
  const b = randn([3], 3, { requiresGrad: true });
  const rm = dl.keep(fromFlat([0, 0, 0], [3]));
  const rv = dl.keep(fromFlat([1, 1, 1], [3]));
  const idx = dl.tensor([[0, 1], [2, 1]], { dtype: 'int32' });
  const table = randn([5, 3], 4, { requiresGrad: true });
  const probs = rand([4, 3, 5], 5);
  const ops: [string, () => dl.Tensor][] = [
    ['softmax', () => dl.softmax(x, 1).sum === undefined ? dl.softmax(x, 1) : dl.softmax(x, 1)],
    ['logSoftmax', () => dl.logSoftmax(x, 2)],
    ['batchNorm', () => dl.batchNorm(x, rm, rv, w, b, { training: true })],
    ['batchNormEval', () => dl.batchNorm(x, rm, rv, w, b)],
    ['layerNorm', () => dl.layerNorm(x, [5])],
    ['groupNorm', () => dl.groupNorm(x, 3, w, b)],
    ['instanceNorm', () => dl.instanceNorm(x, { runningMean: rm, runningVar: rv })],
    ['dropout', () => dl.dropout(x)],
    ['alphaDropout', () => dl.alphaDropout(x)],
    ['dropout2d', () => dl.dropout1d(x)],
    ['embedding', () => dl.embedding(idx, table, { paddingIdx: 0, maxNorm: 1 })],
    ['embeddingBag', () => dl.embeddingBag(idx, table, { mode: 'max' })],
    ['embeddingBagSum', () => dl.embeddingBag(idx, table, { mode: 'sum', perSampleWeights: rand([2, 2], 1, 0, 1, { requiresGrad: true }) })],
    ['normalize', () => dl.normalize(x)],
    ['cos', () => dl.cosineSimilarity(x, x)],
    ['pd', () => dl.pairwiseDistance(x, x, { p: 3 })],
    ['ce', () => dl.crossEntropy(x, dl.tensor([[0, 1, 2, 0, 1], [0, 1, 2, 0, 1], [0, 1, 2, 0, 1], [0, 1, 2, 0, -100]], { dtype: 'int32' }), { weight: rand([3], 1), labelSmoothing: 0.1 })],
    ['ceProbs', () => dl.crossEntropy(x, probs, { labelSmoothing: 0.1 })],
    ['nll', () => dl.nllLoss(x, dl.tensor([[0, 1, 2, 0, 1], [0, 1, 2, 0, 1], [0, 1, 2, 0, 1], [0, 1, 2, 0, 1]], { dtype: 'int32' }))],
    ['mse', () => dl.mseLoss(x, probs)],
    ['bce', () => dl.binaryCrossEntropy(probs, probs, { weight: rand([5], 2) })],
    ['bcel', () => dl.binaryCrossEntropyWithLogits(x, probs, { posWeight: rand([5], 2) })],
    ['kl', () => dl.klDiv(x, probs, { reduction: 'batchmean' })],
    ['gauss', () => dl.gaussianNllLoss(x, probs, 1)],
    ['triplet', () => dl.tripletMarginLoss(x, probs, x, { swap: true })],
    ['cosEmb', () => dl.cosineEmbeddingLoss(x.detach().requiresGrad_(), probs.detach(), dl.ones ? fromFlat([1, -1, 1, -1], [4]) : fromFlat([1, -1, 1, -1], [4]))],
  ];
  for (const [name, f] of ops) {
    const run = () => dl.scope(() => {
      const y = f();
      if (y.requiresGrad) y.backward(y.dim() === 0 ? undefined : fromFlat(new Array(y.numel()).fill(1), y.shape));
      for (const t of [x, w, b, table]) { t.grad?.dispose(); t.grad = null; }
    });
    run();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) run();
    const after = tf.memory().numTensors;
    if (after !== before) console.log('LEAK', name, before, after);
    expect(after - before, name).toBe(0);
  }
});
