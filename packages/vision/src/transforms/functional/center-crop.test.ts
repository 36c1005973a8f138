import { ArgumentTypeError, ValueError, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectFixture, fixtureImage, fixtureTensor, geometryFixtures, inputImage, referenceFixture } from '../../../test/geometry-fixtures';
import { Image } from '../../image/image';
import { centerCrop } from './center-crop';

describe('centerCrop parity', () => {
  it('matches the shared reference fixture vision_center_crop', () => {
    const f = referenceFixture('vision_center_crop');
    expectFixture(centerCrop(fixtureImage(f.inputs.image_hwc_uint8!), f.params.size as number[]), f.expected.y!);
  });
  for (const f of geometryFixtures('pil_center_crop_')) {
    it(`matches torchvision on PIL images: ${f.name}`, () => {
      expectFixture(centerCrop(inputImage(f), f.params.size as number[]), f.expected.y!);
    });
  }
  for (const f of geometryFixtures('tensor_center_crop_')) {
    it(`matches torchvision on tensors: ${f.name}`, () => {
      expectFixture(centerCrop(fixtureTensor(f.inputs.x!), f.params.size as number[]), f.expected.y!);
    });
  }
});

describe('centerCrop', () => {
  it('rounds odd margins to even like Python (13 - 6 = 7 rows: top 4)', () => {
    const img = new Image(1, 13, 'L', Uint8Array.from({ length: 13 }, (_, i) => i));
    expect(Array.from(centerCrop(img, [6, 1]).data)).toEqual([4, 5, 6, 7, 8, 9]);
    const img2 = new Image(1, 11, 'L', Uint8Array.from({ length: 11 }, (_, i) => i));
    expect(Array.from(centerCrop(img2, [6, 1]).data)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('pads with zeros when the crop is larger than the image', () => {
    const img = Image.new('L', [2, 2], 7);
    expect(Array.from(centerCrop(img, [2, 5]).data)).toEqual([0, 7, 7, 0, 0, 0, 7, 7, 0, 0]);
    expect(centerCrop(zeros([1, 3, 2, 2]), 4).shape).toEqual([1, 3, 4, 4]);
  });

  it('rejects bad sizes and non-images', () => {
    const img = Image.new('RGB', [8, 8]);
    expect(() => centerCrop(img, [1, 2, 3])).toThrow(ValueError);
    expect(() => centerCrop(img, [1, 2, 3])).toThrow('centerCrop: size should be a number or a list of 1 or 2 numbers (h, w), got [1, 2, 3]');
    expect(() => centerCrop(img, -2)).toThrow('centerCrop: size should hold non-negative integers, got [-2]');
    expect(() => centerCrop({} as Image, 2)).toThrow(ArgumentTypeError);
    expect(() => centerCrop({} as Image, 2)).toThrow('centerCrop: expected an Image or an image Tensor, got an object (Object)');
  });
});
