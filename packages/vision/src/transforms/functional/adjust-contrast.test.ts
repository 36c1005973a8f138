import { DTypeError, ShapeError, ValueError, rand, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectImage, expectResult, fixtureCases, fixtureInput, imageOf, referenceFixture, throwsExactly } from '../../../test/support/color-fixtures';
import { adjustContrast } from './adjust-contrast';

describe('adjustContrast', () => {
  const fx = colorFixture('color_adjust_contrast');

  it('matches the torchvision reference on a 23x31 PIL image exactly', () => {
    const ref = referenceFixture('vision_adjust_contrast');
    expectImage(adjustContrast(imageOf(ref.inputs.image_hwc_uint8!), ref.params.factor as number), ref.expected.y!);
  });

  it.each(fixtureCases(fx).map((c) => [c.key, c] as const))('matches torchvision for %s (PIL images exact, uint8 tensors exact, float to 1e-6)', (_, c) => {
    expectResult(adjustContrast(fixtureInput(fx, c.input), c.args[0] as number), c.expected, c.input === 'f32' ? 1e-6 : 0);
  });

  it('blends with the rounded mean gray level, as PIL does (factor 0 gives a flat image)', () => {
    const img = new Image(2, 1, 'L', Uint8Array.of(10, 21)); // mean 15.5 rounds to 16
    expect(Array.from(adjustContrast(img, 0).data)).toEqual([16, 16]);
  });

  it('takes the mean over each image of a batch separately', () => {
    const batch = tensor(Int32Array.of(0, 100, 200, 250)).reshape([2, 1, 1, 2]);
    expect(adjustContrast(batch, 0).tolist()).toEqual([[[[50, 50]]], [[[225, 225]]]]);
  });

  it('rejects a negative factor, a 2-channel tensor and a bool tensor', () => {
    throwsExactly(() => adjustContrast(Image.new('RGB', [1, 1]), -1), ValueError, 'adjustContrast: factor must be non-negative, got -1');
    throwsExactly(() => adjustContrast(rand([2, 3, 3]), 1.5), ShapeError, 'adjustContrast: expected an image tensor with 1 or 3 channels ([..., 1 or 3, H, W]), got 2 channels (shape [2, 3, 3])');
    throwsExactly(() => adjustContrast(rand([3, 2, 2]).gt(0.5), 1.5), DTypeError, 'adjustContrast: expected a float32 image tensor in [0, 1] or an int32 8-bit image tensor, got dtype bool');
  });
});
