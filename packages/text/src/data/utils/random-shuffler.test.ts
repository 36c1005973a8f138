import { manualSeed } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { RandomShuffler } from './random-shuffler';

describe('RandomShuffler', () => {
  it('repeats a shuffle when its state is restored, without advancing the default generator', () => {
    manualSeed(0);
    const s = new RandomShuffler();
    const state = s.randomState;
    const a = s.shuffle([...Array(20).keys()]);
    s.randomState = state;
    expect(s.shuffle([...Array(20).keys()])).toEqual(a);
    manualSeed(0);
    expect(new RandomShuffler().shuffle([...Array(20).keys()])).toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
  });

  it('takes a seed', () => {
    expect(new RandomShuffler(4).shuffle([1, 2, 3, 4, 5])).toEqual(new RandomShuffler(4).shuffle([1, 2, 3, 4, 5]));
    expect(new RandomShuffler(4).shuffle([...Array(10).keys()])).not.toEqual(new RandomShuffler(5).shuffle([...Array(10).keys()]));
  });
});
