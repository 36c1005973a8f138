import { ArgumentTypeError, ShapeError, ValueError, rand } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectImage, expectResult, fixtureCases, fixtureInput, imageOf, referenceFixture, throwsExactly } from '../../../test/support/color-fixtures';
import { adjustHue } from './adjust-hue';

describe('adjustHue', () => {
  const fx = colorFixture('color_adjust_hue');
  const palette = colorFixture('color_adjust_hue_palette');

  it('matches the torchvision reference on a 23x31 PIL image exactly (PIL integer HSV ported)', () => {
    const ref = referenceFixture('vision_adjust_hue');
    expectImage(adjustHue(imageOf(ref.inputs.image_hwc_uint8!), ref.params.factor as number), ref.expected.y!);
  });

  it.each(fixtureCases(fx).map((c) => [c.key, c] as const))('matches torchvision for %s (PIL images exact, uint8 tensors exact, float to 1e-6)', (_, c) => {
    expectResult(adjustHue(fixtureInput(fx, c.input), c.args[0] as number), c.expected, c.input === 'f32' ? 1e-6 : 0);
  });

  it.each(fixtureCases(palette).map((c) => [c.args[0], c] as const))('matches PIL on every 6-level lattice color plus random ones (hue %s)', (_, c) => {
    expectResult(adjustHue(fixtureInput(palette, c.input), c.args[0] as number), c.expected);
  });

  it('returns L images and 1-channel tensors unchanged; RGBA comes back opaque as in PIL', () => {
    expect(Array.from(adjustHue(Image.new('L', [2, 2], 9), 0.3).data)).toEqual([9, 9, 9, 9]);
    const one = rand([1, 3, 3]);
    expect(adjustHue(one, 0.3)).toBe(one);
    expect(adjustHue(Image.new('RGBA', [1, 1], [255, 0, 0, 10]), 0).getPixel(0, 0)).toEqual([255, 0, 0, 255]);
  });

  it('rejects a factor outside [-0.5, 0.5], a 2-channel tensor and a non-number factor', () => {
    throwsExactly(() => adjustHue(Image.new('RGB', [1, 1]), 0.6), ValueError, 'adjustHue: hueFactor must be in [-0.5, 0.5], got 0.6');
    throwsExactly(() => adjustHue(rand([2, 3, 3]), 0.1), ShapeError, 'adjustHue: expected an image tensor with 1 or 3 channels ([..., 1 or 3, H, W]), got 2 channels (shape [2, 3, 3])');
    throwsExactly(() => adjustHue(rand([3, 3, 3]), '0.1' as never), ArgumentTypeError, 'adjustHue: expected hueFactor to be a number, got string 0.1');
  });
});
