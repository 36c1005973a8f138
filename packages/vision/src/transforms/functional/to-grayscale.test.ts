import { ArgumentTypeError, ValueError, rand } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { expectImage, imageOf, referenceFixture, throwsExactly } from '../../../test/support/color-fixtures';
import { toGrayscale } from './to-grayscale';

describe('toGrayscale', () => {
  it('matches the torchvision reference exactly and converts any mode', () => {
    const ref = referenceFixture('vision_grayscale');
    expectImage(toGrayscale(imageOf(ref.inputs.image_hwc_uint8!)), ref.expected.y!);
    expect(toGrayscale(Image.new('RGBA', [1, 1], [0, 255, 0, 0])).getPixel(0, 0)).toBe(150);
    const rgb = toGrayscale(Image.new('L', [1, 1], 33), 3);
    expect([rgb.mode, rgb.getPixel(0, 0)]).toEqual(['RGB', [33, 33, 33]]);
  });

  it('takes Images only and 1 or 3 output channels', () => {
    throwsExactly(() => toGrayscale(rand([3, 2, 2]) as never), ArgumentTypeError, 'toGrayscale: expected an Image, got a float32 tensor of shape [3, 2, 2] (use rgbToGrayscale for tensors)');
    throwsExactly(() => toGrayscale(Image.new('RGB', [1, 1]), 0), ValueError, 'toGrayscale: numOutputChannels must be 1 or 3, got 0');
  });
});
