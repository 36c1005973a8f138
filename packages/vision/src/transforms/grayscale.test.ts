import { rand, ShapeError, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { expectImage, imageOf, referenceFixture } from '../../test/support/color-fixtures';
import { throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { Grayscale } from './grayscale';

describe('Grayscale', () => {
  it('gives torchvision’s PIL result exactly', () => {
    const ref = referenceFixture('vision_grayscale');
    expectImage(new Grayscale()(imageOf(ref.inputs.image_hwc_uint8!)), ref.expected.y!);
  });

  it('makes 1 or 3 equal channels, on Images, tensors and batches', () => {
    const img = new Grayscale(3)(new Image(1, 1, 'RGB', Uint8Array.of(255, 0, 0)));
    expect([img.mode, [...img.data]]).toEqual(['RGB', [76, 76, 76]]);
    expect(new Grayscale()(rand([2, 3, 4, 4])).shape).toEqual([2, 1, 4, 4]);
    expect(new Grayscale(3)(rand([3, 4, 4])).shape).toEqual([3, 4, 4]);
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new Grayscale())).toBe(torchRepr('Grayscale()'));
    expect(String(new Grayscale(3))).toBe(torchRepr('Grayscale(3)'));
    expect(new Grayscale(3).workerSpec()).toMatchObject({ export: 'Grayscale', args: [3] });
  });

  it('rejects other channel counts and 2-channel tensors', () => {
    throwsExactly(() => new Grayscale(2 as never), ValueError, 'Grayscale: num_output_channels should be either 1 or 3, got number 2');
    throwsExactly(() => new Grayscale()(rand([2, 2, 2])), ShapeError, 'rgbToGrayscale: expected an image tensor with 1 or 3 channels ([..., 1 or 3, H, W]), got 2 channels (shape [2, 2, 2])');
  });
});
