import { ShapeError, ValueError, rand } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectImage, expectResult, fixtureCases, fixtureInput, imageOf, referenceFixture, throwsExactly } from '../../../test/support/color-fixtures';
import { rgbToGrayscale } from './rgb-to-grayscale';

describe('rgbToGrayscale', () => {
  const fx = colorFixture('color_rgb_to_grayscale');

  it('matches the torchvision reference (Grayscale(1) on a PIL image) exactly', () => {
    const ref = referenceFixture('vision_grayscale');
    expectImage(rgbToGrayscale(imageOf(ref.inputs.image_hwc_uint8!)), ref.expected.y!);
  });

  it.each(fixtureCases(fx).map((c) => [c.key, c] as const))('matches torchvision for %s (PIL images exact, uint8 tensors exact, float to 1e-6)', (_, c) => {
    expectResult(rgbToGrayscale(fixtureInput(fx, c.input), c.args[0] as number), c.expected, c.input === 'f32' ? 1e-6 : 0);
  });

  it('gives RGB with equal channels for numOutputChannels 3, and keeps a 1-channel tensor at 1 channel as torchvision does', () => {
    const out = rgbToGrayscale(Image.new('RGB', [1, 1], [255, 0, 0]), 3);
    expect([out.mode, out.getPixel(0, 0)]).toEqual(['RGB', [76, 76, 76]]);
    expect(rgbToGrayscale(rand([2, 3, 4, 4]), 3).shape).toEqual([2, 3, 4, 4]);
    expect(rgbToGrayscale(rand([1, 4, 4]), 3).shape).toEqual([1, 4, 4]);
  });

  it('rejects a rank-2 tensor, 4 channels and other output channel counts', () => {
    throwsExactly(() => rgbToGrayscale(rand([4, 4])), ShapeError, 'rgbToGrayscale: expected an image tensor [..., C, H, W] (rank >= 3), got shape [4, 4]');
    throwsExactly(() => rgbToGrayscale(rand([4, 4, 4])), ShapeError, 'rgbToGrayscale: expected an image tensor with 1 or 3 channels ([..., 1 or 3, H, W]), got 4 channels (shape [4, 4, 4])');
    throwsExactly(() => rgbToGrayscale(rand([3, 4, 4]), 2), ValueError, 'rgbToGrayscale: numOutputChannels must be 1 or 3, got 2');
    throwsExactly(() => rgbToGrayscale(Image.new('RGB', [1, 1]), 4), ValueError, 'rgbToGrayscale: numOutputChannels must be 1 or 3, got 4');
  });
});
