import { manualSeed, rand } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { WordLanguageModel } from './model';
import { sampleContinuation } from './sample';

describe('sampleContinuation', () => {
  manualSeed(0);
  const model = new WordLanguageModel(40, { embeddingDim: 8, hiddenSize: 8 });

  it('never draws an excluded word', () => {
    const exclude = Array.from({ length: 38 }, (_, i) => i + 2); // only 0 and 1 remain
    const ids = sampleContinuation(model, [3], { length: 40, temperature: 2, exclude });
    expect(new Set(ids)).toEqual(new Set([0, 1]));
  });

  it('draws the same words for the same seed, others for another seed', () => {
    const a = sampleContinuation(model, [3, 4, 5], { length: 25, seed: 7 });
    expect(a).toHaveLength(25);
    for (const id of a) expect(Number.isInteger(id) && id >= 0 && id < 40).toBe(true);
    expect(sampleContinuation(model, [3, 4, 5], { length: 25, seed: 7 })).toEqual(a);
    expect(sampleContinuation(model, [3, 4, 5], { length: 25, seed: 8 })).not.toEqual(a);
  });

  it('leaves the model in training mode and the global random stream alone', () => {
    model.train();
    manualSeed(1);
    const expected = rand([3]).tolist();
    manualSeed(1);
    sampleContinuation(model, [1], { length: 5, seed: 2 });
    expect(rand([3]).tolist()).toEqual(expected);
    expect(model.training).toBe(true);
  });

  it('follows the temperature: a very low one always takes the most likely word', () => {
    const cold = [1, 2, 3].map((seed) => sampleContinuation(model, [3, 4, 5], { length: 8, temperature: 1e-4, seed }));
    expect(cold[1]).toEqual(cold[0]);
    expect(cold[2]).toEqual(cold[0]);
    // Without its most likely word, the cold sample takes another.
    const without = sampleContinuation(model, [3, 4, 5], { length: 8, temperature: 1e-4, seed: 1, exclude: [cold[0][0]] });
    expect(without[0]).not.toBe(cold[0][0]);
    expect(() => sampleContinuation(model, [3], { temperature: 0 })).toThrow('sampleContinuation: temperature must be > 0, got 0');
    expect(() => sampleContinuation(model, [])).toThrow('sampleContinuation: the prompt has no words');
  });
});
