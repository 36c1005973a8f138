import { ValueError, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { patternImage, seeded, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { posterize } from './functional/posterize';
import { RandomPosterize } from './random-posterize';

describe('RandomPosterize', () => {
  it('applies posterize when torch.rand(1) < p (seed 0 draws 0.4963, 0.7682, 0.0885)', () => {
    const img = patternImage(4, 3);
    const done = valuesOf(posterize(img, 2));
    expect(seeded(0, () => [0, 1, 2].map(() => valuesOf(new RandomPosterize(2)(img))))).toEqual([done, valuesOf(img), done]);
    expect(new RandomPosterize(2, { p: 0 })(img)).toBe(img);
    expect(new RandomPosterize(2, { p: 1 })(img)).toBeInstanceOf(Image);
  });

  it('treats a batch as a whole, on int32 8-bit tensors', () => {
    const x = tensor([[[[0, 100], [200, 255]]], [[[7, 8], [9, 10]]]], { dtype: 'int32' });
    expect(valuesOf(new RandomPosterize(2, { p: 1 })(x))).toEqual(valuesOf(posterize(x, 2)));
  });

  it('prints its repr as torchvision (no space before p) and rebuilds from its workerSpec', () => {
    expect(String(new RandomPosterize(2))).toBe(torchRepr('RandomPosterize(2)'));
    expect(new RandomPosterize(2, { p: 0.2 }).workerSpec()).toMatchObject({ export: 'RandomPosterize', args: [2, { p: 0.2 }] });
  });

  it('rejects a bad bits and a probability outside [0, 1]', () => {
    throwsExactly(() => new RandomPosterize(9), ValueError, 'RandomPosterize: bits should be an integer between 0 and 8, got number 9');
    throwsExactly(() => new RandomPosterize(2, { p: -1 }), ValueError, 'RandomPosterize: p should be a probability between 0 and 1, got -1');
  });
});
