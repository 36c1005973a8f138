import { ArgumentTypeError, ShapeError, ValueError, rand, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectImage, expectResult, fixtureCases, fixtureInput, imageOf, referenceFixture, throwsExactly } from '../../../test/support/color-fixtures';
import { adjustBrightness } from './adjust-brightness';

describe('adjustBrightness', () => {
  const fx = colorFixture('color_adjust_brightness');

  it('matches the torchvision reference on a 23x31 PIL image exactly', () => {
    const ref = referenceFixture('vision_adjust_brightness');
    expectImage(adjustBrightness(imageOf(ref.inputs.image_hwc_uint8!), ref.params.factor as number), ref.expected.y!);
  });

  it.each(fixtureCases(fx).map((c) => [c.key, c] as const))('matches torchvision for %s (PIL images exact, uint8 tensors exact, float to 1e-6)', (_, c) => {
    expectResult(adjustBrightness(fixtureInput(fx, c.input), c.args[0] as number), c.expected, c.input === 'f32' ? 1e-6 : 0);
  });

  it('keeps the alpha channel of an RGBA image', () => {
    const img = Image.new('RGBA', [2, 1], [100, 50, 20, 77]);
    expect(adjustBrightness(img, 2).getPixel(0, 0)).toEqual([200, 100, 40, 77]);
  });

  it('keeps the batch shape and dtype of a tensor', () => {
    const out = adjustBrightness(tensor(Int32Array.of(100, 200)).reshape([1, 1, 2]), 1.5);
    expect(out.dtype).toBe('int32');
    expect(out.tolist()).toEqual([[[150, 255]]]);
    expect(adjustBrightness(rand([2, 3, 4, 5]), 0.5).shape).toEqual([2, 3, 4, 5]);
  });

  it('rejects a negative factor, a 4-channel tensor and a non-image', () => {
    throwsExactly(() => adjustBrightness(Image.new('RGB', [1, 1]), -0.5), ValueError, 'adjustBrightness: factor must be non-negative, got -0.5');
    throwsExactly(() => adjustBrightness(rand([4, 2, 2]), 1.2), ShapeError, 'adjustBrightness: expected an image tensor with 1 or 3 channels ([..., 1 or 3, H, W]), got 4 channels (shape [4, 2, 2])');
    throwsExactly(() => adjustBrightness('img' as never, 1), ArgumentTypeError, 'adjustBrightness: expected an Image or an image Tensor, got string img');
    throwsExactly(() => adjustBrightness(Image.new('L', [1, 1]), Number.NaN), ValueError, 'adjustBrightness: factor must be a finite number, got NaN');
  });
});
