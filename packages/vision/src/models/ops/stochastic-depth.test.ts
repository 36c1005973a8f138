import { manualSeed, nn, ones, ValueError, ArgumentTypeError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { throwsExactly } from '../../../test/support/color-fixtures';
import { StochasticDepth, stochasticDepth } from './stochastic-depth';

describe('stochasticDepth', () => {
  it('returns the input itself when not training or when p is 0', () => {
    const x = ones([3, 2]);
    expect(stochasticDepth(x, 0.5, 'row', false)).toBe(x);
    expect(stochasticDepth(x, 0, 'batch')).toBe(x);
  });

  it("zeroes whole rows in 'row' mode and scales the others by 1 / (1 - p)", () => {
    manualSeed(3);
    const rows = stochasticDepth(ones([64, 2, 2]), 0.25, 'row').reshape([64, 4]).tolist() as number[][];
    const kept = Math.fround(4 / 3);
    const kinds = new Set(rows.map((r) => (r.every((v) => v === 0) ? 'dropped' : r.every((v) => v === kept) ? 'kept' : 'mixed')));
    expect([...kinds].sort()).toEqual(['dropped', 'kept']);
  });

  it("keeps or zeroes the whole batch in 'batch' mode, and zeroes everything with p = 1", () => {
    manualSeed(5);
    for (let i = 0; i < 5; i++) {
      const values = new Set(stochasticDepth(ones([4, 3]), 0.5, 'batch').dataSync());
      expect(values.size).toBe(1);
      expect([0, 2]).toContain([...values][0]);
    }
    expect([...new Set(stochasticDepth(ones([4, 3]), 1, 'row').dataSync())]).toEqual([0]);
  });

  it('repeats its draws after manualSeed', () => {
    manualSeed(11);
    const a = stochasticDepth(ones([16, 1]), 0.5, 'row').tolist();
    manualSeed(11);
    expect(stochasticDepth(ones([16, 1]), 0.5, 'row').tolist()).toEqual(a);
  });

  it('rejects a probability outside [0, 1], an unknown mode and a non-boolean training flag', () => {
    throwsExactly(() => stochasticDepth(ones([2]), 1.5, 'row'), ValueError, 'stochasticDepth: drop probability has to be between 0 and 1, but got 1.5');
    throwsExactly(() => stochasticDepth(ones([2]), 0.5, 'col' as never), ValueError, "stochasticDepth: mode has to be either 'batch' or 'row', but got col");
    throwsExactly(() => stochasticDepth(ones([2]), 0.5, 'row', 1 as never), ArgumentTypeError, 'stochasticDepth: expected training to be a boolean, got 1');
    throwsExactly(() => new StochasticDepth(-0.1, 'row'), ValueError, 'StochasticDepth: drop probability has to be between 0 and 1, but got -0.1');
  });
});

describe('StochasticDepth', () => {
  it('drops only in training mode and prints like torchvision', () => {
    const sd = new StochasticDepth(0.0125, 'row');
    expect(sd.toString()).toBe('StochasticDepth(p=0.0125, mode=row)');
    expect(new StochasticDepth(0, 'batch').toString()).toBe('StochasticDepth(p=0.0, mode=batch)');
    expect(new nn.Sequential(new StochasticDepth(1e-5, 'row')).toString()).toBe('Sequential(\n  (0): StochasticDepth(p=1e-05, mode=row)\n)');
    const x = ones([8, 2]);
    expect(sd.eval().forward(x)).toBe(x);
    const drop = new StochasticDepth(1, 'row');
    expect([...new Set(drop.train().forward(x).dataSync())]).toEqual([0]);
  });
});
