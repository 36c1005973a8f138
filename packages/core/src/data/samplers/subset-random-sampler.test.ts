import { describe, expect, it } from 'vitest';
import { ValueError } from '../../errors/value-error';
import { Generator } from '../../random/generator';
import { torchData } from '../../../test/support/torch-data';
import { SubsetRandomSampler } from './subset-random-sampler';

describe('SubsetRandomSampler', () => {
  it('shuffles the given indices as PyTorch does', () => {
    const s = new SubsetRandomSampler([10, 20, 30, 40, 50], { generator: new Generator(2) });
    expect([...s]).toEqual(torchData.subset_random_sampler_seed2);
    expect(s.length).toBe(5);
  });

  it('yields each index once per pass', () => {
    const s = new SubsetRandomSampler([3, 1, 4, 5, 9, 2, 6]);
    expect([...s].sort()).toEqual([1, 2, 3, 4, 5, 6, 9]);
  });

  it('rejects indices that are not iterable', () => {
    expect(() => new SubsetRandomSampler(5 as unknown as number[])).toThrow(ValueError);
    expect(() => new SubsetRandomSampler(5 as unknown as number[])).toThrow('SubsetRandomSampler: indices should be an array of integers, but got 5');
  });
});
