import { ValueError, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { patternImage, seeded, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { solarize } from './functional/solarize';
import { RandomSolarize } from './random-solarize';

describe('RandomSolarize', () => {
  it('applies solarize when torch.rand(1) < p (seed 0 draws 0.4963, 0.7682, 0.0885)', () => {
    const img = patternImage(4, 3);
    const done = valuesOf(solarize(img, 128));
    expect(seeded(0, () => [0, 1, 2].map(() => valuesOf(new RandomSolarize(128)(img))))).toEqual([done, valuesOf(img), done]);
    expect(new RandomSolarize(128, { p: 0 })(img)).toBe(img);
    expect(new RandomSolarize(128, { p: 1 })(img)).toBeInstanceOf(Image);
  });

  it('treats a batch as a whole, on int32 8-bit tensors', () => {
    const x = tensor([[[[0, 100], [200, 255]]], [[[7, 8], [9, 10]]]], { dtype: 'int32' });
    expect(valuesOf(new RandomSolarize(128, { p: 1 })(x))).toEqual(valuesOf(solarize(x, 128)));
  });

  it('prints its repr as torchvision (no space before p) and rebuilds from its workerSpec', () => {
    expect(String(new RandomSolarize(128, { p: 0.3 }))).toBe(torchRepr('RandomSolarize(128, {p: 0.3})'));
    expect(new RandomSolarize(128, { p: 0.2 }).workerSpec()).toMatchObject({ export: 'RandomSolarize', args: [128, { p: 0.2 }] });
  });

  it('rejects a bad threshold and a probability outside [0, 1]', () => {
    throwsExactly(() => new RandomSolarize(Number.NaN), ValueError, 'RandomSolarize: threshold should be a number, got number NaN');
    throwsExactly(() => new RandomSolarize(128, { p: -1 }), ValueError, 'RandomSolarize: p should be a probability between 0 and 1, got -1');
  });
});
