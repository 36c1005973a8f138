import { describe, expect, it } from 'vitest';
import { fitLine } from './fit-line.ts';

describe('fitLine', () => {
  it('recovers the slope and intercept of a noisy line', async () => {
    const r = await fitLine(300, 0.5);
    expect(r.weight).toBeCloseTo(3, 1);
    expect(r.bias).toBeCloseTo(-1, 1);
    expect(r.loss).toBeLessThan(0.01);
  });
});
