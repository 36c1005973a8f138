import { ShapeError, ValueError, rand } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectImage, expectResult, fixtureCases, fixtureInput, imageOf, referenceFixture, throwsExactly } from '../../../test/support/color-fixtures';
import { adjustSaturation } from './adjust-saturation';

describe('adjustSaturation', () => {
  const fx = colorFixture('color_adjust_saturation');

  it('matches the torchvision reference on a 23x31 PIL image exactly', () => {
    const ref = referenceFixture('vision_adjust_saturation');
    expectImage(adjustSaturation(imageOf(ref.inputs.image_hwc_uint8!), ref.params.factor as number), ref.expected.y!);
  });

  it.each(fixtureCases(fx).map((c) => [c.key, c] as const))('matches torchvision for %s (PIL images exact, uint8 tensors exact, float to 1e-6)', (_, c) => {
    expectResult(adjustSaturation(fixtureInput(fx, c.input), c.args[0] as number), c.expected, c.input === 'f32' ? 1e-6 : 0);
  });

  it('returns a 1-channel tensor as it is and gives gray at factor 0', () => {
    const gray = rand([1, 4, 4]);
    expect(adjustSaturation(gray, 3)).toBe(gray);
    const out = adjustSaturation(Image.new('RGB', [1, 1], [255, 0, 0]), 0);
    expect(out.getPixel(0, 0)).toEqual([76, 76, 76]);
  });

  it('names a wrong channel count and a negative factor', () => {
    throwsExactly(() => adjustSaturation(rand([2, 4, 3, 3]), 1.5), ShapeError, 'adjustSaturation: expected an image tensor with 1 or 3 channels ([..., 1 or 3, H, W]), got 4 channels (shape [2, 4, 3, 3])');
    throwsExactly(() => adjustSaturation(rand([3, 3, 3]), -0.1), ValueError, 'adjustSaturation: factor must be non-negative, got -0.1');
  });
});
