import { describe, expect, it } from 'vitest';
import { ValueError } from '../errors/value-error';
import { Generator } from '../random/generator';
import { torchData } from '../../test/support/torch-data';
import { randomSplit } from './random-split';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('randomSplit', () => {
  it('splits by lengths as PyTorch does for the same seed', () => {
    const parts = randomSplit(range(10), [3, 7], { generator: new Generator(42) });
    expect(parts.map((p) => p.indices)).toEqual(torchData.random_split_10_3_7_seed42);
  });

  it('splits by fractions, handing the remainder out round-robin', () => {
    const parts = randomSplit(range(11), [0.5, 0.3, 0.2], { generator: new Generator(0) });
    expect(parts.map((p) => p.length)).toEqual([6, 3, 2]);
    expect(parts.map((p) => p.indices)).toEqual(torchData.random_split_11_fracs_seed0);
    expect(parts[1].getItem(0)).toBe(torchData.random_split_11_fracs_seed0[1][0]);
  });

  it('rejects lengths that do not add up', () => {
    expect(() => randomSplit(range(10), [3, 6])).toThrow(ValueError);
    expect(() => randomSplit(range(10), [3, 6])).toThrow('randomSplit: sum of input lengths (9) does not equal the length of the input dataset (10)');
    expect(() => randomSplit(range(10), [1.5, -0.5])).toThrow('randomSplit: fraction at index 0 is not between 0 and 1 (got 1.5)');
    expect(() => randomSplit(range(10), [2.5, 7.5])).toThrow('randomSplit: length at index 0 should be a non-negative integer (or all lengths fractions summing to 1), got 2.5');
    expect(() => randomSplit(range(10), [])).toThrow('randomSplit: lengths should be a non-empty array of numbers, got []');
  });
});
