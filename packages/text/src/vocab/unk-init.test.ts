import { normal_, ShapeError, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { unkValues } from './unk-init';

describe('unkValues', () => {
  it('is zeros without unkInit, and what unkInit makes of a zero [dim] tensor otherwise', () => {
    expect(Array.from(unkValues(undefined, 3, 'test'))).toEqual([0, 0, 0]);
    expect(Array.from(unkValues((t) => t.fill_(2), 3, 'test'))).toEqual([2, 2, 2]);
    const seen: number[][] = [];
    unkValues((t) => {
      seen.push([...t.shape, ...Array.from(t.dataSync())]);
      return t;
    }, 2, 'test');
    expect(seen).toEqual([[2, 0, 0]]);
    const random = unkValues((t) => normal_(t), 1000, 'test');
    const mean = random.reduce((a, b) => a + b, 0) / 1000;
    expect(Math.abs(mean)).toBeLessThan(0.2);
    expect(new Set(random).size).toBeGreaterThan(990);
  });

  it('throws a ShapeError naming the caller when unkInit returns another shape or no tensor', () => {
    expect(() => unkValues(() => tensor([[1, 2, 3]]), 3, 'Vectors.get')).toThrow(new ShapeError('Vectors.get: unkInit must return a Tensor of shape [3] (the shape it was given), got [1, 3]'));
    expect(() => unkValues(() => undefined as never, 3, 'Vectors.get')).toThrow(new ShapeError('Vectors.get: unkInit must return a Tensor of shape [3], got undefined'));
  });
});
