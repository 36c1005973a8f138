import { ValueError, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { patternImage, seeded, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { adjustSharpness } from './functional/adjust-sharpness';
import { RandomAdjustSharpness } from './random-adjust-sharpness';

describe('RandomAdjustSharpness', () => {
  it('applies adjustSharpness when torch.rand(1) < p (seed 0 draws 0.4963, 0.7682, 0.0885)', () => {
    const img = patternImage(4, 3);
    const done = valuesOf(adjustSharpness(img, 2));
    expect(seeded(0, () => [0, 1, 2].map(() => valuesOf(new RandomAdjustSharpness(2)(img))))).toEqual([done, valuesOf(img), done]);
    expect(new RandomAdjustSharpness(2, { p: 0 })(img)).toBe(img);
    expect(new RandomAdjustSharpness(2, { p: 1 })(img)).toBeInstanceOf(Image);
  });

  it('treats a batch as a whole, on int32 8-bit tensors', () => {
    const x = tensor([[[[0, 100], [200, 255]]], [[[7, 8], [9, 10]]]], { dtype: 'int32' });
    expect(valuesOf(new RandomAdjustSharpness(2, { p: 1 })(x))).toEqual(valuesOf(adjustSharpness(x, 2)));
  });

  it('prints its repr as torchvision (no space before p) and rebuilds from its workerSpec', () => {
    expect(String(new RandomAdjustSharpness(2))).toBe(torchRepr('RandomAdjustSharpness(2)'));
    expect(new RandomAdjustSharpness(2, { p: 0.2 }).workerSpec()).toMatchObject({ export: 'RandomAdjustSharpness', args: [2, { p: 0.2 }] });
  });

  it('rejects a bad sharpnessFactor and a probability outside [0, 1]', () => {
    throwsExactly(() => new RandomAdjustSharpness(-1), ValueError, 'RandomAdjustSharpness: sharpnessFactor should be a non-negative number, got number -1');
    throwsExactly(() => new RandomAdjustSharpness(2, { p: -1 }), ValueError, 'RandomAdjustSharpness: p should be a probability between 0 and 1, got -1');
  });
});
