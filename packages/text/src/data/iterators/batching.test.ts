import { describe, expect, it } from 'vitest';
import { classic } from '../../../test/support/classic';
import { RandomShuffler } from '../utils/random-shuffler';
import { batch, pool } from './batching';

describe('batch', () => {
  it('groups by count, and by a batchSizeFn as torchtext', () => {
    expect([...batch([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...batch([...Array(10).keys()].map((i) => i + 1), 6, (x, _n, sofar) => sofar + x)]).toEqual(classic.batch_fn);
    expect([...batch([], 3)]).toEqual([]);
  });
});

describe('pool', () => {
  it('sorts within pools of 100 batches and shuffles the batches of each pool', () => {
    const data = Array.from({ length: 250 }, (_, i) => (i * 37) % 250);
    const out = [...pool(data, 2, (x) => x, { randomShuffler: new RandomShuffler(0), shuffle: true, sortWithinBatch: true })];
    expect(out.length).toBe(125);
    // The first 100 batches come from the first pool of 200 values, sorted and paired.
    const firstPool = data.slice(0, 200).sort((a, b) => a - b);
    expect(out.slice(0, 100).flat().sort((a, b) => a - b)).toEqual(firstPool);
    for (const b of out) expect(b[0]! <= b[1]!).toBe(true);
    expect(out.slice(0, 100)).not.toEqual([...batch(firstPool, 2)]);
  });
});
