import { describe, expect, it } from 'vitest';
import { addBigrams } from './bigrams';

describe('addBigrams', () => {
  it('appends each pair of neighbouring tokens after the tokens', () => {
    expect(addBigrams(['how', 'many', 'legs', '?'])).toEqual(['how', 'many', 'legs', '?', 'how many', 'many legs', 'legs ?']);
  });
  it('adds nothing to one token or none', () => {
    expect(addBigrams(['who'])).toEqual(['who']);
    expect(addBigrams([])).toEqual([]);
  });
});
