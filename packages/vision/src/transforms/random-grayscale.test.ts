import { rand, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { patternImage, seeded, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { rgbToGrayscale } from './functional/rgb-to-grayscale';
import { RandomGrayscale } from './random-grayscale';

describe('RandomGrayscale', () => {
  it('keeps the channel count: RGB stays RGB with equal channels, L stays L', () => {
    const img = patternImage(3, 2);
    const y = new RandomGrayscale(1)(img);
    expect([y.mode, valuesOf(y)]).toEqual(['RGB', valuesOf(rgbToGrayscale(img, 3))]);
    expect(new RandomGrayscale(1)(patternImage(3, 2, 'L')).mode).toBe('L');
    expect(new RandomGrayscale(1)(rand([2, 3, 4, 4])).shape).toEqual([2, 3, 4, 4]);
  });

  it('converts when torch.rand(1) < p (seed 0 draws 0.4963, 0.7682, 0.0885)', () => {
    const img = patternImage(3, 2);
    const gray = valuesOf(rgbToGrayscale(img, 3));
    expect(seeded(0, () => [0, 1, 2].map(() => valuesOf(new RandomGrayscale(0.5)(img))))).toEqual([gray, valuesOf(img), gray]);
    expect(new RandomGrayscale(0)(img)).toBe(img);
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new RandomGrayscale())).toBe(torchRepr('RandomGrayscale()'));
    expect(new RandomGrayscale(0.2).workerSpec()).toMatchObject({ export: 'RandomGrayscale', args: [0.2] });
  });

  it('rejects a probability outside [0, 1]', () => {
    throwsExactly(() => new RandomGrayscale(-0.1), ValueError, 'RandomGrayscale: p should be a probability between 0 and 1, got -0.1');
    expect(new RandomGrayscale(1)(Image.new('L', [1, 1]))).toBeInstanceOf(Image);
  });
});
