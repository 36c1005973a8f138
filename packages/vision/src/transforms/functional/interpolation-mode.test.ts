import { describe, expect, it } from 'vitest';
import { InterpolationMode } from './interpolation-mode';

describe('InterpolationMode', () => {
  it("holds torchvision's mode strings", () => {
    expect(InterpolationMode).toEqual({
      NEAREST: 'nearest',
      NEAREST_EXACT: 'nearest-exact',
      BILINEAR: 'bilinear',
      BICUBIC: 'bicubic',
      BOX: 'box',
      HAMMING: 'hamming',
      LANCZOS: 'lanczos',
    });
    const mode: InterpolationMode = InterpolationMode.BILINEAR;
    expect(mode).toBe('bilinear');
  });
});
