import { describe, expect, it } from 'vitest';
import { UnigramPerplexity, countIds, unigramLogProbs } from './unigram';

describe('unigram baseline', () => {
  it('counts ids and smooths with add-one over the vocabulary without the excluded entries', () => {
    const counts = countIds([0, 0, 2, 0], 3);
    expect([...counts]).toEqual([3, 0, 1]);
    const logp = unigramLogProbs(counts, { exclude: [1] });
    expect(logp[0]).toBeCloseTo(Math.log(4 / 6), 12);
    expect(logp[1]).toBe(-Infinity);
    expect(logp[2]).toBeCloseTo(Math.log(2 / 6), 12);
  });

  it('gives the perplexity exp(mean NLL) over the targets, skipping the ignored index', () => {
    const ppl = new UnigramPerplexity(unigramLogProbs([3, 0, 1], { exclude: [1] }), 1);
    ppl.update([0, 2, 1]);
    ppl.update([1, 0]);
    // Three counted targets: 0, 2, 0.
    expect(ppl.compute()).toBeCloseTo(Math.exp(-(2 * Math.log(4 / 6) + Math.log(2 / 6)) / 3), 12);
  });

  it('is the vocabulary size for a uniform model', () => {
    const ppl = new UnigramPerplexity(unigramLogProbs([5, 5, 5, 5]));
    ppl.update([0, 1, 2, 3, 3]);
    expect(ppl.compute()).toBeCloseTo(4, 12);
  });
});
