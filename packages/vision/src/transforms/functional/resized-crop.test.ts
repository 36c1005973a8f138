import { ValueError, rand } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { TENSOR_TOL, expectFixture, fixtureImage, fixtureTensor, geometryFixtures, inputImage, referenceFixture } from '../../../test/geometry-fixtures';
import { Image } from '../../image/image';
import type { InterpolationMode } from './interpolation-mode';
import { resizedCrop } from './resized-crop';

interface Params {
  top: number;
  left: number;
  height: number;
  width: number;
  size: number[];
  interpolation?: InterpolationMode;
  antialias?: boolean;
}

describe('resizedCrop parity', () => {
  it('matches the shared reference fixture vision_resized_crop exactly', () => {
    const f = referenceFixture('vision_resized_crop');
    const p = f.params as unknown as Params;
    expectFixture(resizedCrop(fixtureImage(f.inputs.image_hwc_uint8!), p.top, p.left, p.height, p.width, p.size), f.expected.y!);
  });
  for (const f of geometryFixtures('pil_resized_crop_')) {
    it(`matches torchvision on PIL images: ${f.name}`, () => {
      const p = f.params as unknown as Params;
      expectFixture(resizedCrop(inputImage(f), p.top, p.left, p.height, p.width, p.size, { interpolation: p.interpolation }), f.expected.y!);
    });
  }
  for (const f of geometryFixtures('tensor_resized_crop_')) {
    it(`matches torchvision on tensors: ${f.name}`, () => {
      const p = f.params as unknown as Params;
      const y = resizedCrop(fixtureTensor(f.inputs.x!), p.top, p.left, p.height, p.width, p.size, { interpolation: p.interpolation, antialias: p.antialias });
      expectFixture(y, f.expected.y!, TENSOR_TOL);
    });
  }
});

describe('resizedCrop', () => {
  it('crops then resizes, Images and batched tensors alike', () => {
    expect(resizedCrop(Image.new('RGB', [320, 240]), 10, 20, 200, 150, [224, 224]).size).toEqual([224, 224]);
    expect(resizedCrop(rand([4, 3, 32, 32]), 2, 2, 20, 10, 8).shape).toEqual([4, 3, 16, 8]);
  });

  it('reports bad crop and resize arguments with the op that rejects them', () => {
    const img = Image.new('RGB', [8, 8]);
    expect(() => resizedCrop(img, 0, 0, -1, 4, 4)).toThrow(ValueError);
    expect(() => resizedCrop(img, 0, 0, -1, 4, 4)).toThrow('crop: height and width must be non-negative, got height=-1, width=4');
    expect(() => resizedCrop(img, 0, 0, 4, 4, 0)).toThrow('resize: size must hold positive integers, got 0');
  });
});
