import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { tensor } from '../../ops/creation/tensor';
import { Generator } from '../../random/generator';
import { torchData } from '../../../test/support/torch-data';
import { WeightedRandomSampler } from './weighted-random-sampler';

describe('WeightedRandomSampler', () => {
  const w = torchData.weighted_weights;

  it('draws with replacement as torch.multinomial does', () => {
    expect([...new WeightedRandomSampler(w, 20, { generator: new Generator(0) })]).toEqual(torchData.weighted_replacement_seed0_n20);
  });

  it('draws without replacement as torch.multinomial does', () => {
    const out = [...new WeightedRandomSampler(w, 5, { replacement: false, generator: new Generator(0) })];
    expect(out).toEqual(torchData.weighted_no_replacement_seed0_n5);
    expect(new Set(out).size).toBe(5);
    expect([...new WeightedRandomSampler(w, 1, { replacement: false, generator: new Generator(4) })]).toEqual(torchData.weighted_no_replacement_seed4_n1);
  });

  it('follows the weights: zero weight never drawn, heavy weight most often', () => {
    const s = new WeightedRandomSampler(tensor([0, 1, 9]), 2000, { generator: new Generator(5) });
    const counts = [0, 0, 0];
    for (const i of s) counts[i]++;
    expect(counts[0]).toBe(0);
    expect(counts[2] / 2000).toBeGreaterThan(0.85);
    expect(counts[2] / 2000).toBeLessThan(0.95);
  });

  it('rejects bad weights and sizes', () => {
    expect(() => new WeightedRandomSampler(w, 7, { replacement: false })).toThrow(ValueError);
    expect(() => new WeightedRandomSampler(w, 7, { replacement: false })).toThrow('WeightedRandomSampler: cannot sample numSamples > number of weights without replacement (7 > 6)');
    expect(() => new WeightedRandomSampler(w, 0)).toThrow('WeightedRandomSampler: numSamples should be a positive integer value, but got numSamples=0');
    expect(() => new WeightedRandomSampler(tensor([[1, 2]]), 2)).toThrow(ShapeError);
    expect(() => new WeightedRandomSampler(tensor([[1, 2]]), 2)).toThrow('WeightedRandomSampler: weights should be a 1d sequence but given weights have shape [1, 2]');
    expect(() => [...new WeightedRandomSampler([1, -1], 2)]).toThrow('WeightedRandomSampler: weights must be finite and non-negative, got -1 at position 1');
    expect(() => [...new WeightedRandomSampler([0, 0], 2)]).toThrow('WeightedRandomSampler: invalid multinomial distribution (sum of weights <= 0)');
    expect(() => new WeightedRandomSampler([[1]] as unknown as number[], 2)).toThrow('WeightedRandomSampler: weights should be a 1d sequence of numbers, but position 0 holds an array');
  });
});
