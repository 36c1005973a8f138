import { ValueError, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { patternImage, seeded, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { invert } from './functional/invert';
import { RandomInvert } from './random-invert';

describe('RandomInvert', () => {
  it('applies invert when torch.rand(1) < p (seed 0 draws 0.4963, 0.7682, 0.0885)', () => {
    const img = patternImage(4, 3);
    const done = valuesOf(invert(img));
    expect(seeded(0, () => [0, 1, 2].map(() => valuesOf(new RandomInvert()(img))))).toEqual([done, valuesOf(img), done]);
    expect(new RandomInvert(0)(img)).toBe(img);
    expect(new RandomInvert(1)(img)).toBeInstanceOf(Image);
  });

  it('treats a batch as a whole, on int32 8-bit tensors', () => {
    const x = tensor([[[[0, 100], [200, 255]]], [[[7, 8], [9, 10]]]], { dtype: 'int32' });
    expect(valuesOf(new RandomInvert(1)(x))).toEqual(valuesOf(invert(x)));
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new RandomInvert())).toBe(torchRepr('RandomInvert()'));
    expect(new RandomInvert(0.2).workerSpec()).toMatchObject({ export: 'RandomInvert', args: [0.2] });
  });

  it('rejects a probability outside [0, 1]', () => {
    throwsExactly(() => new RandomInvert(2), ValueError, 'RandomInvert: p should be a probability between 0 and 1, got 2');
  });
});
