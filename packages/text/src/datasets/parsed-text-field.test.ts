import type { Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Vocab } from '../vocab/vocab';
import { ParsedTextField } from './parsed-text-field';

describe('ParsedTextField', () => {
  it('keeps the words of a binary parse and pads with <pad> as eos, with lengths', () => {
    const field = new ParsedTextField({ lower: true });
    expect(field.preprocess('( ( Two women ) ( are embracing ) )')).toEqual(['two', 'women', 'are', 'embracing']);
    expect([field.eosToken, field.includeLengths]).toEqual(['<pad>', true]);
    field.vocab = new Vocab(new Map([['a', 2], ['b', 1]]));
    const [padded, lengths] = field.process([['a', 'b'], ['b']]) as [Tensor, Tensor];
    expect(padded.shape).toEqual([3, 2]);
    expect(Array.from(padded.dataSync())).toEqual([2, 3, 3, 1, 1, 1]);
    expect(Array.from(lengths.dataSync())).toEqual([3, 2]);
  });

  it('reverses each numericalized sentence, padding included, with reverse', () => {
    const field = new ParsedTextField({ reverse: true });
    field.vocab = new Vocab(new Map([['a', 2], ['b', 1]]));
    const [padded] = field.process([['a', 'b'], ['b']]) as [Tensor, Tensor];
    // [seq, batch]: example 0 is [a, b, <pad>] reversed, example 1 [b, <pad>, <pad>] reversed.
    expect(Array.from(padded.dataSync())).toEqual([1, 1, 3, 1, 2, 3]);
  });
});
