import { manualSeed, randint } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { WordLanguageModel } from './model';

describe('WordLanguageModel', () => {
  it('scores every position of [seqLen, batch] input and returns the 2-layer state', () => {
    manualSeed(0);
    const model = new WordLanguageModel(50, { embeddingDim: 8, hiddenSize: 8 });
    const [scores, [h, c]] = model.forward(randint(0, 50, [7, 3]), null);
    expect(scores.shape).toEqual([21, 50]);
    expect(h.shape).toEqual([2, 3, 8]);
    expect(c.shape).toEqual([2, 3, 8]);
  });

  it('ties the decoder to the embedding: one parameter, counted once, saved under both names', () => {
    const tied = new WordLanguageModel(50, { embeddingDim: 8, hiddenSize: 8 });
    expect(tied.decoder.weight).toBe(tied.encoder.weight);
    expect(tied.namedParameters().map(([n]) => n)).not.toContain('decoder.weight');
    expect(Object.keys(tied.stateDict())).toContain('decoder.weight');
    const untied = new WordLanguageModel(50, { embeddingDim: 8, hiddenSize: 8, tieWeights: false });
    expect(untied.decoder.weight).not.toBe(untied.encoder.weight);
    const count = (m: WordLanguageModel) => m.parameters().reduce((n, p) => n + p.numel(), 0);
    expect(count(untied) - count(tied)).toBe(50 * 8);
    expect(() => new WordLanguageModel(50, { embeddingDim: 8, hiddenSize: 16 })).toThrow('WordLanguageModel: tied weights need embeddingDim === hiddenSize, got 8 and 16');
  });
});
