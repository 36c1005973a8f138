import { describe, expect, it } from 'vitest';
import { ValueError } from '../../errors/value-error';
import { Generator, manualSeed } from '../../random/generator';
import { torchData } from '../../../test/support/torch-data';
import { RandomSampler } from './random-sampler';
import { randpermArray } from './sampler-utils';

describe('randpermArray', () => {
  it('matches torch.randperm for the same seed', () => {
    for (const [n, expected] of Object.entries(torchData.randperm)) {
      expect(randpermArray(Number(n), new Generator(Number(n) + 100))).toEqual(expected);
    }
  });
});

describe('RandomSampler', () => {
  const ten = { length: 10 };

  it('gives PyTorch order with a seeded generator, a new permutation each pass', () => {
    const s = new RandomSampler(ten, { generator: new Generator(0) });
    expect([[...s], [...s]]).toEqual(torchData.random_sampler_seed0_two_epochs);
  });

  it('draws with replacement as PyTorch does', () => {
    const s = new RandomSampler(ten, { replacement: true, numSamples: 40, generator: new Generator(1) });
    expect([...s]).toEqual(torchData.random_sampler_replacement_seed1_n40);
    expect(s.length).toBe(40);
  });

  it('chains permutations when numSamples exceeds the length', () => {
    const out = [...new RandomSampler(ten, { numSamples: 25, generator: new Generator(2) })];
    expect(out).toEqual(torchData.random_sampler_seed2_n25);
    expect(new Set(out.slice(0, 10)).size).toBe(10);
  });

  it('seeds each pass from the default generator without a generator (manualSeed repeats it)', () => {
    manualSeed(3);
    const a = [[...new RandomSampler(ten)], [...new RandomSampler(ten)]];
    expect(a).toEqual(torchData.random_sampler_default_generator_after_manual_seed3);
  });

  it('yields nothing for an empty dataset', () => {
    expect([...new RandomSampler({ length: 0 })]).toEqual([]);
  });

  it('rejects bad numSamples and replacement', () => {
    expect(() => new RandomSampler(ten, { numSamples: 0 })).toThrow(ValueError);
    expect(() => new RandomSampler(ten, { numSamples: 0 })).toThrow('RandomSampler: numSamples should be a positive integer value, but got numSamples=0');
    expect(() => new RandomSampler(ten, { replacement: 1 as unknown as boolean })).toThrow('RandomSampler: replacement should be a boolean value, but got replacement=1');
  });
});
