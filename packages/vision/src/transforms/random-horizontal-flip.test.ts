import { ArgumentTypeError, manualSeed, rand, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { expectImage, imageOf, referenceFixture } from '../../test/support/color-fixtures';
import { patternImage, seeded, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { hflip } from './functional/hflip';
import { RandomHorizontalFlip } from './random-horizontal-flip';

describe('RandomHorizontalFlip', () => {
  it('with p = 1 gives torchvision’s PIL result exactly', () => {
    const ref = referenceFixture('vision_hflip');
    expectImage(new RandomHorizontalFlip(1)(imageOf(ref.inputs.image_hwc_uint8!)), ref.expected.y!);
  });

  it('flips when a float32 uniform draw falls below p, the draws torch.rand(1) makes', () => {
    const img = patternImage(4, 3);
    const t = new RandomHorizontalFlip(0.5);
    // torch.manual_seed(0); torch.rand(4) = 0.4963, 0.7682, 0.0885, 0.1320
    const flipped = seeded(0, () => [0, 1, 2, 3].map(() => valuesOf(t(img))));
    expect(flipped).toEqual([hflip(img), img, hflip(img), hflip(img)].map(valuesOf));
    expect(valuesOf(new RandomHorizontalFlip(0)(img))).toEqual(valuesOf(img));
  });

  it('flips a batch as a whole, and repeats under the same seed', () => {
    const x = rand([2, 3, 4, 5]);
    const t = new RandomHorizontalFlip();
    const a = seeded(5, () => [t(x), t(x), t(x), t(x)].map(valuesOf));
    const b = seeded(5, () => [t(x), t(x), t(x), t(x)].map(valuesOf));
    expect(a).toEqual(b);
    for (const y of a) expect([valuesOf(x), valuesOf(hflip(x))]).toContainEqual(y);
    manualSeed(6);
    expect([t(x), t(x), t(x), t(x)].map(valuesOf)).not.toEqual(a);
  });

  it('keeps the Image kind', () => {
    expect(new RandomHorizontalFlip(1)(Image.new('L', [2, 2]))).toBeInstanceOf(Image);
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new RandomHorizontalFlip())).toBe(torchRepr('RandomHorizontalFlip()'));
    expect(new RandomHorizontalFlip(0.3).workerSpec()).toMatchObject({ export: 'RandomHorizontalFlip', args: [0.3] });
  });

  it('rejects a probability outside [0, 1] and a non-image', () => {
    throwsExactly(() => new RandomHorizontalFlip(1.5), ValueError, 'RandomHorizontalFlip: p should be a probability between 0 and 1, got 1.5');
    throwsExactly(() => new RandomHorizontalFlip('0.5' as never), ArgumentTypeError, 'RandomHorizontalFlip: p should be a number (a probability), got "0.5"');
    throwsExactly(() => new RandomHorizontalFlip(1)(3 as never), ArgumentTypeError, 'hflip: expected an Image or an image Tensor, got number 3');
  });
});
