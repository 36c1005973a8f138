import { describe, expect, it } from 'vitest';
import { interleaveKeys } from './interleave-keys';
import { ngramsIterator } from './ngrams-iterator';

describe('interleaveKeys', () => {
  it("interleaves the bits of two keys as torchtext's interleave_keys", () => {
    // int(''.join(x for t in zip(format(a, '016b'), format(b, '016b')) for x in t), 2) in Python.
    expect(interleaveKeys(3, 5)).toBe(27);
    expect(interleaveKeys(0, 0)).toBe(0);
    expect(interleaveKeys(65535, 0)).toBe(2863311530);
    expect(interleaveKeys(12, 200)).toBe(20704);
  });
});

describe('ngramsIterator', () => {
  it("yields tokens then n-grams as torchtext's ngrams_iterator", () => {
    expect([...ngramsIterator(['here', 'we', 'are'], 2)]).toEqual(['here', 'we', 'are', 'here we', 'we are']);
    expect([...ngramsIterator(['a', 'b', 'c'], 3)]).toEqual(['a', 'b', 'c', 'a b', 'b c', 'a b c']);
  });
});
