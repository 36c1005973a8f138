import { ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { FizzBuzzDataset, fizzBuzzClass, fizzBuzzText } from './fizzbuzz-dataset';

describe('FizzBuzzDataset', () => {
  it('encodes numbers in binary with their FizzBuzz class, over the classic split', () => {
    const train = new FizzBuzzDataset(101, 1023);
    const test = new FizzBuzzDataset(1, 100);
    expect([train.length, test.length]).toEqual([923, 100]);
    const [bits, cls] = test.getItem(14);
    expect(Array.from(bits)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(cls).toBe(0);
    expect([3, 5, 15, 7].map(fizzBuzzClass)).toEqual([2, 1, 0, 3]);
    expect([3, 5, 15, 7].map((n) => fizzBuzzText(n, fizzBuzzClass(n)))).toEqual(['Fizz', 'Buzz', 'FizzBuzz', '7']);
  });

  it('rejects bad ranges and indices with ValueError', () => {
    expect(() => new FizzBuzzDataset(10, 5)).toThrow(ValueError);
    expect(() => new FizzBuzzDataset(10, 5)).toThrow('FizzBuzzDataset: expected integers 0 <= from <= to, got 10..5');
    expect(() => new FizzBuzzDataset(1, 1024)).toThrow('FizzBuzzDataset: 1024 needs more than inputSize=10 bits');
    expect(() => new FizzBuzzDataset(1, 100).getItem(100)).toThrow('FizzBuzzDataset: index 100 is out of range for 100 items');
  });
});
