import { tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { gain } from './gain';

describe('gain', () => {
  it('multiplies by 10 ** (dB / 20) and returns the input for 0 dB', () => {
    const x = tensor([0.1, -0.2]);
    expect(gain(x, 0)).toBe(x);
    const y = gain(x, 20).tolist() as number[];
    expect(y[0]).toBeCloseTo(1, 6);
    expect(y[1]).toBeCloseTo(-2, 6);
    expect((gain(x).tolist() as number[])[0]).toBeCloseTo(0.1 * 10 ** (1 / 20), 6);
  });
});
