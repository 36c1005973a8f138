import { describe, expect, it } from 'vitest';
import { Vocab } from '../vocab/vocab';
import { BABI20Field } from './babi20-field';

describe('BABI20Field', () => {
  it('pads a batch of stories to memorySize, cutting the oldest sentences', () => {
    const field = new BABI20Field(2);
    expect(
      field.pad([
        [['a', 'b'], ['c'], ['d', 'e', 'f']],
        [['g']],
      ]),
    ).toEqual([
      [
        ['d', 'e', 'f'],
        ['c', '<pad>', '<pad>'],
      ],
      [
        ['g', '<pad>', '<pad>'],
        ['<pad>', '<pad>', '<pad>'],
      ],
    ]);
    expect(field.fixLength).toBeNull();
    expect(field.pad([['x', 'y'], ['z']])).toEqual([
      ['x', 'y'],
      ['z', '<pad>'],
    ]);
    expect(() => new BABI20Field(0)).toThrow('BABI20Field: memorySize must be a positive integer, got 0');
  });

  it('numericalizes a batch of stories into [batch, memorySize, words] and questions into [batch, words]', () => {
    const field = new BABI20Field(3);
    field.vocab = new Vocab(new Map([['a', 3], ['b', 2], ['c', 1]]), { specials: ['<pad>'] });
    const stories = field.process([[['a', 'b'], ['c']], [['b']]]);
    expect((stories as { shape: number[] }).shape).toEqual([2, 3, 2]);
    expect(Array.from((stories as { dataSync(): ArrayLike<number> }).dataSync())).toEqual([3, 0, 1, 2, 0, 0, 2, 0, 0, 0, 0, 0]);
    const queries = field.process([['a', 'b'], ['c']]);
    expect((queries as { shape: number[] }).shape).toEqual([2, 2]);
    expect(Array.from((queries as { dataSync(): ArrayLike<number> }).dataSync())).toEqual([1, 2, 3, 0]);
  });

  it('tokenizes a story sentence by sentence, and has no <unk> and batch-first tensors', () => {
    const field = new BABI20Field(50, { lower: true });
    expect(field.preprocess(['Mary went home', 'John left'])).toEqual([
      ['mary', 'went', 'home'],
      ['john', 'left'],
    ]);
    expect(field.preprocess('Where is Mary')).toEqual(['where', 'is', 'mary']);
    expect([field.unkToken, field.batchFirst, field.memorySize]).toEqual([null, true, 50]);
  });
});
