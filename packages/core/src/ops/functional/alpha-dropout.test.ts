import { describe, expect, it } from 'vitest';
import { Generator, ShapeError, ValueError, alphaDropout, featureAlphaDropout, gradcheck } from '../../index';
import { expectClose } from '../../../test/support/reference';
import { fromFlat, randn } from '../../../test/support/functional-cases';

const ALPHA = 1.7580993408473766;

function stats(v: number[]): [number, number] {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length;
  return [mean, Math.sqrt(variance)];
}

describe('alphaDropout', () => {
  it('keeps zero mean and unit variance of standard normal input', () => {
    const x = randn([40000], 1);
    const [m, s] = stats(Array.from(alphaDropout(x, { p: 0.2, generator: new Generator(2) }).dataSync()));
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(s - 1)).toBeLessThan(0.03);
  });

  it("applies PyTorch's affine correction to kept and dropped values", () => {
    const p = 0.5;
    const a = 1 / Math.sqrt((ALPHA * ALPHA * p + 1) * (1 - p));
    const x = fromFlat([0.5, -1, 2, 0, 1, 3], [6], 'float32', { requiresGrad: true });
    const y = alphaDropout(x, { p, generator: new Generator(3) });
    const xs = [0.5, -1, 2, 0, 1, 3];
    const ys = Array.from(y.dataSync());
    const kept = ys.map((v, i) => Math.abs(v - (a * xs[i] + ALPHA * a * p)) < 1e-5);
    ys.forEach((v, i) => {
      if (!kept[i]) expect(v).toBeCloseTo(-ALPHA * a * (1 - p), 5);
    });
    y.backward(fromFlat([1, 1, 1, 1, 1, 1], [6]));
    expectClose(x.grad!, kept.map((k) => (k ? a : 0)));
  });

  it('passes gradcheck with a fixed mask and returns the input in evaluation', () => {
    const x = randn([3, 4], 4, { requiresGrad: true });
    expect(gradcheck((t) => alphaDropout(t, { p: 0.3, generator: new Generator(5) }), [x])).toBe(true);
    expect(alphaDropout(x, { training: false })).toBe(x);
  });

  it('refuses p outside [0, 1]', () => {
    expect(() => alphaDropout(randn([2], 1), { p: 3 })).toThrow(ValueError);
    expect(() => alphaDropout(randn([2], 1), { p: 3 })).toThrow('alphaDropout: dropout probability has to be between 0 and 1, but got 3');
  });
});

describe('featureAlphaDropout', () => {
  it('drops whole channels to the same value', () => {
    const y = Array.from(featureAlphaDropout(fromFlat(new Array(48).fill(0), [4, 4, 3]), { p: 0.5, generator: new Generator(6) }).dataSync());
    for (let i = 0; i < y.length; i += 3) {
      expect(y[i + 1]).toBe(y[i]);
      expect(y[i + 2]).toBe(y[i]);
    }
  });

  it('refuses input with fewer than 2 dims', () => {
    expect(() => featureAlphaDropout(randn([3], 1))).toThrow(ShapeError);
    expect(() => featureAlphaDropout(randn([3], 1))).toThrow('featureAlphaDropout: expected input with at least 2 dimensions (N, C, *), got shape [3]');
  });
});
