import { describe, expect, it } from 'vitest';
import { Image } from '../../../image/image';
import { fixedPointWeights, precomputeCoefficients, resampleImage } from './geometry-resample';
import { RESAMPLE_FILTERS } from './geometry-resample-filters';

describe('precomputeCoefficients', () => {
  it('stretches the support by the downscale factor and normalizes the weights', () => {
    const up = precomputeCoefficients(10, 0, 10, 20, RESAMPLE_FILTERS.bilinear);
    expect(up.ksize).toBe(3);
    const down = precomputeCoefficients(40, 0, 40, 10, RESAMPLE_FILTERS.bilinear);
    expect(down.ksize).toBe(9); // support 1 * 4 -> ceil(4) * 2 + 1
    for (const co of [up, down]) {
      for (let i = 0; i < co.bounds.length / 2; i++) {
        let sum = 0;
        for (let k = 0; k < co.bounds[2 * i + 1]!; k++) sum += co.weights[i * co.ksize + k]!;
        expect(sum).toBeCloseTo(1, 12);
      }
    }
    expect(Array.from(down.bounds.slice(0, 2))).toEqual([0, 6]);
  });

  it('rounds fixed-point weights away from zero', () => {
    expect(Array.from(fixedPointWeights(Float64Array.of(0.5, -0.25, 1e-9, -1e-9, 2.5 / (1 << 22), -2.5 / (1 << 22))))).toEqual([1 << 21, -(1 << 20), 0, 0, 3, -3]);
  });
});

describe('resampleImage', () => {
  it('keeps a constant image constant with every filter', () => {
    const img = Image.new('RGB', [9, 7], [200, 100, 3]);
    for (const f of ['box', 'bilinear', 'hamming', 'bicubic', 'lanczos'] as const) {
      for (const [w, h] of [[4, 3], [20, 11], [9, 2]] as const) {
        const y = resampleImage(img, w, h, f);
        expect(y.size).toEqual([w, h]);
        expect(new Set(y.data.filter((_, i) => i % 3 === 0))).toEqual(new Set([200]));
      }
    }
  });

  it('filters RGBA premultiplied, so transparent pixels do not bleed their color', () => {
    const img = new Image(2, 1, 'RGBA', Uint8Array.of(255, 0, 0, 255, 0, 255, 0, 0));
    const y = resampleImage(img, 1, 1, 'bilinear');
    expect(Array.from(y.data)).toEqual([255, 0, 0, 128]);
  });
});
